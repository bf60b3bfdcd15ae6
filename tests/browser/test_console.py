"""The liaison's console in a real Chromium, the whole cycle: a founder submits from the questionnaire; two
liaisons (Nadia in French, Youssef in Arabic) judge the same finding and the late one is told what changed;
changes are requested; the founder reads them and answers from the questionnaire, pre-filled with the last
answers; the liaison compares the versions fact by fact and approves with a waiver; the decision PDF is
downloaded and verified by `compliance verify-decision`. Every page is screenshotted and checked by axe-core
(no serious or critical violation), in French and in Arabic. Submitters are kept out of the console."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pyotp
import pytest

from compliance.i18n import Lang, translator
from tests.browser.conftest import Site, Tab, close_tab, open_tab
from tests.browser.test_web_app import next_step, sign_in

PROJECT = "Tri des rendez-vous de la clinique"
FIRST = "Un assistant qui propose des créneaux aux patients de la clinique."
SECOND = "Un assistant qui propose des créneaux aux patients ; les échanges sont effacés après 30 jours."


def arabic(choice: str) -> str:
    """A state, action or judgement as the Arabic catalogue words it (whatever its translator chose)."""
    words = translator(Lang.ar).pgettext("choice", choice)
    assert words != choice, f"no Arabic for {choice!r}"
    return words


@pytest.fixture
def people(browser: Any, site: Site, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Tab]]:
    """A browser context per person (each its own cookies), closed and checked at the end."""
    opened: list[tuple[Tab, Any]] = []

    def open_one(name: str) -> Tab:
        made = open_tab(browser, site, f"console-{name}")
        opened.append(made)
        return made[0]

    yield open_one
    for made, context in opened:
        close_tab(made, context)


def _load(tab: Tab) -> None:
    tab.page.wait_for_load_state()


def enrol(tab: Tab) -> None:
    """A liaison's first sign-in sets up the second factor, as an authenticator app would."""
    assert "/sign-in/enrol" in tab.page.url
    secret = tab.page.inner_text("#totp-secret").strip()
    tab.page.fill("#code", pyotp.TOTP(secret).now())
    tab.page.click("main form button[type=submit]")
    _load(tab)
    assert tab.page.url.endswith("/")


def to_arabic(tab: Tab) -> None:
    tab.page.click("a[hreflang=ar]")
    _load(tab)
    assert tab.page.get_attribute("html", "dir") == "rtl"


def act(tab: Tab, action: str, text: str = "") -> None:
    tab.page.select_option("#action", action)
    if text:
        tab.page.fill("#action-text", text)
    tab.page.click("#apply")
    _load(tab)


def judge(tab: Tab, rule: str, judgement: str, **fields: str) -> None:
    tab.page.click(f"[id='{rule}'] summary")  # the form is folded under the finding
    form = tab.page.locator(f"[id='{rule}'] form.judge")
    form.locator("select[name=judgement]").select_option(judgement)
    if "corrected_outcome" in fields:
        form.locator("select[name=corrected_outcome]").select_option(fields.pop("corrected_outcome"))
    for name, value in fields.items():
        form.locator(f"input[name={name}]").fill(value)
    form.locator("button").click()
    _load(tab)


def first_open_finding(tab: Tab) -> str:
    rule = tab.page.locator("ul.findings > li").first.get_attribute("id")
    assert rule
    return str(rule)


def right_aligned(tab: Tab, selector: str) -> bool:
    """The element's text starts at the right edge of its box and leaves room on the left: laid out right to
    left (a block's box spans the whole width either way; its text does not)."""
    text_left, text_right, box_left, box_right = tab.page.evaluate(
        """(s) => { const e = document.querySelector(s); const r = document.createRange();
        r.selectNodeContents(e); const t = r.getBoundingClientRect(); const b = e.getBoundingClientRect();
        return [t.left, t.right, b.left, b.right]; }""",
        selector,
    )
    return bool(box_right - text_right < 40 and text_left - box_left > 40)


def founder_submits_from_the_questionnaire(founder: Tab) -> str:
    page = founder.page
    sign_in(founder, "founder@draa.ma")
    founder.go("/drafts/new")
    page.fill("#name", PROJECT)
    page.click("form[action='/drafts'] button")
    _load(founder)
    page.fill("#f-description", FIRST)
    with page.expect_response(lambda r: r.url.endswith("/preview")):
        page.check("#f-processes_personal_data-yes")
    page.locator("input[name=sectors]").first.check()
    next_step(founder)
    assert "/steps/controller" in page.url
    page.fill("#f-controller-name", "Draa Santé SARL")
    page.check("#f-controller-established_in_morocco-yes")
    next_step(founder)
    founder.go(page.url.split("/steps/")[0].replace(founder.site.url, "") + "/summary")
    page.click("#submit-version")
    _load(founder)
    assert page.url.endswith("/versions/1")
    return str(page.url.replace(founder.site.url, "").split("/")[2])


