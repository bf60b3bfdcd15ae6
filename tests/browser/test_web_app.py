"""The founder's and the liaison's journeys in a real Chromium, in French and in the Arabic layout."""

from __future__ import annotations

import time
from pathlib import Path

import pyotp
import pytest

from tests.browser.conftest import OUTPUT, PASSWORD, ROOT, Site, Tab

PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert('y')>"
DESCRIPTION = "Assistant vocal bancaire en darija " + PAYLOAD
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


def sign_in(tab: Tab, email: str) -> None:
    tab.go("/sign-in")
    tab.page.fill("#email", email)
    tab.page.fill("#password", PASSWORD)
    tab.page.click("main form button[type=submit]")
    tab.page.wait_for_load_state()


def next_step(tab: Tab) -> None:
    tab.page.click("button[value=next]")
    tab.page.wait_for_load_state()


def test_founder_fills_the_questionnaire_and_submits(tab: Tab) -> None:
    page = tab.page
    sign_in(tab, "founder@atlas.ma")  # a member: no second factor asked
    assert page.url.endswith("/")
    tab.check("home")
    page.click("a.button[href='/drafts/new']")
    tab.check("new-draft")
    page.fill("#name", "Assistant vocal " + PAYLOAD)
    page.click("form[action='/drafts'] button")
    page.wait_for_load_state()
    assert "/steps/project" in page.url
    page.fill("#f-description", DESCRIPTION)
    with page.expect_response(lambda r: r.url.endswith("/preview")):  # htmx: saved and assessed on change
        page.check("#f-processes_personal_data-yes")
    page.wait_for_selector("#result #verdict")
    page.locator("input[name=sectors]").first.check()
    result = page.locator("aside.result").bounding_box()
    form = page.locator("form.questions").bounding_box()
    assert result and form and result["x"] > form["x"]  # the live result beside the form
    tab.check("step-project")
    fill = {
        "controller": [("#f-controller-name", "Atlas AI SARL " + PAYLOAD), ("#f-controller-country", "MA")],
        "processings": [
            ("#f-processings-0-name", "Support client"),
            ("#f-processings-0-purposes", "Répondre aux clients"),
        ],
        "ai": [("#f-ai-inference-provider", "Mistral AI")],
        "hosting-transfers": [("#f-transfers-0-country", "FR")],
    }
    seen = ["project"]
    next_step(tab)
    while "/steps/" in page.url:
        step = page.url.rsplit("/", 1)[1].split("#")[0]
        seen.append(step)
        for selector, value in fill.get(step, []):
            page.fill(selector, value)
        if step == "controller":
            page.check("#f-controller-established_in_morocco-yes")
        if step == "processings":
            page.select_option("#f-processings-0-legal_basis", "contract")
        tab.check(f"step-{step}")
        next_step(tab)
    assert len(seen) == 11 and seen[-1] == "cndp"
    assert "/summary" in page.url
    assert page.locator("#verdict").is_visible()
    tab.check("summary")
    page.click("#submit-version")
    page.wait_for_load_state()
    assert "/versions/1" in page.url
    assert page.locator("dd", has_text=DESCRIPTION).count() == 1  # shown as text, not run
    assert page.locator("h1", has_text=PAYLOAD).count() == 1
    tab.check("version")
    page.click("a[href='/']")
    assert page.locator("td a", has_text=PAYLOAD).count() == 2  # the draft and the submitted project
    tab.check("home-after-submit")


def test_founder_imports_a_yaml_file_and_submits(tab: Tab) -> None:
    page = tab.page
    sign_in(tab, "founder@atlas.ma")
    tab.go("/drafts/new")
    page.set_input_files("#file", str(EXAMPLE))
    page.click("form[action='/drafts/import'] button")
    page.wait_for_load_state()
    assert "/summary" in page.url
    assert page.locator("#verdict").inner_text().strip() in ("non conforme", "incomplet", "conforme")
    steps, result = page.locator("nav.steps").bounding_box(), page.locator("section.result").bounding_box()
    submit, delete = (
        page.locator("#submit-version").bounding_box(),
        page.locator("form.delete button").bounding_box(),
    )
    assert steps and result and submit and delete
    assert result["y"] - (steps["y"] + steps["height"]) >= 8  # the steps' links do not touch the result box
    assert delete["y"] - (submit["y"] + submit["height"]) >= 16  # deleting is kept apart from submitting
    tab.check("import-summary")
    tab.go(page.url.replace("/summary", "/steps/ai").replace(tab.site.url, ""))
    assert page.input_value("#f-ai-inference-provider") == "Mistral AI"
    tab.check("import-step-ai")
    tab.go(page.url.replace(tab.site.url, "").replace("/steps/ai", "/steps/project"))
    page.screenshot(path=str(OUTPUT / "questionnaire-fr.png"))  # the README's picture (docs/web-app.png)
    tab.go(page.url.split("/steps/")[0].replace(tab.site.url, "") + "/summary")
    page.click("#submit-version")
    page.wait_for_load_state()
    assert "/versions/1" in page.url
    tab.check("import-version")
    # On a phone each fact's value keeps the width of the screen, not a letter a line beside a long path.
    page.set_viewport_size({"width": 390, "height": 844})
    narrowest = page.evaluate(
        "Math.min(...[...document.querySelectorAll('.facts dd')].map(e => e.clientWidth))"
    )
    assert narrowest > 250, f"a fact's value is {narrowest}px wide on a 390px screen"
    tab.check("import-version-phone")
    # Nothing wider than the phone: the report's long field paths wrap, the table of projects fits.
    for path in (page.url.replace(tab.site.url, "") + "/report", "/"):
        tab.go(path)
        wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert wide <= 0, f"{path} is {wide}px wider than a 390px screen"
        tab.check(
            "phone-report" if path.endswith("/report") else "phone-home"
        )  # axe: a scrolling table is reachable


