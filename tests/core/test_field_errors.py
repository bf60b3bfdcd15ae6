"""Errors a founder understands: every field error with its line and column, plain words for dates, country
codes and versions (never a regular expression), "did you mean" from the vocabulary, in French or English;
one vocabulary of language codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.domain.vocabulary import Dialect, Language

BAD = """\
schema_version: "2.0"
project_name: Atlas
processes_personal_dat: true
controller:
  country: Maroc
cndp:
  formality: declration
  receipt_date: 31/03/2026
processings:
  - id: chat
    legal_basis: contrat
    retention: {period_days: forever}
ai:
  voice:
    dialects: [darija, tamazight]
"""
# Each expected problem: the path, words of the message, and the key on the line it points at.
EXPECTED = {
    "en": [
        (
            "schema_version",
            'this tool reads version 1.1 of the format: write schema_version: "1.1"',
            "schema_version",
        ),
        ("(file)", "unknown key; did you mean 'processes_personal_data'?", "processes_personal_dat"),
        ("controller.country", "two-letter ISO 3166 code in capitals, e.g. MA, FR, US", "country"),
        ("cndp.formality", "did you mean 'declaration'?", "formality"),
        ("cndp.receipt_date", "expected a date written YYYY-MM-DD, e.g. 2026-03-31", "receipt_date"),
        ("processings.0.legal_basis", "did you mean 'contract'?", "legal_basis"),
        ("processings.0.retention.period_days", "expected a whole number", "period_days"),
        ("ai.voice.dialects.0", "did you mean 'ary'?", "dialects"),
        ("ai.voice.dialects.1", "did you mean 'zgh'?", "dialects"),
    ],
    "fr": [
        ("cndp.receipt_date", "une date est attendue, écrite AAAA-MM-JJ", "receipt_date"),
        ("controller.country", "par son code ISO 3166 à deux lettres majuscules", "country"),
        ("processings.0.legal_basis", "vouliez-vous dire « contract » ?", "legal_basis"),
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_field_error_is_plain_placed_and_suggests_from_the_vocabulary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    sub = tmp_path / "project.yaml"
    sub.write_text(BAD, encoding="utf-8")
    assert main(["validate", str(sub), "--lang", lang]) == 3
    problems = capsys.readouterr().err.splitlines()[1:]
    lines = BAD.splitlines()
    position = r"\((?:line|ligne) (\d+), (?:column|colonne) (\d+)\)$"
    for problem in problems:
        assert re.search(position, problem), f"no line and column: {problem}"
        assert "^[" not in problem and "pattern" not in problem  # never a regular expression
    for path, words, key in EXPECTED[lang]:
        found = [p for p in problems if p.strip().startswith(path + ": ") and words in p]
        assert found, f"{path}: '{words}' not in {problems}"
        match = re.search(position, found[0])
        assert match is not None
        line, column = int(match.group(1)), int(match.group(2))
        assert key in lines[line - 1][column - 1 :] or lines[line - 1][column - 1 :].startswith(
            ("darija", "tamazight")
        ), (found[0], lines[line - 1])


def test_an_unrecognisable_value_lists_the_accepted_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = tmp_path / "p.yaml"
    sub.write_text('schema_version: "1.0"\nproject_name: x\nsectors: [zzzzzz]\n', encoding="utf-8")
    assert main(["check", str(sub), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "sectors.0: not one of the accepted values: 'health', 'employment', 'finance'" in err
    assert "did you mean" not in err


def test_languages_and_dialects_share_one_vocabulary_of_iso_codes() -> None:
    assert Dialect is Language
    assert all(re.fullmatch(r"[a-z]{2,3}", member.value) for member in Language)
    assert {"ar", "ary", "zgh", "mey", "fr"} <= {m.value for m in Language}
