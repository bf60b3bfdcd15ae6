"""Input files of a pipeline that are not what they should be: a baseline that is not an assessment and a
submission that is not JSON are refused with exit 3, the problem worded in the language asked, with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli.main import main
from tests.reports.report_checks import ROOT

CHATBOT = ROOT / "examples" / "darija-support-chatbot.yaml"
NOT_JSON = {
    "en": "(file): not valid JSON: Expecting ',' delimiter (line 2, column 1)",
    "fr": "(fichier): JSON invalide : Expecting ',' delimiter (ligne 2, colonne 1)",
    "ar": "(الملف): ليس نص JSON صالحا: Expecting ',' delimiter (السطر 2، العمود 1)",
}
NOT_AN_ASSESSMENT = {
    "en": ["project_name: missing: this key is required", "verdict: not one of the accepted values"],
    "fr": [
        "project_name: manquante : cette clé est obligatoire",
        "verdict: n'est pas une des valeurs admises",
    ],
    "ar": ["project_name: ناقص: هذا المفتاح إلزامي", "verdict: ليست من القيم المقبولة"],
}


def _refused(command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What a command refused with exit 3 wrote on standard error."""
    assert main(command) == 3
    return capsys.readouterr().err


LANGS = pytest.mark.parametrize("lang", ["en", "fr", "ar"])


@LANGS
def test_a_baseline_that_is_not_an_assessment_is_explained_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """Both were pydantic's English ("Field required", "Invalid JSON: …") whatever --lang said."""
    cut, wrong = tmp_path / "cut.json", tmp_path / "wrong.json"
    cut.write_text('{"verdict": "compliant"\n"pack": 1}\n', encoding="utf-8")
    wrong.write_text('{"verdict": 3}\n', encoding="utf-8")
    err = _refused(["check", str(CHATBOT), "--baseline", str(cut), "--lang", lang], capsys)
    assert "  " + NOT_JSON[lang] in err.splitlines()
    err = _refused(["diff", str(wrong), str(wrong), "--lang", lang], capsys)
    assert all(problem in err for problem in NOT_AN_ASSESSMENT[lang]) and "Field required" not in err
    assert "(line 1, column 2)" in err or "(ligne 1, colonne 2)" in err or "(السطر 1، العمود 2)" in err


@LANGS
def test_a_submission_that_is_not_json_is_explained_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The French and Arabic reports said "not valid JSON at line 2, column 1: …" in English."""
    sub = tmp_path / "project.law0908.json"
    sub.write_text('{"schema_version": "1.0"\n"project_name": "x"}\n', encoding="utf-8")
    assert "  " + NOT_JSON[lang] in _refused(["check", str(sub), "--lang", lang], capsys).splitlines()
    assert NOT_JSON[lang] in _refused(["validate", str(sub), "--lang", lang], capsys)
