"""`compliance admin backup` while the server takes submissions: the copy opens as a store, its audit
chain verifies, and every version its audit log mentions is in it, whole."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.storage.audit_chain import verify_lines
from compliance.storage.records import Role
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store
from tests.api.conftest import YAML, ServerFactory, new_project

SMALL = b'schema_version: "1.0"\nproject_name: bare\n'


def test_a_backup_taken_under_load_is_consistent(
    server_factory: ServerFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = server_factory(None)
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.start(extra_env={"COMPLIANCE_ASSESS_WORKERS": "0"})
    stop, submitted_some = threading.Event(), threading.Event()

    def stream() -> None:
        with server.client("atlas") as c:
            while not stop.is_set():
                project = new_project(c)
                for _ in range(3):
                    r = c.post(f"/api/v1/projects/{project}/versions", content=SMALL, headers=YAML)
                    assert r.status_code == 201
                    submitted_some.set()

    writer = threading.Thread(target=stream)
    writer.start()
    assert submitted_some.wait(20)
    try:
        outputs = []
        for n in range(2):
            output = tmp_path / f"backup{n}"
            assert (
                main(
                    [
                        "admin",
                        "backup",
                        "--data-dir",
                        str(server.data_dir),
                        "--output",
                        str(output),
                        "--lang",
                        "en",
                    ]
                )
                == 0
            )
            assert "checked by reading it back" in capsys.readouterr().out
            outputs.append(output)
            time.sleep(0.3)
    finally:
        stop.set()
        writer.join()
    for output in outputs:
        store = open_tinydb_store(output)
        try:
            lines = store.audit.raw_lines()
            assert verify_lines(lines).ok
            submitted = [json.loads(line)["target"] for line in lines if '"version.submitted"' in line]
            assert submitted
            with scoped(None, every=True):
                for target in submitted:
                    project, number = target.split("/")
                    version = store.projects.get_version(project, int(number))
                    assert version is not None and version.assessment.json_bytes.startswith(b"{")
        finally:
            store.close()
    assert main(["admin", "backup", "--data-dir", str(server.data_dir), "--output", str(outputs[0])]) == 3
    assert "existe déjà" in capsys.readouterr().err  # French by default
