"""Nothing lost, against the real server: concurrent submissions, a SIGKILL mid-stream, corrupted files at
start, and retried submissions with an Idempotency-Key."""

from __future__ import annotations

import hashlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from compliance.service.access import Principal
from compliance.service.assess_runner import InProcessRunner
from compliance.service.assessing import assessor_for
from compliance.service.audit import verify_audit_file
from compliance.service.projects import Projects
from compliance.service.store import Role, open_store
from compliance.service.submissions import parse_submission
from tests.api.conftest import Server, ServerFactory, new_project


def _body(tag: str) -> dict[str, object]:
    return {"schema_version": "1.0", "project_name": f"submission {tag}", "processes_personal_data": False}


def _submit_until_stored(client: httpx.Client, project_id: str, tag: str) -> dict[str, object]:
    """A careful client: on 503 it waits as told and retries with the same Idempotency-Key; so it does when
    the server closed an idle kept-alive connection just as the request was sent (the server's keep-alive
    timeout racing the pool's reuse under this load), which the key makes safe to repeat."""
    for _ in range(50):
        try:
            r = client.post(
                f"/api/v1/projects/{project_id}/versions",
                json=_body(tag),
                headers={"Idempotency-Key": f"ci-{tag}"},
            )
        except httpx.RemoteProtocolError:
            continue
        if r.status_code == 503:
            assert "retry-after" in r.headers
            time.sleep(min(float(r.headers["retry-after"]), 0.5))
            continue
        assert r.status_code == 201, r.text
        version: dict[str, object] = r.json()
        return version
    raise AssertionError("never stored")


def test_200_concurrent_submissions_are_all_stored_and_readable(live: Server) -> None:
    live.add_org("busy")
    live.add_key("busy", Role.submitter, "busy")
    with live.client("busy", limits=httpx.Limits(max_connections=200)) as c:
        projects = [new_project(c, f"busy {i}") for i in range(4)]
        jobs = [(projects[i % 4], str(i)) for i in range(200)]
        with ThreadPoolExecutor(max_workers=200) as pool:
            acked = list(pool.map(lambda job: _submit_until_stored(c, *job), jobs))
        for project_id in projects:
            versions = c.get(f"/api/v1/projects/{project_id}/versions").json()["items"]
            assert [v["number"] for v in versions] == list(range(1, 51))
        for (project_id, tag), version in zip(jobs, acked, strict=True):
            read = c.get(f"/api/v1/projects/{project_id}/versions/{version['number']}").json()
            assert read["submission"]["project_name"] == f"submission {tag}"


