"""The command line: exit codes, every report format, and bad input that never crashes."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from compliance.cli.main import main
from tests.core.minipack import make_pack, rule_doc

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = ROOT / "tests" / "reference" / "sarif-schema-2.1.0.json"  # vendored: see its README

GOOD = """\
schema_version: "1.0"
project_name: Exemple
processes_personal_data: true
processings:
  - id: chat
    legal_basis: contract
  - id: training
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    blocker = rule_doc(
        "L0908-T02-LIVE",
        severity="blocker",
        applies_when={"op": "true"},
        require={"op": "is_true", "path": "live"},
        penalty={"article": "52", "fine_mad": [10000, 100000]},
    )
    return make_pack(tmp_path / "pack", [rule_doc(), blocker])


def write(tmp_path: Path, text: str, name: str = "project.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: str | Path) -> int:
    return main([str(a) for a in args])


def test_exit_1_when_a_major_fails(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: true\n")
    assert cli("--rules", pack, "check", sub) == 1


def test_exit_0_when_failures_are_below_the_threshold(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: true\n")
    assert cli("--rules", pack, "check", sub, "--fail-on", "blocker") == 0


def test_exit_2_when_only_missing_facts_stand_in_the_way(tmp_path: Path, pack: Path) -> None:
    text = GOOD.replace("  - id: training\n", "") + "live: true\n"
    sub = write(tmp_path, text.replace("processes_personal_data: true\n", ""))
    assert cli("--rules", pack, "check", sub) == 2


def test_blocker_failure_gates_at_every_threshold(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    assert cli("--rules", pack, "check", sub, "--fail-on", "blocker") == 1


def test_text_report_in_both_languages(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    cli("--rules", pack, "check", sub, "--lang", "fr")
    fr = capsys.readouterr().out
    assert "Verdict: NON CONFORME" in fr and "Art. 52" in fr and "20\u202f000 MAD" in fr
    assert "processings[1].legal_basis: non renseigné" in fr
    cli("--rules", pack, "check", sub, "--lang", "en")
    en = capsys.readouterr().out
    assert "Verdict: NON-COMPLIANT" in en and "20,000 MAD – 200,000 MAD" in en
    cli("--rules", pack, "check", sub, "--lang", "ar")
    ar = capsys.readouterr().out
    assert "النتيجة: غير مطابق" in ar and "20\u202f000 درهم" in ar and "ما يجب فعله" in ar


def test_json_report_is_the_assessment(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    out = tmp_path / "out" / "report.json"
    cli("--rules", pack, "check", sub, "--format", "json", "--output", out)
    data = json.loads(out.read_text())
    assert data["verdict"] == "non_compliant"
    assert {f["rule_id"] for f in data["findings"]} == {"L0908-T01-SAMPLE", "L0908-T02-LIVE"}
    assert data["pack"]["rule_count"] == 2


def test_junit_has_one_case_per_rule(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    out = tmp_path / "report.xml"
    cli("--rules", pack, "check", sub, "--format", "junit", "--output", out)
    suite = ET.parse(out).getroot()
    assert suite.tag == "testsuite" and suite.get("tests") == "2" and suite.get("failures") == "2"
    assert len(suite.findall("testcase/failure")) == 2


def test_sarif_validates_against_the_official_schema(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    out = tmp_path / "report.sarif"
    cli("--rules", pack, "check", sub, "--format", "sarif", "--output", out)
    doc = json.loads(out.read_text())
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(doc)
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"L0908-T01-SAMPLE", "L0908-T02-LIVE"}
    assert {r["level"] for r in results} == {"error"}
    live = next(r for r in results if r["ruleId"] == "L0908-T02-LIVE")
    assert live["locations"][0]["physicalLocation"]["region"]["startLine"] == 8  # the "live:" line
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules[live["ruleIndex"]]["id"] == "L0908-T02-LIVE"
    assert rules[live["ruleIndex"]]["properties"]["articles"] == ["Art. 4"]


def test_markdown_report(tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    cli("--rules", pack, "check", sub, "--format", "markdown", "--lang", "en")
    out = capsys.readouterr().out
    assert out.startswith("## Law 09-08 compliance report")
    assert "| ❌ | `L0908-T02-LIVE` |" in out


BAD_INPUTS = {
    "malformed": ("project_name: [unclosed\n", "not valid YAML"),
    "unknown_key": (
        'schema_version: "1.0"\nproject_name: x\nprocesses_data: true\n',
        "(file): unknown key; did you mean 'processes_personal_data'? (line 3, column 1)",
    ),
    "wrong_type": (
        'schema_version: "1.0"\nproject_name: x\nprocessings:\n  - retention: {period_days: forever}\n',
        "processings.0.retention.period_days",
    ),
    "empty": ("", "empty"),
    "not_a_mapping": ("- a\n- b\n", "expected a mapping"),
    "duplicate_key": (
        'schema_version: "1.0"\nproject_name: a\nproject_name: b\n',
        "not valid YAML: duplicate key (line 3, column 1)",
    ),
    "bad_country": (
        'schema_version: "1.0"\nproject_name: x\ntransfers: [{country: France}]\n',
        "transfers.0.country",
    ),
    "bad_json": ('{"schema_version": "1.0",', "not valid JSON"),
    "duplicate_json_key": (
        '{"schema_version": "1.0", "project_name": "a", "project_name": "b"}',
        "not valid JSON: duplicate key (line 1, column 48)",
    ),
    "yes_is_not_a_boolean": (
        'schema_version: "1.0"\nproject_name: x\nlive: yes\n',
        "live: expected true or false",
    ),
    "zero_is_not_a_boolean": (
        '{"schema_version": "1.0", "project_name": "x", "live": 0}',
        "live: expected true or false",
    ),
    "text_is_not_a_number": (
        'schema_version: "1.0"\nproject_name: x\nrights: {access_sla_days: "10"}\n',
        "rights.access_sla_days: expected a whole number (line 3, column 10)",
    ),
    "complex_key": ('? [a, b]\n: 1\nschema_version: "1.0"\n', "a key must be a plain name"),
    "huge_integer_yaml": ('schema_version: "1.0"\nproject_name: x\nlive: ' + "9" * 5000 + "\n", "too long"),
    "huge_integer_json": ('{"schema_version": "1.0", "live": ' + "9" * 5000 + "}", "too long"),
    "alias": ("schema_version: &v '1.0'\nproject_name: *v\n", "aliases"),
    "too_many_items": (
        'schema_version: "1.0"\nproject_name: x\nsectors: [' + ", ".join(["telecom"] * 101) + "]\n",
        "sectors",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_3_naming_file_and_field(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = BAD_INPUTS[case]
    sub = write(tmp_path, text)
    assert cli("check", sub, "--lang", "en") == 3
    err = capsys.readouterr().err
    assert str(sub) in err and expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", ["complex_key", "huge_integer_yaml", "alias"])
def test_validate_exits_3_on_what_used_to_be_a_traceback(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = write(tmp_path, BAD_INPUTS[case][0])
    assert cli("validate", sub, "--lang", "en") == 3
    err = capsys.readouterr().err
    assert BAD_INPUTS[case][1] in err and "Traceback" not in err


def test_wrong_value_is_not_echoed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = write(tmp_path, 'schema_version: "1.0"\nproject_name: x\nlive: "Fatima Zahra 0612345678"\n')
    assert cli("validate", sub) == 3
    err = capsys.readouterr().err
    assert "live" in err and "0612345678" not in err


def test_missing_file_directory_binary_and_huge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("check", tmp_path / "nope.yaml", "--lang", "en") == 3
    assert "no such file" in capsys.readouterr().err
    assert cli("check", tmp_path, "--lang", "en") == 3
    assert "is a directory" in capsys.readouterr().err
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert cli("check", binary, "--lang", "en") == 3
    assert "binary" in capsys.readouterr().err
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as fh:
        fh.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    assert cli("check", huge) == 3
    assert "more than the 1,048,576 bytes" in capsys.readouterr().err


def test_bad_command_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli("check")
    assert info.value.code == 3
    with pytest.raises(SystemExit) as info:
        cli("check", "x.yaml", "--fail-on", "critical", "--lang", "en")
    assert info.value.code == 3
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli("check", "x.yaml", "--fail-on", "critical")  # French by default, argparse's words too
    assert "erreur : argument --fail-on : choix invalide" in capsys.readouterr().err


def test_broken_pack_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack(tmp_path / "p", [rule_doc(severity="huge")])
    sub = write(tmp_path, GOOD)
    assert cli("--rules", root, "check", sub) == 3
    assert "rules/sample/rule-0.yaml: severity" in capsys.readouterr().err


def test_real_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    sub = write(tmp_path, "\x00\x01binary")
    proc = subprocess.run(
        [sys.executable, "-m", "compliance.cli.main", "check", str(sub)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 3
    assert "contenu binaire" in proc.stderr and "Traceback" not in proc.stderr


def test_validate_accepts_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = write(tmp_path, json.dumps({"schema_version": "1.0", "project_name": "J"}), "p.json")
    assert cli("validate", sub, "--lang", "en") == 0
    assert "valid submission 'J'" in capsys.readouterr().out
    assert cli("validate", sub) == 0  # French by default
    assert "soumission valide « J »" in capsys.readouterr().out


WAIVERS = """\
waivers:
  - rule_id: L0908-T02-LIVE
    project: Exemple
    reason: Launch is scheduled; the liaison accepts the pre-launch state until the receipt arrives.
    legal_ground: Art. 14
    approver: Liaison A. Alaoui
    expires: 2026-12-31
  - rule_id: L0908-T01-SAMPLE
    project: Exemple
    reason: The training processing relies on the contract with the customer, documented separately.
    legal_ground: Art. 4(b)
    approver: Liaison A. Alaoui
    expires: 2026-12-31
"""


def test_waivers_in_force_do_not_gate(tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    waivers = write(tmp_path, WAIVERS, "waivers.yaml")
    assert (
        cli("--rules", pack, "check", sub, "--waivers", waivers, "--as-of", "2026-12-31", "--lang", "en") == 0
    )
    out = capsys.readouterr().out
    assert "(waiver)" in out and "Waived by Liaison A. Alaoui until 2026-12-31 (Art. 14)" in out
    verdict_lines = [line for line in out.splitlines() if line.startswith("Verdict:")]
    assert all(line.startswith("Verdict: COMPLIANT") for line in verdict_lines)  # summary and details
    verdict_line = verdict_lines[-1]  # the detailed one, with the counts
    # a waived failure is counted as waived only: never "COMPLIANT ... FAIL 2 ... waived 2"
    assert (
        verdict_line.startswith("Verdict: COMPLIANT")
        and "FAIL 0" in verdict_line
        and "waived 2" in verdict_line
    )


def test_expired_waivers_fail_again(tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    waivers = write(tmp_path, WAIVERS, "waivers.yaml")
    assert (
        cli("--rules", pack, "check", sub, "--waivers", waivers, "--as-of", "2027-01-01", "--lang", "en") == 1
    )
    assert "expired on 2026-12-31" in capsys.readouterr().err


def test_waived_findings_are_sarif_suppressions(tmp_path: Path, pack: Path) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    waivers = write(tmp_path, WAIVERS, "waivers.yaml")
    out = tmp_path / "r.sarif"
    cli(
        "--rules",
        pack,
        "check",
        sub,
        "--waivers",
        waivers,
        "--as-of",
        "2026-06-01",
        "--format",
        "sarif",
        "--output",
        out,
    )
    doc = json.loads(out.read_text())
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(doc)
    assert all(r["suppressions"][0]["status"] == "accepted" for r in doc["runs"][0]["results"])


def test_waiver_without_a_legal_ground_is_rejected(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = write(tmp_path, GOOD + "live: false\n")
    waivers = write(
        tmp_path, WAIVERS.replace("legal_ground: Art. 14", "legal_ground: because we said so"), "w.yaml"
    )
    assert cli("--rules", pack, "check", sub, "--waivers", waivers) == 3
    assert "waivers.0.legal_ground" in capsys.readouterr().err
