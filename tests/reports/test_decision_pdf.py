"""The printable decision in the reader's language: French, English, and Arabic laid out right to left with the
Arabic font embedded; the identifiers, dates and hashes stay as recorded, and the signed record rides along."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from compliance.service.decision_pdf import decision_html, read_decision_file, render_decision_pdf

EXPORTED = {
    "decision": {
        "project_id": "prj_0123456789abcdef",
        "organisation": "draa-sante",
        "version": 2,
        "decision": "approved",
        "liaison": "usr_5dd5fb5af6c8",
        "decided_at": "2026-11-30T01:53:07Z",
        "pack_id": "law-09-08-ai",
        "pack_version": "0.2.0",
        "opinion": "Approuvé sous réserve.",
        "waivers": [
            {
                "rule_id": "L0908-A03-COMPATIBLE-REUSE",
                "legal_ground": "Art. 12(1)",
                "expires": "2027-01-31",
                "reason": "Dispense temporaire",
                "reviewer": "usr_14c776b0c624",
            }
        ],
        "judgements": {"L0908-A03-COMPATIBLE-REUSE": "waived", "L0908-A12-FORMALITY": "confirmed"},
        "submission_hash": "sha256:" + "a" * 64,
        "assessment_hash": "sha256:" + "b" * 64,
    },
    "decision_hash": "sha256:" + "c" * 64,
    "signature": {"key_fingerprint": "sha256:" + "d" * 64},
}


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Décision de revue — version 2 approuvée", "Dérogations", "L0908-A12-FORMALITY : confirmé"]),
        ("en", ["Review decision — version 2 approved", "Waivers", "L0908-A12-FORMALITY: confirmed"]),
    ],
)
def test_the_decision_reads_in_the_liaisons_language(lang: str, words: list[str]) -> None:
    pdf = render_decision_pdf(EXPORTED, lang=lang)
    printed = _text(pdf)
    for word in words:
        assert word in printed
    assert read_decision_file(pdf) == EXPORTED  # the signed record is still the embedded one


def test_the_arabic_decision_is_right_to_left_in_an_arabic_font(tmp_path: Path) -> None:
    html = decision_html(EXPORTED, lang="ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "Décision" not in html and "Dérogations" not in html and "Jugements" not in html  # no French left
    assert '<bdi dir="ltr">2027-01-31</bdi>' in html  # a date read left to right inside the Arabic line
    # the liaison's French opinion keeps its own direction (WeasyPrint does not resolve dir="auto")
    assert '<p dir="ltr">Approuvé sous réserve.</p>' in html
    pdf = render_decision_pdf(EXPORTED, lang="ar")
    assert read_decision_file(pdf) == EXPORTED
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils is not installed: the fonts of the PDF are not checked")
    path = tmp_path / "decision-ar.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Naskh" in fonts
    printed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "الاستثناءات" in printed and "الأحكام" in printed and "L0908-A03-COMPATIBLE-REUSE" in printed
