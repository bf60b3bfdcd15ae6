"""`--format gitlab`: the Code Climate JSON GitLab reads, checked against the fields GitLab documents for
code-quality reports (description, check_name, fingerprint, severity, location.path, location.lines.begin)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli.main import main
from tests.reports.report_checks import ROOT, check_code_quality

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_code_quality_report_has_the_documented_fields(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gl-code-quality-report.json"
    json_out = tmp_path / "a.json"
    main(["check", str(example), "--format", "gitlab", "--output", str(out), "--also", f"json={json_out}"])
    issues = json.loads(out.read_text(encoding="utf-8"))
    check_code_quality(issues)
    assessment = json.loads(json_out.read_text(encoding="utf-8"))
    open_rules = {
        f["rule_id"] for f in assessment["findings"] if f["outcome"] in ("fail", "needs_info", "advisory")
    }
    assert {i["check_name"] for i in issues} == open_rules
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab matches issues by fingerprint
    assert {i["location"]["path"] for i in issues} <= {f"examples/{example.name}"}
    lines = example.read_text(encoding="utf-8").splitlines()
    for issue in issues:
        assert 1 <= issue["location"]["lines"]["begin"] <= len(lines)


def test_retention_issue_is_on_the_730_days(tmp_path: Path) -> None:
    out = tmp_path / "cq.json"
    example = ROOT / "examples" / "darija-support-chatbot.yaml"
    main(["check", str(example), "--format", "gitlab", "--output", str(out), "--lang", "fr"])
    issue = next(i for i in json.loads(out.read_text()) if i["check_name"] == "L0908-A03-RETENTION")
    assert "730" in example.read_text().splitlines()[issue["location"]["lines"]["begin"] - 1]
    assert issue["severity"] == "major" and "Art. 3(1)(e)" in issue["description"]
