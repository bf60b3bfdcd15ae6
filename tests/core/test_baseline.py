"""Baselines: a pipeline gated on an earlier assessment fails only on findings that are new or worse, says
what improved, and `compliance diff` prints the difference between two assessments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.domain.baseline import Change, compare
from compliance.domain.outcomes import Assessment, Outcome
from compliance.domain.rules import Severity
from compliance.service.assessing import Assessor
from compliance.service.submissions import read_submission
from tests.reports.report_checks import check_sarif

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


def with_outcome(
    a: Assessment, rule_id: str, outcome: Outcome, severity: Severity | None = None
) -> Assessment:
    findings = [
        f.model_copy(update={"outcome": outcome, "severity": severity or f.severity})
        if f.rule_id == rule_id
        else f
        for f in a.findings
    ]
    return a.model_copy(update={"findings": findings})


def test_compare_sorts_findings_into_new_worse_improved_unchanged(assessor: Assessor) -> None:
    base = assessor.assess(read_submission(EXAMPLE))
    fails = [f.rule_id for f in base.findings if f.outcome is Outcome.fail]
    asks = [f.rule_id for f in base.findings if f.outcome is Outcome.needs_info]
    passes = [f.rule_id for f in base.findings if f.outcome is Outcome.passed]
    now = with_outcome(base, fails[0], Outcome.passed)  # improved
    now = with_outcome(now, asks[0], Outcome.fail)  # worse: needs_info -> fail
    now = with_outcome(now, passes[0], Outcome.needs_info)  # new
    minor = next(f for f in base.findings if f.outcome is Outcome.fail and f.rule_id != fails[0])
    now = with_outcome(now, minor.rule_id, Outcome.fail, Severity.minor)  # improved: less severe
    c = compare(base, now)
    assert {d.rule_id for d in c.new} == {passes[0]}
    assert {d.rule_id for d in c.worse} == {asks[0]}
    assert {d.rule_id for d in c.improved} == {fails[0], minor.rule_id}
    assert all(d.change is Change.unchanged for d in c.unchanged) and fails[1:] and c.unchanged
    assert c.regressed == {passes[0], asks[0]}
    assert compare(base, base).regressed == set() and not compare(base, base).improved


def _check(tmp_path: Path, text: str, *args: str) -> int:
    sub = tmp_path / "project.yaml"
    sub.write_text(text, encoding="utf-8")
    return main(["check", str(sub), "--lang", "en", *args])


def test_check_with_a_baseline_gates_only_on_what_got_worse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    old = tmp_path / "previous.json"
    assert _check(tmp_path, text, "--format", "json", "--output", str(old)) == 1  # it fails today
    assert _check(tmp_path, text, "--baseline", str(old)) == 0  # ... but nothing got worse
    capsys.readouterr()

    better = text.replace("period_days: 730", "period_days: 300")
    assert _check(tmp_path, better, "--baseline", str(old), "--output", str(tmp_path / "r.txt")) == 0
    told = capsys.readouterr().err
    assert "1 improved" in told and "L0908-A03-RETENTION: FAIL [major] → pass" in told

    # The chat channel no longer says the person knows of the collection: Art. 3(1)(a) asks.
    worse = text.replace(
        "{channel: WhatsApp Business, online: true, disclosed_to_person: true}",
        "{channel: WhatsApp Business, online: true}",
        1,
    )
    assert worse != text
    args = [
        "--baseline",
        str(old),
        "--fail-on",
        "minor",
        "--format",
        "sarif",
        "--output",
        str(tmp_path / "r.sarif"),
    ]
    assert _check(tmp_path, worse, *args) == 2  # a new question, at or above the threshold
    told = capsys.readouterr().err
    assert "New (1):\n  L0908-A03-FAIR-COLLECTION: pass → NEEDS INFO [major]" in told
    doc = check_sarif((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    states = {r["ruleId"]: r["baselineState"] for r in doc["runs"][0]["results"]}
    assert states["L0908-A03-FAIR-COLLECTION"] == "new"
    assert states["L0908-A03-RETENTION"] == "unchanged"


def test_diff_prints_the_difference_and_exits_1_on_regressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    _check(tmp_path, text, "--format", "json", "--output", str(old))
    _check(
        tmp_path,
        text.replace("period_days: 730", "period_days: 300"),
        "--format",
        "json",
        "--output",
        str(new),
    )
    capsys.readouterr()
    assert main(["diff", str(old), str(new), "--lang", "en"]) == 0
    assert "Improved (1):" in capsys.readouterr().out
    assert main(["diff", str(new), str(old), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["rule_id"] for d in data["new"]] == ["L0908-A03-RETENTION"]
    assert main(["diff", str(new), str(old)]) == 1  # French by default
    assert "Nouveaux (1):" in capsys.readouterr().out
    assert main(["diff", str(new), str(old), "--lang", "ar"]) == 1
    assert "جديدة (1):" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ('{"verdict": "compliant"}', "project_name: missing: this key is required"),
        ("[1", "not valid JSON: Expecting ',' delimiter (line 1, column 3)"),
    ],
)
def test_a_bad_baseline_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, expected: str
) -> None:
    baseline = tmp_path / "previous.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    assert _check(tmp_path, EXAMPLE.read_text(encoding="utf-8"), "--baseline", str(baseline)) == 3
    err = capsys.readouterr().err
    assert f"invalid assessment (expected the output of 'compliance check --format json') {baseline}" in err
    assert expected in err
