"""The GitLab CI template: its job's script run as GitLab's shell runner does, with GitLab's variables, on a
project holding submission files; the JUnit and code-quality artifacts it declares exist and hold what
GitLab reads."""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

from tests.integrations.runners import ROOT, python_on_path
from tests.reports.report_checks import check_code_quality

TEMPLATE = yaml.safe_load((ROOT / "ci" / "gitlab" / "law0908.gitlab-ci.yml").read_text(encoding="utf-8"))


def _run_job(
    runner: tuple[Path, dict[str, str]], project: Path, variables: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    job: dict[str, Any] = TEMPLATE["law0908"]
    script = project.parent / "job.sh"
    script.write_text("\n".join(job["script"]) + "\n")
    env = python_on_path(
        runner,
        {
            "CI": "true",
            "GITLAB_CI": "true",
            "CI_PROJECT_DIR": str(project),
            "CI_COMMIT_SHA": "0123456789abcdef0123456789abcdef01234567",
            "CI_MERGE_REQUEST_IID": "7",
            "HOME": str(project.parent),
            **{k: str(v) for k, v in TEMPLATE["variables"].items()},
            **variables,
        },
    )
    return subprocess.run(
        ["bash", "-eo", "pipefail", str(script)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_the_template_reports_junit_and_code_quality(
    runner: tuple[Path, dict[str, str]], wheel: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "compliance").mkdir()
    shutil.copy(ROOT / "examples" / "darija-support-chatbot.yaml", project / "compliance" / "chatbot.yaml")
    shutil.copy(ROOT / "examples" / "crop-yield-model.yaml", project / "compliance" / "crops.yaml")
    variables = {"LAW0908_FILES": "compliance/*.yaml", "LAW0908_PACKAGE": str(wheel), "LAW0908_LANG": "fr"}
    done = _run_job(runner, project, variables)
    log = done.stdout + done.stderr
    assert done.returncode == 1, log  # a failure fails the job (2 would be allowed to fail)
    job = TEMPLATE["law0908"]
    assert job["allow_failure"] == {"exit_codes": [2]} and job["artifacts"]["when"] == "always"
    reports = job["artifacts"]["reports"]
    junit = sorted(glob.glob(str(project / reports["junit"])))
    assert len(junit) == 2
    suites = [ET.parse(p).getroot() for p in junit]
    assert {s.get("failures") for s in suites} >= {"0"} and any(
        int(s.get("failures", "0")) > 0 for s in suites
    )
    issues = json.loads((project / reports["codequality"]).read_text(encoding="utf-8"))
    check_code_quality(issues)
    assert {i["location"]["path"] for i in issues} == {"compliance/chatbot.yaml"}
    assert "Rapport de conformité" in log  # the summary in the job log
    assert "compliance 0.1.0 (référentiel de règles" in log  # --version, French by default


def test_no_matching_file_is_an_error(
    runner: tuple[Path, dict[str, str]], wheel: Path, tmp_path: Path
) -> None:
    project = tmp_path / "empty"
    project.mkdir()
    done = _run_job(runner, project, {"LAW0908_FILES": "compliance/*.yaml", "LAW0908_PACKAGE": str(wheel)})
    assert done.returncode == 3 and "no submission file matches" in done.stdout
