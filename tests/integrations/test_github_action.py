"""The GitHub Action (action.yml): parsed, and its `run:` steps run with the environment GitHub sets, on a
workspace holding submission files. The install step really installs the package from the action's
checkout into the runner's Python."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.integrations.runners import ROOT, ActionRun, python_on_path, run_composite
from tests.reports.report_checks import check_sarif

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _run(
    runner: tuple[Path, dict[str, str]], tmp: Path, files: dict[str, Path], inputs: dict[str, str]
) -> tuple[ActionRun, dict[str, str]]:
    workspace = tmp / "workspace"
    (workspace / ".git").mkdir(parents=True)
    for name, source in files.items():
        (workspace / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, workspace / name)
    temp = tmp / "runner-temp"
    temp.mkdir()
    summary = temp / "step-summary.md"
    summary.write_text("")
    github = {
        "action_path": str(ROOT),
        "workspace": str(workspace),
        "server_url": "https://github.com",
        "action_repository": "partner-tools/compliance-0908",
        "action_ref": "v0.1.0",
        "sha": "0123456789abcdef0123456789abcdef01234567",
    }
    env = python_on_path(
        runner,
        {
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_ENV": str(temp / "env"),
            "GITHUB_PATH": str(temp / "path"),
            "GITHUB_SHA": github["sha"],
            "GITHUB_REPOSITORY": "atlas-connect/chatbot",
            "GITHUB_SERVER_URL": "https://github.com",
            "RUNNER_TEMP": str(temp),
            "RUNNER_OS": "Linux",
            "HOME": str(tmp),
        },
    )
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    run = ActionRun(inputs={**defaults, **inputs}, github=github, env=env)
    outputs = run_composite(ACTION, run, temp)
    return run, outputs


def test_the_action_is_a_composite_with_the_documented_interface() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["outputs"]) >= {"verdict", "exit-code", "sarif-dir"}
    assert ACTION["inputs"]["files"]["required"] is True
    uses = [s["uses"] for s in ACTION["runs"]["steps"] if "uses" in s]
    assert uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
    for step in ACTION["runs"]["steps"]:
        if "run" in step:  # inputs reach scripts through env, never pasted into the script (injection)
            assert "${{" not in step["run"], step["name"]


def test_a_failing_project_gates_uploads_sarif_and_writes_the_summary(
    runner: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    files = {
        "compliance/chatbot.yaml": ROOT / "examples" / "darija-support-chatbot.yaml",
        "compliance/crops.yaml": ROOT / "examples" / "crop-yield-model.yaml",
    }
    run, outputs = _run(runner, tmp_path, files, {"files": "compliance/*.yaml", "lang": "fr"})
    log = "\n".join(run.logs)
    assert run.ran == [
        "Install compliance-0908 from the action's checkout",
        "Check the submission files",
        "Gate",
    ], log
    assert outputs["verdict"] == "non_compliant" and outputs["exit-code"] == "1", log
    assert run.failed == 1  # the Gate step fails the job
    assert run.skipped_uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
    sarifs = sorted(Path(outputs["sarif-dir"]).glob("*.sarif"))
    assert len(sarifs) == 2
    docs: list[dict[str, Any]] = [check_sarif(p.read_text(encoding="utf-8")) for p in sarifs]
    uris = {d["runs"][0]["automationDetails"]["id"] for d in docs}
    assert uris == {"law-09-08/compliance/chatbot.yaml/", "law-09-08/compliance/crops.yaml/"}
    rule = docs[0]["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["helpUri"].startswith(
        "https://github.com/partner-tools/compliance-0908/blob/v0.1.0/docs/rules.md#l0908-"
    )
    summary = (tmp_path / "runner-temp" / "step-summary.md").read_text(encoding="utf-8")
    assert summary.count("## Rapport de conformité à la loi 09-08") == 2 and "NON CONFORME" in summary
    # The package came from the action's checkout, with its rule pack, into the runner's Python.
    installed = list((runner[0].parent / "lib").glob("python3*/site-packages/compliance/_rules/pack.yaml"))
    assert installed, log


def test_a_compliant_project_passes_an_invalid_file_is_reported_and_no_match_is_an_error(
    runner: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    # A YAML file named .json is refused as invalid JSON (exit code 3) while the other file passes.
    files = {
        "ok/crops.yaml": ROOT / "examples" / "crop-yield-model.yaml",
        "law0908.json": ROOT / "examples" / "crop-yield-model.yaml",
    }
    inputs = {"files": "ok/crops.yaml\nlaw0908.json", "upload-sarif": "false", "fail": "false"}
    run, outputs = _run(runner, tmp_path / "a", files, inputs)
    log = "\n".join(run.logs)
    assert (outputs["verdict"], outputs["exit-code"], run.failed) == ("compliant", "3", None), log
    assert (
        "error: invalid submission law0908.json" in log
        and "not valid JSON: Expecting value (line 1, column 1)" in log
    )
    assert run.skipped_uses == ["actions/setup-python@v5"]  # upload-sarif: false
    assert len(list(Path(outputs["sarif-dir"]).glob("*.sarif"))) == 1
    run, outputs = _run(runner, tmp_path / "b", files, {"files": "nothing/*.yaml"})
    assert outputs["exit-code"] == "3" and run.failed == 3
    assert "no submission file matches" in "\n".join(run.logs)
