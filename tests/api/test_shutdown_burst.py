"""SIGTERM in the middle of a burst of stored submissions and dry runs, with the assessment helper behind on
every answer (stopped when the signal comes, resumed after): uvicorn lets every request it took finish before
the lifespan's end closes the helpers (which kills one that lingers 5 s with answers unread), so no request
is cut off, no acknowledged submission is lost and none is stored half-written."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx

from compliance.service.audit import verify_audit_file
from compliance.storage.records import Role
from tests.api.conftest import ROOT, YAML, ServerFactory, new_project

BODY = (ROOT / "examples" / "darija-support-chatbot.yaml").read_bytes()


def _helpers_of(pid: int) -> list[int]:
    """The assessment helpers a server started (not multiprocessing's resource tracker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [
        int(child)
        for child in children
        if b"multiprocessing.spawn" in (cmd := Path(f"/proc/{child}/cmdline").read_bytes())
        and b"resource_tracker" not in cmd
    ]


def _saturated(r: httpx.Response) -> None:
    """The one refusal allowed: too many requests at once. Never the helpers closed under a request (503
    storage-unavailable) nor an error of ours."""
    assert r.status_code == 503 and r.json()["type"].endswith(":busy"), r.text


def test_sigterm_during_a_burst_keeps_every_acknowledged_submission_whole(
    server_factory: ServerFactory, tmp_path: Path
) -> None:
    server = server_factory(None)
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    # One helper, fed by 12 callers at once: its answers (200 KB a dry run) pile up unread behind one another.
    server.start(extra_env={"COMPLIANCE_ASSESS_WORKERS": "1"})
    with server.client("atlas") as c:
        projects = [new_project(c, f"burst {n}") for n in range(4)]
    acknowledged: list[tuple[str, int, str]] = []
    dry_runs = [0]
    lock = threading.Lock()
    enough = threading.Event()

    def submitter(worker: int) -> None:
        project = projects[worker % len(projects)]
        with server.client("atlas") as client:
            for n in range(10_000):
                key = f"w{worker}-{n}"
                try:
                    r = client.post(
                        f"/api/v1/projects/{project}/versions",
                        content=BODY,
                        headers=YAML | {"Idempotency-Key": key},
                    )
                except httpx.TransportError:
                    return  # the server is going: nothing acknowledged
                with lock:
                    if r.status_code == 201:
                        acknowledged.append((project, r.json()["number"], key))
                        if len(acknowledged) >= 12:
                            enough.set()
                    else:
                        _saturated(r)

    def dry_runner() -> None:
        with server.client("atlas") as client:
            while True:
                try:
                    r = client.post("/api/v1/evaluate", content=BODY, headers=YAML)
                except httpx.TransportError:
                    return
                if r.status_code != 200:
                    _saturated(r)
                with lock:
                    dry_runs[0] += r.status_code == 200

    threads = [threading.Thread(target=submitter, args=(w,)) for w in range(6)]
    threads += [threading.Thread(target=dry_runner) for _ in range(6)]
    for thread in threads:
        thread.start()
    try:
        assert enough.wait(120), "no submission acknowledged"
        assert server.process is not None
        helpers = _helpers_of(server.process.pid)
        assert len(helpers) == 1
        os.kill(helpers[0], signal.SIGSTOP)  # it answers nothing: every caller waits, requests pile up
        time.sleep(1)
        server.process.terminate()  # SIGTERM, as systemd or docker stop sends it
        time.sleep(1)
        os.kill(helpers[0], signal.SIGCONT)  # the requests taken before the signal are answered now
        # uvicorn raises the signal again once shut down: the exit of a SIGTERM, after a graceful end
        assert server.process.wait(timeout=120) in (0, -signal.SIGTERM)
    finally:
        for thread in threads:
            thread.join(timeout=120)
    log = server.log()
    assert "Traceback" not in log and "Cancel" not in log, log[-3000:]
    assert "Application shutdown complete" in log  # the lifespan's end ran: the helpers were closed
    assert dry_runs[0] > 0
    server.process = None
    server.start(extra_env={"COMPLIANCE_ASSESS_WORKERS": "1"})
    assert not (server.data_dir / "quarantine").exists() or not any(
        (server.data_dir / "quarantine").iterdir()
    )
    with server.client("atlas") as c:
        stored: dict[str, list[int]] = {}
        for project in projects:
            r = c.get(f"/api/v1/projects/{project}/versions")
            assert r.status_code == 200, r.text
            stored[project] = [v["number"] for v in r.json()["items"]]
            assert stored[project] == list(range(1, len(stored[project]) + 1))
        for project, number, key in acknowledged:
            assert number in stored[project]
            again = c.post(
                f"/api/v1/projects/{project}/versions",
                content=BODY,
                headers=YAML | {"Idempotency-Key": key},
            )
            assert again.status_code == 201 and again.json()["number"] == number  # the one stored, replayed
            assert again.headers["Idempotent-Replayed"] == "true"
            read = c.get(f"/api/v1/projects/{project}/versions/{number}")
            assert read.status_code == 200 and read.json()["assessment"]["findings"]
        for project in projects:  # the replays stored nothing more
            assert len(c.get(f"/api/v1/projects/{project}/versions").json()["items"]) == len(stored[project])
    report = verify_audit_file(server.data_dir / "audit.log", Path(f"{server.data_dir}-keys"))
    assert report.ok, report.problems