def test_full_review_cycle_in_the_console(people: Callable[[str], Tab], site: Site, tmp_path: Path) -> None:
    founder = people("founder")
    project_id = founder_submits_from_the_questionnaire(founder)
    v1, v2 = f"/review/{project_id}/versions/1", f"/review/{project_id}/versions/2"

    # Nadia finds the version in the queue and starts the review.
    nadia = people("nadia")
    sign_in(nadia, "nadia@cndp.ma")
    enrol(nadia)
    nadia.go("/review")
    row = nadia.page.locator("#queue tbody tr", has_text=PROJECT)
    assert row.count() == 1 and "\tsoumis\t" in row.inner_text() and "bloquant" in row.inner_text()
    assert "Draa Sante" in row.inner_text()
    nadia.check("queue")
    nadia.go("/review?state=in_review")
    assert nadia.page.locator("#queue tbody tr", has_text=PROJECT).count() == 0
    nadia.go("/review")
    nadia.page.click(f"#queue a[href='{v1}']")
    _load(nadia)
    assert "Commencer l'examen" in nadia.page.inner_text("#action")  # actions in words
    nadia.check("review-submitted")
    act(nadia, "start_review")
    assert nadia.page.inner_text("#state") == "en examen"
    nadia.check("review-in-review")

    # Youssef reads the same page, in Arabic, at the same revision.
    youssef = people("youssef")
    sign_in(youssef, "youssef@cndp.ma")
    enrol(youssef)
    to_arabic(youssef)
    youssef.go("/review")
    assert youssef.page.locator("#queue tbody tr", has_text=PROJECT).count() == 1
    assert right_aligned(youssef, "main h1")
    youssef.check("ar-queue")
    youssef.go(v1)
    assert youssef.page.inner_text("#state") == arabic("in review")
    assert right_aligned(youssef, "main h1")
    youssef.check("ar-review-in-review")

    # Nadia disputes the first open finding; Youssef, on his stale page, confirms it: a conflict that says
    # who changed what, and nothing stored.
    rule = first_open_finding(nadia)
    judge(nadia, rule, "disputed", corrected_outcome="pass", reason="Le contrat de soins joint le prévoit.")
    assert "contesté → conforme — Nadia Alaoui" in nadia.page.inner_text(f"[id='{rule}'] .judgement")
    judge(youssef, rule, "confirmed")
    assert youssef.page.locator("#conflict").is_visible()
    changes = youssef.page.locator("#changes li").all_inner_texts()
    assert len(changes) == 1 and "Nadia Alaoui" in changes[0] and rule in changes[0]
    assert arabic("disputed") in changes[0]
    assert "in_review" not in youssef.page.inner_text("#conflict")
    youssef.check("ar-conflict")
    youssef.page.click("#conflict a")
    _load(youssef)
    assert "Nadia Alaoui" in youssef.page.inner_text(f"[id='{rule}'] .judgement")  # reloaded: the dispute

    # Youssef comments on the finding and requests changes.
    comments = youssef.page.locator("form[action$='/comments']")
    comments.locator("input[name=rule_id]").fill(rule)
    comments.locator("textarea[name=text]").fill("Merci de préciser le pays du responsable du traitement.")
    comments.locator("button").click()
    _load(youssef)
    act(youssef, "request_changes", "Indiquez le pays du responsable et si le traitement a commencé.")
    assert youssef.page.inner_text("#state") == arabic("changes requested")
    assert arabic("request changes") in youssef.page.inner_text("#history")  # the action in words
    youssef.check("ar-changes-requested")

    # The founder reads the request and the comment, and answers from the questionnaire, pre-filled.
    founder.go(f"/projects/{project_id}/versions/1")
    page = founder.page
    assert "Indiquez le pays du responsable" in page.inner_text("#to-change")
    assert "Youssef Idrissi" in page.inner_text("#comments")
    assert "modifications demandées" in page.inner_text("main")
    founder.check("version-changes-requested")
    page.click("#revise")
    _load(founder)
    assert "/steps/project" in page.url
    assert page.input_value("#f-description") == FIRST  # the last version's answers
    assert page.is_checked("#f-processes_personal_data-yes")
    founder.check("revise-prefilled")
    page.fill("#f-description", SECOND)
    page.check("#f-live-no")  # not launched yet
    next_step(founder)
    assert page.input_value("#f-controller-name") == "Draa Santé SARL"
    page.fill("#f-controller-country", "MA")
    next_step(founder)
    founder.go(page.url.split("/steps/")[0].replace(site.url, "") + "/summary")
    page.click("#submit-version")
    _load(founder)
    assert page.url.endswith(f"/projects/{project_id}/versions/2")
    assert "soumis à nouveau" in page.inner_text("main")
    founder.check("version-resubmitted")

    # Nadia compares the two versions, fact by fact.
    nadia.go("/review")
    assert "soumis à nouveau" in nadia.page.locator("#queue tbody tr", has_text=PROJECT).inner_text()
    nadia.go(v2)
    nadia.page.click("#compare")
    _load(nadia)
    assert nadia.page.url.endswith(f"/review/{project_id}/diff?from=1&to=2")
    facts = {
        row.locator("th").inner_text(): row.inner_text()
        for row in nadia.page.locator("#facts tbody tr").all()
    }
    assert set(facts) == {"description", "controller.country", "live"}
    assert "L0908-" in facts["live"]  # the checks that read the fact are named beside it
    assert FIRST in facts["description"] and SECOND in facts["description"]
    assert "non renseigné" in facts["controller.country"] and "MA" in facts["controller.country"]
    nadia.check("diff")

    # Youssef (in Arabic) and Nadia both read version 2 in review; Youssef confirms a finding first, so
    # Nadia's waiver comes late: the conflict in French, then the waiver again and the approval.
    nadia.go(v2)
    act(nadia, "start_review")
    youssef.go(v2)
    rule2 = first_open_finding(nadia)
    judge(youssef, rule2, "confirmed")
    waiver = {"reason": "Mise en conformité planifiée avant 2032.", "legal_ground": "Art. 6(b)"}
    judge(nadia, rule2, "waived", **waiver, expires="2031-12-31")
    assert "Youssef Idrissi a jugé" in nadia.page.inner_text(
        "#changes"
    ) and "confirmé" in nadia.page.inner_text("#changes")
    assert "Quelqu'un d'autre a modifié ce projet : rechargez" in nadia.page.inner_text("#conflict")
    nadia.check("conflict")
    nadia.page.click("#conflict a")
    _load(nadia)
    judge(nadia, rule2, "waived", **waiver, expires="2031-12-31")
    judgement = nadia.page.inner_text(f"[id='{rule2}'] .judgement")
    assert "dérogation accordée" in judgement and "Art. 6(b)" in judgement and "2031-12-31" in judgement
    act(nadia, "approve", "Approuvé avec une dérogation jusqu'à la fin de 2031.")
    assert nadia.page.inner_text("#state") == "approuvé"
    assert "Nadia Alaoui" in nadia.page.inner_text("#decision")
    assert nadia.page.locator("#action").count() == 0  # decided: no action left
    nadia.check("decided")

    # The decision PDF, downloaded, verifies offline against the service's published key.
    with nadia.page.expect_download() as download:
        nadia.page.click("#decision-pdf")
    pdf = tmp_path / "decision.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    with urlopen(site.url + "/api/v1/decisions/public-key") as answer:
        fingerprint = json.loads(answer.read())["fingerprint"]
    verified = subprocess.run(
        [
            sys.executable,
            "-m",
            "compliance.cli.main",
            "verify-decision",
            str(pdf),
            "--fingerprint",
            fingerprint,
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0 and "decision verified" in verified.stdout, verified.stderr

    # The founder sees the approval and the waiver.
    founder.go(f"/projects/{project_id}/versions/2")
    assert "approuvé" in page.inner_text("main")
    waived = page.inner_text("#waived")
    assert rule2 in waived and "Art. 6(b)" in waived and "2031-12-31" in waived
    founder.check("version-approved")

    # Submitters stay out: the console is 403 for them, another organisation's project 404.
    for path in ("/review", v2, f"/review/{project_id}/diff?from=1&to=2"):
        answer = page.goto(site.url + path)
        assert answer is not None and answer.status == 403, path
    founder.check("console-403")
    other = people("souss")
    sign_in(other, "founder@souss.ma")
    for path in (f"/projects/{project_id}", f"/projects/{project_id}/versions/2"):
        answer = other.page.goto(site.url + path)
        assert answer is not None and answer.status == 404, path
    other.check("other-organisation-404")

    # Every console page again in Arabic, right to left.
    to_arabic(nadia)
    for name, path in (
        ("queue", "/review"),
        ("review-superseded", v1),
        ("review-decided", v2),
        ("diff", f"/review/{project_id}/diff?from=1&to=2"),
    ):
        nadia.go(path)
        assert nadia.page.get_attribute("html", "lang") == "ar"
        assert right_aligned(nadia, "main h1"), name
        nadia.check(f"ar-{name}")
    assert nadia.page.inner_text("#checks-resolved").startswith("عمليات تحقق")
    to_arabic(founder)
    founder.go("/review")
    founder.check("ar-console-403")
