"""SARIF for code scanning on the ten examples: each result on the line of the fact that decided it, kinds
and levels as SARIF §3.27.9-10 and docs/ci.md say, fingerprints that survive edits elsewhere, rule
metadata with a help link, URIs relative to the repository root."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from compliance.cli.main import main
from compliance.domain.outcomes import Assessment, Finding
from compliance.reports import SourceFile
from compliance.reports.locate import DERIVED, DERIVED_SOURCES
from compliance.reports.sarif import render_sarif
from compliance.reports.source_map import SourceMap, split_path
from compliance.service.assessing import Assessor
from compliance.service.submissions import parse_submission
from tests.reports.report_checks import ROOT, check_sarif

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
IDS = [p.stem for p in EXAMPLES]

# docs/ci.md, "How findings appear in code scanning": outcome -> kind, and the level of a failure by severity.
DOCUMENTED_KIND = {"fail": "fail", "needs_info": "open", "advisory": "review"}
DOCUMENTED_FAIL_LEVEL = {"blocker": "error", "major": "error", "minor": "warning", "info": "note"}
DOCUMENTED_SECURITY_SEVERITY = {"blocker": 9.5, "major": 7.5, "minor": 5.0, "info": 2.0}


def sarif_of(
    assessor: Assessor, text: str, uri: str = "examples/x.yaml"
) -> tuple[Assessment, dict[str, Any]]:
    assessment = assessor.assess(parse_submission(text.encode(), uri))
    doc = check_sarif(render_sarif(assessment, "en", target=SourceFile(uri=uri, source=SourceMap(text))))
    return assessment, doc


def key_at(line: str, column: int) -> str:
    """The key written at a 1-based column ('  - id: chat' at column 5 -> 'id')."""
    match = re.match(r'"?([A-Za-z0-9_]+)"?\s*:', line[column - 1 :])
    return match.group(1) if match else ""


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_result_is_on_a_fact_of_its_trace(assessor: Assessor, example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    lines = text.splitlines()
    assessment, doc = sarif_of(assessor, text)
    findings = {f.rule_id: f for f in assessment.findings}
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {
        f.rule_id for f in assessment.findings if f.outcome.value in DOCUMENTED_KIND
    }
    for result in results:
        finding: Finding = findings[result["ruleId"]]
        fact = result["properties"]["fact"]
        region = result["locations"][0]["physicalLocation"]["region"]
        written_key = key_at(lines[region["startLine"] - 1], region["startColumn"])
        segments = [s for s in split_path(fact) if not s.startswith("[")]
        traced = {t.path for t in finding.trace}
        if fact in traced:
            entry = next(t for t in finding.trace if t.path == fact)
            if result["properties"]["fact_written"]:
                assert written_key in (segments[-1], "value" if segments[-1] == "value" else ""), result
            else:  # a missing fact: the location is its nearest written ancestor key (or the document)
                # (a missing list is counted as 0 items: its count is traced, the list is not written)
                assert entry.value is None or "[]" in fact or entry.test.startswith("count"), result
                line = lines[region["startLine"] - 1]
                on_item = (
                    line[: region["startColumn"] - 1].rstrip().endswith("-")
                )  # a list item: its first key
                assert written_key in segments[:-1] or on_item or region["startLine"] == 1, (
                    result,
                    written_key,
                )
        else:  # only derived facts were read: the submission fact they come from
            assert all(p.startswith(DERIVED) for p in traced), result
            sources = {
                s
                for t in traced
                for s in DERIVED_SOURCES[t.removeprefix(DERIVED).split("[")[0].split(".")[0]]
            }
            assert fact in sources and written_key == segments[-1], result


def test_the_retention_finding_points_at_the_730_days(assessor: Assessor) -> None:
    """The case of the issue: the finding was on line 40 while the 730 days are on line 58."""
    path = ROOT / "examples" / "darija-support-chatbot.yaml"
    text = path.read_text(encoding="utf-8")
    _, doc = sarif_of(assessor, text)
    result = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "L0908-A03-RETENTION")
    region = result["locations"][0]["physicalLocation"]["region"]
    line = text.splitlines()[region["startLine"] - 1]
    assert "period_days: 730" in line
    assert line[region["startColumn"] - 1 :].startswith("period_days")
    assert region["endColumn"] - region["startColumn"] == len("period_days")
    assert "730" in result["message"]["text"]


def test_a_question_points_at_the_parent_of_the_missing_fact(assessor: Assessor) -> None:
    text = (ROOT / "examples" / "darija-support-chatbot.yaml").read_text(encoding="utf-8")
    _, doc = sarif_of(assessor, text)
    result = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "L0908-AI-MEMORISATION-REID")
    assert result["properties"]["fact"] == "ai.training.anonymisation.reidentified_in_test"
    assert not result["properties"]["fact_written"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert key_at(text.splitlines()[region["startLine"] - 1], region["startColumn"]) == "anonymisation"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_kind_and_level_follow_the_outcome_and_severity_as_documented(
    assessor: Assessor, example: Path
) -> None:
    assessment, doc = sarif_of(assessor, example.read_text(encoding="utf-8"))
    findings = {f.rule_id: f for f in assessment.findings}
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    for result in doc["runs"][0]["results"]:
        f = findings[result["ruleId"]]
        assert result["kind"] == DOCUMENTED_KIND[f.outcome.value]
        expected = DOCUMENTED_FAIL_LEVEL[f.severity.value] if f.outcome.value == "fail" else "none"
        assert result["level"] == expected, result["ruleId"]
        rule = rules[result["ruleIndex"]]
        assert (
            float(rule["properties"]["security-severity"]) == DOCUMENTED_SECURITY_SEVERITY[f.severity.value]
        )


def test_fingerprints_survive_a_line_added_above_and_a_second_run(assessor: Assessor) -> None:
    text = (ROOT / "examples" / "darija-support-chatbot.yaml").read_text(encoding="utf-8")
    _, before = sarif_of(assessor, text)
    _, again = sarif_of(assessor, text)
    edited = "# reviewed by the privacy owner on Monday\n\n"
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("processings:"))
    _, after = sarif_of(assessor, "".join(lines[:at]) + edited + "".join(lines[at:]))

    def prints(doc: dict[str, Any]) -> dict[str, tuple[dict[str, str], int]]:
        return {
            r["ruleId"]: (
                r["partialFingerprints"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in doc["runs"][0]["results"]
        }

    assert prints(before) == prints(again)
    moved = prints(after)
    assert set(moved) == set(prints(before))
    for rule_id, (fingerprints, line) in prints(before).items():
        assert moved[rule_id][0] == fingerprints, rule_id
        assert moved[rule_id][1] == (line + 2 if line > at else line), rule_id
    assert len({json.dumps(fp) for fp, _ in prints(before).values()}) == len(prints(before))


def test_inserting_a_processing_does_not_change_the_others_fingerprints() -> None:
    from compliance.reports.sarif import fingerprint

    one = SourceMap("processings:\n  - id: chat\n    legal_basis: contract\n")
    two = SourceMap("processings:\n  - id: new\n  - id: chat\n    legal_basis: contract\n")
    a = one.place("processings[0].legal_basis")
    b = two.place("processings[1].legal_basis")
    assert a.stable_path == b.stable_path == "processings[id=chat].legal_basis"
    assert fingerprint("R", a.stable_path) == fingerprint("R", b.stable_path)
    assert (a.region.start_line, b.region.start_line) == (3, 4)


def test_columns_count_utf16_code_units() -> None:
    source = SourceMap('{"project_name": "𝔸tlas", "live": true}')
    assert (
        source.place("live").region.start_column
        == len('{"project_name": "𝔸tlas", '.encode("utf-16-le")) // 2 + 1
    )


def test_json_submissions_are_located_too(assessor: Assessor) -> None:
    text = json.dumps(
        {"schema_version": "1.0", "project_name": "x", "processes_personal_data": True, "live": True},
        indent=2,
    )
    source = SourceMap(text)
    assert source.place("live").region.start_line == 5
    assert source.place("cndp.formality").region.start_line == 1  # nothing written above it: the document


def test_rules_carry_help_a_help_link_and_article_tags(tmp_path: Path) -> None:
    out = tmp_path / "r.sarif"
    code = main(
        [
            "check",
            str(ROOT / "examples" / "darija-support-chatbot.yaml"),
            "--format",
            "sarif",
            "--output",
            str(out),
            "--docs-url",
            "https://forge.example/compliance/blob/v0.1.0/docs/rules.md",
        ]
    )
    assert code == 1
    doc = check_sarif(out.read_text(encoding="utf-8"))
    catalogue = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in doc["runs"][0]["tool"]["driver"]["rules"]:
        base, anchor = rule["helpUri"].split("#")
        assert base == "https://forge.example/compliance/blob/v0.1.0/docs/rules.md"
        assert f'<a id="{anchor}"></a>`{rule["id"]}`' in catalogue
        assert rule["help"]["markdown"] and "Art." in rule["help"]["text"] + rule["help"]["markdown"]
    retention = next(r for r in doc["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "L0908-A03-RETENTION")
    assert {"security", "law-09-08", "purpose-quality", "Art. 3(1)(e)", "Art. 55"} <= set(
        retention["properties"]["tags"]
    )


def test_uri_is_relative_to_the_git_root_or_the_source_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    folder = repo / "partners" / "atlas connect"
    folder.mkdir(parents=True)
    sub = folder / "project.yaml"
    sub.write_text((ROOT / "examples" / "darija-support-chatbot.yaml").read_text(encoding="utf-8"))
    out = tmp_path / "r.sarif"

    def uri(*extra: str) -> str:
        main(["check", str(sub), "--format", "sarif", "--output", str(out), *extra])
        doc = check_sarif(out.read_text(encoding="utf-8"))
        assert doc["runs"][0]["automationDetails"]["id"].startswith("law-09-08/")
        value: str = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
            "uri"
        ]
        return value

    assert uri() == "partners/atlas%20connect/project.yaml"
    assert uri("--source-root", str(repo / "partners")) == "atlas%20connect/project.yaml"


def test_french_messages(assessor: Assessor) -> None:
    text = (ROOT / "examples" / "darija-support-chatbot.yaml").read_text(encoding="utf-8")
    assessment = assessor.assess(parse_submission(text.encode()))
    doc = check_sarif(render_sarif(assessment, "fr", target=SourceFile(source=SourceMap(text))))
    texts = [r["message"]["text"] for r in doc["runs"][0]["results"]]
    assert any(t.startswith("Informations manquantes : ") for t in texts)
    assert any(t.startswith("Recommandation : ") for t in texts)


def test_the_help_cites_references_and_their_notes_in_the_reader_language(assessor: Assessor) -> None:
    text = (ROOT / "examples" / "cv-screener-us-llm.yaml").read_text(encoding="utf-8")
    assessment = assessor.assess(parse_submission(text.encode(), "x.yaml"))
    helps = {
        lang: "\n".join(
            rule["help"]["markdown"]
            for rule in json.loads(render_sarif(assessment, lang))["runs"][0]["tool"]["driver"]["rules"]
        )
        for lang in ("fr", "ar")
    }
    assert "(décret 2-09-165)" in helps["fr"] and "Decree" not in helps["fr"]
    assert "(المرسوم 2-09-165)" in helps["ar"] and "Decree" not in helps["ar"]
    assert "décret lu dans son texte arabe seulement" in helps["fr"]
    assert "Penal article" not in helps["fr"] and "read in its Arabic text" not in helps["fr"]