def test_sigkill_mid_stream_keeps_every_acknowledged_submission(server_factory: ServerFactory) -> None:
    server = server_factory(None)
    server.add_org("stream")
    server.add_key("ci", Role.submitter, "stream")
    server.start()
    acked: list[tuple[str, int, str]] = []
    lock = threading.Lock()
    stop = threading.Event()
    with server.client("ci") as c:
        projects = [new_project(c, f"stream {i}") for i in range(4)]

    def pump(worker: int) -> None:
        with server.client("ci") as client:
            n = 0
            while not stop.is_set():
                tag = f"{worker}-{n}"
                n += 1
                try:
                    r = client.post(f"/api/v1/projects/{projects[worker % 4]}/versions", json=_body(tag))
                except httpx.TransportError:
                    return  # the server is gone: this one was never acknowledged
                if r.status_code == 201:
                    with lock:
                        acked.append((projects[worker % 4], r.json()["number"], tag))

    threads = [threading.Thread(target=pump, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 300  # against a hang only: a loaded host takes its time to acknowledge 60
    while len(acked) < 60 and time.monotonic() < deadline and any(t.is_alive() for t in threads):
        time.sleep(0.01)
    server.kill()
    stop.set()
    for t in threads:
        t.join()
    assert len(acked) >= 60

    server.start()  # the store must open as it is: no repair by hand
    with server.client("ci") as c:
        for project_id, number, tag in acked:
            r = c.get(f"/api/v1/projects/{project_id}/versions/{number}")
            assert r.status_code == 200, (project_id, number)
            assert r.json()["submission"]["project_name"] == f"submission {tag}"
        for project_id in projects:  # numbering stays dense: nothing half-written
            versions = c.get(f"/api/v1/projects/{project_id}/versions").json()["items"]
            assert [v["number"] for v in versions] == list(range(1, len(versions) + 1))
            assert c.get(f"/api/v1/projects/{project_id}").json()["version_count"] == len(versions)
    assert verify_audit_file(server.data_dir / "audit.log").ok
    assert not list(server.data_dir.rglob("*.tmp"))


def _seed(data_dir: Path, organisation: str | None = "Seeded") -> str:
    """A store with one organisation (made unless None), one project and one version, written through
    the service."""
    store = open_store(data_dir)
    try:
        from compliance.service.access import create_key, create_organisation

        if organisation is not None:
            create_organisation(store.access, store.audit, organisation, "seeded")
        key, _ = create_key(store.access, store.audit, Role.submitter, "seeded")
        projects = Projects(store, InProcessRunner(assessor_for(None)))
        who = Principal(key_id=key.id, role=Role.submitter, organisation="seeded")
        project, _ = projects.create(who, "seeded project")
        raw = b'schema_version: "1.0"\nproject_name: seeded\n'
        projects.submit(who, project.id, parse_submission(raw))
        return project.id
    finally:
        store.close()


@pytest.mark.parametrize(
    ("target", "damage"),
    [
        ("index", "garbage"),
        ("access", "empty"),
    ],
)
def test_a_corrupted_store_file_stops_the_start_and_is_quarantined_never_emptied(
    server_factory: ServerFactory, tmp_path: Path, target: str, damage: str
) -> None:
    data = tmp_path / "store"
    _seed(data)
    path = {
        "index": data / "orgs" / "seeded" / "index.json",
        "access": data / "access.json",
    }[target]
    original = path.read_bytes()
    damaged = {"truncate": original[: len(original) // 2], "garbage": b"\x00\x17 not json", "empty": b""}[
        damage
    ]
    path.write_bytes(damaged)

    server = server_factory(data)
    with pytest.raises(RuntimeError, match="exited with 3"):
        server.start()
    log = server.log()
    assert str(path) in log and "quarantine" in log
    assert "Traceback" not in log
    assert path.read_bytes() == damaged  # left as it was, never replaced by an empty store
    kept = list((data / "quarantine").iterdir())
    assert [p.read_bytes() for p in kept] == [damaged]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)

    path.write_bytes(original)  # the operator restores the file from a backup
    server.start()
    assert httpx.get(server.url + "/readyz").json()["quarantined_projects"] == 0


def test_a_corrupt_project_file_quarantines_that_project_and_the_server_starts(
    server_factory: ServerFactory, tmp_path: Path
) -> None:
    data = tmp_path / "store"
    damaged_id = _seed(data)
    healthy_id = _seed(data, organisation=None)
    path = data / "orgs" / "seeded" / "projects" / damaged_id / "project.json"
    original = path.read_bytes()
    path.write_bytes(original[: len(original) // 2])

    server = server_factory(data)
    server.start()
    log = server.log()
    assert "project quarantined at start" in log and str(path) in log and "Traceback" not in log
    ready = httpx.get(server.url + "/readyz")
    assert ready.status_code == 200 and ready.json()["quarantined_projects"] == 1
    token = server.add_key("seeded", Role.submitter, "seeded")
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.get(f"/api/v1/projects/{healthy_id}/versions/1").status_code == 200
        assert c.get(f"/api/v1/projects/{damaged_id}").status_code == 404  # set aside, not served
        listed = [p["id"] for p in c.get("/api/v1/projects").json()["items"]]
        assert listed == [healthy_id]
    assert path.read_bytes() == original[: len(original) // 2]  # left in place for the operator
    (kept,) = (data / "quarantine").iterdir()
    assert kept.read_bytes() == path.read_bytes() and kept.stat().st_mode & 0o777 == 0o600
    # Restoring the file and restarting serves it again: tests/storage/test_tinydb_files.py checks it.


def test_a_retried_submission_with_the_same_idempotency_key_is_stored_once(live: Server) -> None:
    with live.client("atlas") as c:
        project_id = new_project(c, "idempotent")
        headers = {"Idempotency-Key": "pipeline-4242-job-7"}
        answers = [
            c.post(f"/api/v1/projects/{project_id}/versions", json=_body("x"), headers=headers)
            for _ in range(3)
        ]
        assert [a.status_code for a in answers] == [201, 201, 201]
        assert (
            answers[0].content == answers[1].content == answers[2].content
        )  # the same answer, byte for byte
        assert "idempotent-replayed" not in answers[0].headers
        assert answers[1].headers["idempotent-replayed"] == "true"
        assert answers[0].headers["location"] == answers[2].headers["location"]

        with ThreadPoolExecutor(max_workers=10) as pool:  # retries racing each other
            racing = list(
                pool.map(
                    lambda _: c.post(
                        f"/api/v1/projects/{project_id}/versions",
                        json=_body("y"),
                        headers={"Idempotency-Key": "race"},
                    ),
                    range(10),
                )
            )
        assert {r.status_code for r in racing} == {201}
        assert len({r.json()["number"] for r in racing}) == 1
        assert c.get(f"/api/v1/projects/{project_id}").json()["version_count"] == 2

        reused = c.post(f"/api/v1/projects/{project_id}/versions", json=_body("other"), headers=headers)
        assert reused.status_code == 409
        assert reused.json()["errors"][0]["path"] == "header.Idempotency-Key"
        assert c.get(f"/api/v1/projects/{project_id}").json()["version_count"] == 2

        first = c.post("/api/v1/projects", json={"name": "once"}, headers={"Idempotency-Key": "create-1"})
        again = c.post("/api/v1/projects", json={"name": "once"}, headers={"Idempotency-Key": "create-1"})
        assert first.status_code == again.status_code == 201 and first.json() == again.json()
        entries = (live.data_dir / "audit.log").read_text()
        assert entries.count(first.json()["id"]) == 1  # one creation audited, not two
        assert hashlib.sha256(b"").hexdigest() not in entries
