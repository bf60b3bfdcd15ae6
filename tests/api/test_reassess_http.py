"""Reassessing while the server runs: the command line says the store is held and exits 3; liaisons
reassess over HTTP instead, against the pack the server runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.service.store import Role
from tests.api.conftest import ROOT, YAML, ServerFactory, new_project


def test_reassess_through_the_running_server(
    server_factory: ServerFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = server_factory(None)
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("ci", Role.ci, "atlas")
    server.add_key("liaison", Role.liaison)
    server.start()
    with server.client("atlas") as c:
        project = new_project(c, "KYC")
        body = (ROOT / "examples" / "kyc-onboarding-cin.yaml").read_bytes()
        assert c.post(f"/api/v1/projects/{project}/versions", content=body, headers=YAML).status_code == 201
    server.stop()
    # A changed pack: the CIN rule now always fails.
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    cin = rules / "formalities" / "cin-number.yaml"
    cin.write_text(
        cin.read_text(encoding="utf-8").replace(
            "require: {op: is_true, path: derived.authorisation_cover.cin_number}", "require: {op: 'false'}"
        ),
        encoding="utf-8",
    )
    (tmp_path / "features").symlink_to(ROOT / "features")
    server.start(extra_env={"COMPLIANCE_RULES_DIR": str(rules)})

    assert main(["reassess", "--data-dir", str(server.data_dir), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "is held by a running server" in err and "POST /api/v1/reassess" in err

    with server.client("atlas") as c:
        assert c.post("/api/v1/reassess").status_code == 403
    with server.client("ci") as c:
        assert c.post("/api/v1/reassess").status_code == 403
    with server.client("liaison") as c:
        answer = c.post("/api/v1/reassess")
    assert answer.status_code == 200, answer.text
    mine = next(p for p in answer.json()["projects"] if p["project_id"] == project)
    assert mine["gained"] == {"L0908-A12-CIN": "fail"} and mine["changed"] is True
    assert answer.json()["changed"] == 1
    audit = (server.data_dir / "audit.log").read_text(encoding="utf-8")
    assert '"action":"project.reassessed"' in audit and server.tokens["liaison"].split(".")[0] in audit