def test_arabic_layout_is_right_to_left_with_mirrored_navigation(tab: Tab) -> None:
    page = tab.page
    sign_in(tab, "founder@atlas.ma")
    page.click("a[hreflang=ar]")
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    brand = page.locator(".nav .brand").bounding_box()
    sign_out = page.locator(".nav form button").bounding_box()
    assert brand and sign_out and brand["x"] > sign_out["x"]  # the first item of the bar sits on the right
    assert page.locator(".nav .brand").inner_text() == "المطابقة للقانون رقم 09.08"
    tab.check("ar-home")
    tab.go("/drafts/new")
    page.set_input_files("#file", str(EXAMPLE))
    page.click("form[action='/drafts/import'] button")
    page.wait_for_load_state()
    tab.check("ar-summary")
    tab.go(page.url.replace(tab.site.url, "").replace("/summary", "/steps/processings"))
    steps = page.locator("nav.steps").bounding_box()
    form = page.locator("form.questions").bounding_box()
    result = page.locator("aside.result").bounding_box()
    assert steps and form and result and steps["x"] > form["x"] > result["x"]  # the three columns mirrored
    assert page.locator("button[value=next]").inner_text() == "حفظ ومتابعة"
    tab.check("ar-step-processings")
    page.click("a[hreflang=fr]")
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "ltr"


def test_liaison_signs_in_with_totp_and_reads_every_organisation(
    tab: Tab, browser: object, tmp_path: Path
) -> None:
    page = tab.page
    # A founder of another organisation submits a project whose free texts carry a script.
    upload = tmp_path / "souss.yaml"
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    renamed = [
        f'project_name: "Souss {PAYLOAD}"' if line.startswith("project_name:") else line for line in lines
    ]
    upload.write_text("\n".join(renamed) + "\n", encoding="utf-8")
    sign_in(tab, "founder@souss.ma")
    tab.go("/drafts/new")
    page.set_input_files("#file", str(upload))
    page.click("form[action='/drafts/import'] button")
    page.wait_for_load_state()
    page.click("#submit-version")
    page.wait_for_load_state()
    version_path = page.url.replace(tab.site.url, "")
    page.click(".nav form button")  # sign out
    page.wait_for_load_state()
    sign_in(tab, "liaison@cndp.ma")
    assert "/sign-in/enrol" in page.url  # a liaison must set up its second factor
    tab.check("liaison-enrol")
    secret = page.inner_text("#totp-secret").strip()
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/")
    assert page.locator("td a", has_text=f"Souss {PAYLOAD}").count() == 1
    assert page.locator("td", has_text="Souss Data").count() >= 1
    tab.check("liaison-home")
    tab.go(version_path)
    assert page.locator("h1", has_text=PAYLOAD).count() == 1
    tab.check("liaison-version")
    page.click(".nav form button")
    page.wait_for_load_state()
    # Second sign-in: the code, not the enrolment. The current step was spent: the next one is accepted
    # (one step of clock drift either way), a replay of the spent one is not.
    sign_in(tab, "liaison@cndp.ma")
    assert "/sign-in/code" in page.url
    tab.check("liaison-code")
    totp = pyotp.TOTP(secret)
    page.fill("#code", totp.at(time.time() + totp.interval))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/")


def _tab_to(tab: Tab, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} cannot be reached with the Tab key")


def _enter(tab: Tab) -> None:
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def test_questionnaire_with_the_keyboard_alone(tab: Tab) -> None:
    page = tab.page
    tab.go("/sign-in")
    _tab_to(tab, "#email")
    page.keyboard.type("founder@atlas.ma")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    _enter(tab)
    _tab_to(tab, "a.button[href='/drafts/new']")
    _enter(tab)
    _tab_to(tab, "#name")
    page.keyboard.type("Tableau de bord sans données personnelles")
    _enter(tab)
    _tab_to(tab, "#f-description")
    page.keyboard.type("Prévisions de trafic à partir de compteurs anonymes.")
    _tab_to(tab, "input[name=processes_personal_data]")
    # Arrow keys move within a radio group: Yes, then No.
    page.keyboard.press("ArrowRight" if page.get_attribute("html", "dir") == "ltr" else "ArrowLeft")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#f-processes_personal_data-no") or page.is_checked(
        "#f-processes_personal_data-unknown"
    )
    if not page.is_checked("#f-processes_personal_data-no"):
        page.keyboard.press("ArrowUp")
    assert page.is_checked("#f-processes_personal_data-no")
    _tab_to(tab, "button[value=next]")
    _enter(tab)
    assert "/summary" in page.url  # no personal data: the other steps do not apply
    tab.check("keyboard-summary")
    _tab_to(tab, "#submit-version")
    _enter(tab)
    assert "/versions/1" in page.url
    assert page.locator("#verdict").inner_text().strip() in ("conforme", "incomplet", "non conforme")


def test_server_log_holds_no_submission_content(site: Site) -> None:
    log = site.server.log()
    assert "GET /sign-in" in log  # the access log is there
    for secret in ("darija", "alert(", "Mistral", "Prévisions", "onerror", PASSWORD):
        assert secret not in log
