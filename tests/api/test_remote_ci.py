"""Remote mode and CI keys: `compliance check FILE --server URL` evaluates on the real server with a `ci` key
from the environment, `--submit PROJECT` stores a version once per commit, and a `ci` key can evaluate and
submit but never read, list, create or erase."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.service.store import Role
from tests.api.conftest import ROOT, YAML, Server, new_project
from tests.reports.report_checks import check_sarif

EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


@pytest.fixture(scope="module")
def ci_key(live: Server) -> str:
    return live.add_key("ci-atlas", Role.ci, "atlas")


def test_remote_evaluation_gives_the_local_result_with_local_lines(
    live: Server, ci_key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_API_KEY", ci_key)
    local, remote = tmp_path / "local.sarif", tmp_path / "remote.sarif"
    assert main(["check", str(EXAMPLE), "--format", "sarif", "--output", str(local)]) == 1
    code = main(["check", str(EXAMPLE), "--server", live.url, "--format", "sarif", "--output", str(remote)])
    assert code == 1
    a, b = check_sarif(local.read_text()), check_sarif(remote.read_text())
    assert a["runs"][0]["results"] == b["runs"][0]["results"]  # same findings, same lines and fingerprints


def test_submit_stores_one_version_per_commit(
    live: Server,
    ci_key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with live.client("atlas") as atlas:
        project = new_project(atlas, "CI submissions")
    monkeypatch.setenv("COMPLIANCE_API_KEY", ci_key)
    monkeypatch.setenv("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
    sub = tmp_path / "project.yaml"
    sub.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["check", str(sub), "--server", live.url, "--submit", project, "--format", "json", "--lang", "en"]
    assert main(args) == 1
    assert main(args) == 1  # a retried pipeline: the same commit and file, stored once
    err = capsys.readouterr().err
    assert err.count(f"stored as version 1 of {project} (NON-COMPLIANT)") == 2
    sub.write_text(EXAMPLE.read_text(encoding="utf-8").replace("period_days: 730", "period_days: 300"))
    monkeypatch.setenv("GITHUB_SHA", "fedcba9876543210fedcba9876543210fedcba98")
    assert main(args) == 1
    assert f"stored as version 2 of {project}" in capsys.readouterr().err
    with live.client("atlas") as atlas:
        versions = atlas.get(f"/api/v1/projects/{project}/versions").json()
    assert [v["number"] for v in versions["items"]] == [1, 2]
    assert all(v["submitted_by"] == ci_key.split(".", maxsplit=1)[0] for v in versions["items"])


def test_a_ci_key_may_evaluate_and_submit_only(live: Server, ci_key: str, example_bytes: bytes) -> None:
    with live.client("atlas") as atlas:
        project = new_project(atlas, "CI scope")
    with live.client("sahara") as sahara:
        other = new_project(sahara, "Another organisation")
    with live.client("ci-atlas") as ci:
        assert ci.post("/api/v1/evaluate", content=example_bytes, headers=YAML).status_code == 200
        stored = ci.post(f"/api/v1/projects/{project}/versions", content=example_bytes, headers=YAML)
        assert stored.status_code == 201, stored.text
        assert (
            ci.post(f"/api/v1/projects/{other}/versions", content=example_bytes, headers=YAML).status_code
            == 404
        )
        assert ci.get("/api/v1/projects").status_code == 403
        assert ci.get(f"/api/v1/projects/{project}").status_code == 403
        assert ci.get(f"/api/v1/projects/{project}/versions/1/report").status_code == 403
        assert ci.post("/api/v1/projects", json={"name": "x"}).status_code == 403
        assert ci.delete(f"/api/v1/projects/{project}").status_code == 403
        assert ci.get("/api/v1/organisations").status_code == 403


def test_remote_mode_refusals_are_plain(
    live: Server, ci_key: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COMPLIANCE_API_KEY", raising=False)
    assert main(["check", str(EXAMPLE), "--server", live.url, "--lang", "en"]) == 3
    assert "set the environment variable COMPLIANCE_API_KEY" in capsys.readouterr().err
    monkeypatch.setenv("COMPLIANCE_API_KEY", "key_000000000000.not-a-real-secret-at-all-xx")
    assert main(["check", str(EXAMPLE), "--server", live.url, "--lang", "en"]) == 3
    assert "the service answered 401" in capsys.readouterr().err
    assert main(["check", str(EXAMPLE), "--server", "http://127.0.0.1:9", "--lang", "en"]) == 3
    assert "cannot reach http://127.0.0.1:9" in capsys.readouterr().err
    assert main(["check", str(EXAMPLE), "--submit", "prj_0", "--lang", "en"]) == 3
    assert "--submit and --commit go with --server URL" in capsys.readouterr().err
    monkeypatch.setenv("COMPLIANCE_API_KEY", ci_key)
    assert (
        main(
            ["check", str(EXAMPLE), "--server", live.url, "--submit", "prj_0000000000000000", "--lang", "en"]
        )
        == 3
    )
    assert "the service answered 404: no such project" in capsys.readouterr().err
