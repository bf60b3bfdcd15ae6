"""The founder's report page in Chromium, in French and in Arabic (right to left): the one-page summary first,
every question's link lands on the questionnaire field that answers it, and the PDF downloaded from the page
is rendered to PNG (kept in test-output/browser/report-pdf/) with its Arabic words in logical order."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from compliance.reports.labels import LABELS
from tests.browser.conftest import OUTPUT, ROOT, Tab
from tests.browser.test_web_app import sign_in

BANK = ROOT / "examples" / "bank-voice-assistant.yaml"
PDF_OUTPUT = OUTPUT / "report-pdf"
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _pdf_text(path: str) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return _BIDI_MARKS.sub("", out)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_report_page_links_each_question_to_its_field_and_gives_the_pdf(tab: Tab, lang: str) -> None:
    if not (shutil.which("pdftoppm") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils is not installed (apt-get install -y poppler-utils)")
    page = tab.page
    sign_in(tab, "founder@souss.ma")
    page.click(f"a[hreflang={lang}]")
    page.wait_for_load_state()
    tab.go("/drafts/new")
    page.set_input_files("#file", str(BANK))
    page.click("form[action='/drafts/import'] button")
    page.wait_for_load_state()
    page.click("#submit-version")
    page.wait_for_load_state()
    assert "/versions/1" in page.url
    page.click("#open-report")
    page.wait_for_load_state()
    report_url = page.url
    assert report_url.endswith("/report")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    words = LABELS[lang]
    summary = page.locator("#summary")
    assert summary.locator("h1").inner_text() == words["title"]
    # the summary comes first on the page, the findings after it
    top = summary.bounding_box()
    findings = page.locator("#findings").bounding_box()
    assert top and findings and top["y"] < findings["y"]
    assert page.locator("#summary ol.actions > li").count() <= 7
    tab.check(f"report-{lang}")

    links = page.locator("#summary a.to-field")
    count = links.count()
    assert count >= 1
    for i in range(count):
        page.goto(report_url)
        href = links.nth(i).get_attribute("href") or ""
        anchor = href.rsplit("#", 1)[1]
        links.nth(i).click()
        page.wait_for_load_state()
        assert "/steps/" in page.url and page.url.endswith("#" + anchor)
        assert (
            page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")
            == anchor
        )
        target = page.locator(f"#{anchor}")
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] < 900, (anchor, box)  # scrolled into view
        assert target.locator("input, select, textarea").count() >= 1  # a field to answer in
        if i == 0:
            tab.check(f"report-{lang}-to-field")

    page.goto(report_url)
    with page.expect_download() as download:
        page.click("#report-pdf")
    PDF_OUTPUT.mkdir(parents=True, exist_ok=True)
    pdf = PDF_OUTPUT / f"report-{lang}.pdf"
    download.value.save_as(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    for old in PDF_OUTPUT.glob(f"report-{lang}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(pdf), str(PDF_OUTPUT / f"report-{lang}")],
        check=True,
    )
    assert len(list(PDF_OUTPUT.glob(f"report-{lang}-*.png"))) == 2
    text = _pdf_text(str(pdf))
    if lang == "ar":
        for phrase in ("تقرير المطابقة للقانون رقم", "ما يجب فعله", "الاستمارات الواجب إيداعها"):
            assert phrase in text, phrase
    else:
        assert "Rapport de conformité à la loi 09-08" in text
