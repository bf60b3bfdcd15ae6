"""`--format markdown --summary`: always within 60,000 characters, gating findings first, details collapsed,
in French and English, and ready for a right-to-left language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.domain.outcomes import Assessment
from compliance.domain.rules import Severity
from compliance.reports import labels
from compliance.reports.digest import formality_summary
from compliance.reports.pr_summary import LIMIT, render_summary
from compliance.service.assessing import Assessor
from compliance.service.submissions import parse_submission
from tests.reports.report_checks import ROOT

PARTIAL = 'schema_version: "1.0"\nproject_name: Partial\nprocesses_personal_data: true\nprocessings:\n'
PARTIAL += "".join(f"  - id: p{i}\n" for i in range(3))
# Everything as long as the format allows: many processings, long names and texts.
LONG = 'schema_version: "1.0"\nproject_name: "' + "Très long nom " * 14 + '"\nprocesses_personal_data: true\n'
LONG += "processings:\n" + "".join(
    f'  - id: p{i}\n    name: "{"n" * 190}"\n    purposes: ["{"x" * 400}"]\n' for i in range(60)
)
CASES = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))}
CASES |= {"partial": PARTIAL, "long": LONG}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_summary_always_fits(assessor: Assessor, name: str, lang: str) -> None:
    assessment = assessor.assess(parse_submission(CASES[name].encode()))
    text = render_summary(assessment, lang, Severity.minor)
    assert len(text) <= LIMIT
    assert text.count("<details>") == text.count("</details>")
    listed = re.findall(r"^\| \S+ \| `(L0908-[A-Z0-9-]+)`", text, flags=re.MULTILINE)
    open_items = [f for f in assessment.findings if f.outcome.value in ("fail", "needs_info", "advisory")]
    words = labels.LABELS[lang]
    if len(listed) < len(open_items) or text.count("<details>") < len(open_items):
        hidden = len(open_items) - min(len(listed), text.count("<details>"))
        assert words["not_shown"].format(count=hidden) in text
    else:
        assert words["not_shown"].split("}")[1][:30] not in text
    gating = [("⛔" in line) for line in text.splitlines() if line.startswith("| ") and "`L0908" in line]
    assert gating == sorted(gating, reverse=True)  # gating rows first


def test_the_partial_submission_of_the_issue_is_cut_not_the_full_report(assessor: Assessor) -> None:
    assessment = assessor.assess(parse_submission(PARTIAL.encode()))
    from compliance.reports.markdown import render_markdown

    assert len(render_markdown(assessment, "fr")) > 2 * LIMIT  # what the issue saw
    summary = render_summary(assessment, "fr")
    assert len(summary) <= LIMIT and "Verdict : " not in summary and "**Verdict:" in summary
    assert "| | Règle | Gravité | Article | Vérification | Fait déterminant |" in summary


def test_rtl_languages_are_wrapped(assessor: Assessor) -> None:
    """Arabic words come from the catalogue, and the layout knows Arabic is written right to left."""
    assert labels.LABELS["ar"]["verdict"] != labels.LABELS["en"]["verdict"]
    assessment = assessor.assess(parse_submission(CASES["darija-support-chatbot"].encode()))
    text = render_summary(assessment, "ar")
    assert text.startswith('<div dir="rtl">') and text.rstrip().endswith("</div>") and len(text) <= LIMIT


def test_cli_summary_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = tmp_path / "p.yaml"
    sub.write_text(PARTIAL, encoding="utf-8")
    assert main(["check", str(sub), "--format", "markdown", "--summary", "--lang", "fr"]) == 2
    assert len(capsys.readouterr().out) <= LIMIT
    assert main(["check", str(sub), "--format", "sarif", "--summary", "--lang", "en"]) == 3
    assert "--summary goes with --format markdown" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_the_summary_states_the_formality_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The Arabic step summary showed the CNDP formality in French ("Autorisation préalable …"), as stored."""
    sub = ROOT / "examples" / "darija-support-chatbot.yaml"
    assert main(["check", str(sub), "--format", "markdown", "--summary", "--lang", lang]) == 1
    text = capsys.readouterr().out
    assert main(["check", str(sub), "--format", "json"]) == 1
    plan = Assessment.model_validate_json(capsys.readouterr().out).formalities
    assert formality_summary(plan, lang) in text
    if lang != "fr":
        assert "Autorisation préalable" not in text
