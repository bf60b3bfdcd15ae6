"""`compliance check --waivers FILE` as a pipeline runs it: a waivers file that does not fit is refused with
exit 3, each problem naming the field and its line in the language asked, and a valid one is applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli.main import main
from tests.reports.report_checks import ROOT

CHATBOT = ROOT / "examples" / "darija-support-chatbot.yaml"
WAIVER = """waivers:
  - rule_id: L0908-A12-FORMALITY
    project: Darija customer-support chatbot
    reason: {reason}
    legal_ground: Art. 12
    approver: liaison
    expires: 2999-06-30
"""
SHORT = {
    "en": "waivers.0.reason: at least 10 characters (line 4, column 5)",
    "fr": "waivers.0.reason: au moins 10 caractères (ligne 4, colonne 5)",
    "ar": "waivers.0.reason: لا يقل عن 10 من الأحرف (السطر 4، العمود 5)",
}
MISSING = {
    "en": "waivers.0.approver: missing: this key is required (line 1, column 11)",
    "fr": "waivers.0.approver: manquante : cette clé est obligatoire (ligne 1, colonne 11)",
    "ar": "waivers.0.approver: ناقص: هذا المفتاح إلزامي (السطر 1، العمود 11)",
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_waivers_file_that_does_not_fit_is_refused_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The problems were pydantic's English ("String should have at least 10 characters"), without a line."""
    short = tmp_path / "short.yaml"
    short.write_text(WAIVER.format(reason="soon"), encoding="utf-8")
    assert main(["check", str(CHATBOT), "--waivers", str(short), "--lang", lang]) == 3
    err = capsys.readouterr().err
    assert SHORT[lang] in err.splitlines()[1] and "String should" not in err
    partial = tmp_path / "partial.yaml"
    partial.write_text(
        "waivers: [{rule_id: L0908-A12-FORMALITY, project: x, reason: a long reason, "
        "legal_ground: Art. 12, expires: 2999-01-01}]\n",
        encoding="utf-8",
    )
    assert main(["check", str(CHATBOT), "--waivers", str(partial), "--lang", lang]) == 3
    assert MISSING[lang] in capsys.readouterr().err


def test_a_valid_waivers_file_suppresses_the_finding_in_sarif(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(WAIVER.format(reason="The authorisation request is filed"), encoding="utf-8")
    sarif = tmp_path / "out.sarif"
    args = ["check", str(CHATBOT), "--waivers", str(waivers), "--format", "sarif", "--output", str(sarif)]
    assert main(args) == 1  # other major findings still fail
    results = {r["ruleId"]: r for r in json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]}
    assert results["L0908-A12-FORMALITY"]["suppressions"][0]["kind"] == "external"
    assert "suppressions" not in results["L0908-A03-RETENTION"]
