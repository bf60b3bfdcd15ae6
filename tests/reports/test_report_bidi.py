"""The Arabic report read right to left: rule identifiers in a penalty line kept whole and left to right (not
broken at a hyphen, their brackets not flipped), the Arabic semicolon between items, and the values a person
wrote laid out in their own direction in the PDF (WeasyPrint does not resolve `dir="auto"` by itself)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from compliance.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DARIJA = ROOT / "examples" / "darija-support-chatbot.yaml"  # fines under Art. 52, 54, 55 with long rule ids
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _report(tmp_path: Path, fmt: str, lang: str = "ar") -> Path:
    target = tmp_path / f"report-{lang}.{fmt}"
    assert (
        main(["check", str(DARIJA), "--format", fmt, "--lang", lang, "--output", str(target)]) == 1
    )  # fails
    return target


def test_penalty_rules_and_separators_in_the_arabic_html(tmp_path: Path) -> None:
    html = _report(tmp_path, "html").read_text(encoding="utf-8")
    assert '<span class="rules" dir="ltr">[<span class="rule">L0908-A12-FORMALITY</span>, ' in html
    assert " ; " not in html  # the French/ASCII separator: Arabic lists take "؛ "
    assert '<span class="field">F112</span> طلب إذن مسبق؛ <span class="field">F118</span>' in html
    assert (
        '<bdi dir="ltr">Atlas Connect SARL; RC Casablanca 512345</bdi>' in html
    )  # annex value, typed in English
    french = _report(tmp_path, "html", "fr").read_text(encoding="utf-8")
    assert '<span class="field">F112</span> demande d\'autorisation préalable ; ' in french.replace(
        "&#39;", "'"
    )


def test_penalty_rule_ids_stay_whole_in_the_arabic_pdf(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed: the PDF's text is not read")
    pdf = _report(tmp_path, "pdf")
    lines = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = _BIDI_MARKS.sub("", lines)
    for rule in ("L0908-A19-RECEIPT-BEFORE-GO-LIVE", "L0908-A15-DECLARATION-MATCH", "L0908-A03-RETENTION"):
        assert rule in lines, f"{rule} broken across lines on the summary page"


def test_no_chapter_is_left_as_a_bare_heading(tmp_path: Path) -> None:
    """A chapter whose checks all do not apply said nothing under its heading ("القرارات الآلية (المادة 11)"
    followed by the next heading): it gives their number, as a chapter of passing checks does."""
    html = _report(tmp_path, "html").read_text(encoding="utf-8")
    details = html[html.index('<section class="details"') : html.index("</section>", html.index('"details"'))]
    bare = re.findall(r"<h2>([^<]*)</h2>\s*(?=<h2>|$)", details)
    assert bare == []
    assert '<p class="muted">غير منطبقة: ' in details
