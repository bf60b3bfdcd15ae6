"""Several processes on one PostgreSQL database: two servers (one with two workers) share idempotency
keys, review revisions, the audit chain and the decision key; and the faults an operator meets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest

from compliance.storage.audit_chain import verify_lines
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.records import Role
from tests.api.conftest import YAML, Server, new_project
from tests.api.pg_servers import QUIET, PgServerFactory, pg_servers_fixture  # noqa: F401
from tests.api.tcp_proxy import TcpProxy
from tests.api.test_metrics import samples, value

SUBMISSION = b'schema_version: "1.0"\nproject_name: bare\n'
Factory = tuple[TemporaryDatabase, PgServerFactory]


def _keys(server: Server) -> None:
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("liaison", Role.liaison)


def _submit(client: httpx.Client, project: str, key: str | None = None) -> httpx.Response:
    headers = YAML | ({"Idempotency-Key": key} if key else {})
    return client.post(f"/api/v1/projects/{project}/versions", content=SUBMISSION, headers=headers)


def test_two_servers_share_keys_revisions_the_audit_chain_and_the_decision_key(
    pg_servers: Factory,
) -> None:
    _, make = pg_servers
    a, b = make("--workers", "2"), make()
    _keys(a)
    b.tokens = a.tokens
    for server in (a, b):
        server.start(extra_env=QUIET)
    clients = [s.client("atlas") for s in (a, b, a, b)]
    with ThreadPoolExecutor(4) as pool:
        created = list(
            pool.map(
                lambda c: c.post("/api/v1/projects", json={"name": "x"}, headers={"Idempotency-Key": "p1"}),
                clients,
            )
        )
        assert len({r.json()["id"] for r in created}) == 1
        assert [r.headers.get("Idempotent-Replayed") for r in created].count(None) == 1
        project = created[0].json()["id"]
        stored = list(pool.map(lambda c: _submit(c, project, "v1"), clients))
    assert {r.status_code for r in stored} == {201}
    assert [r.headers.get("Idempotent-Replayed") for r in stored].count(None) == 1  # stored once
    assert {r.json()["number"] for r in stored} == {1}
    with a.client("atlas") as c:
        assert c.get("/api/v1/projects?limit=100").json()["total"] == 1
        assert len(c.get(f"/api/v1/projects/{project}/versions").json()["items"]) == 1

    # Two servers deciding the same review at once: one success, the others 409.
    path = f"/api/v1/projects/{project}/versions/1/review/actions"
    with a.client("liaison") as c:
        assert c.post(path, json={"action": "start_review", "revision": 1}).status_code == 200
    liaisons = [s.client("liaison") for s in (a, b, a, b)]
    decision = {"action": "approve", "revision": 2, "opinion": "Approuvé, dossier complet et cohérent."}
    with ThreadPoolExecutor(4) as pool:
        decided = list(pool.map(lambda c: c.post(path, json=decision), liaisons))
    codes = sorted(r.status_code for r in decided)
    assert codes == [200, 409, 409, 409], [r.text for r in decided]

    # Every process appended to one chain, in order; every server signs with the same key.
    assert verify_lines(a.audit_lines()).ok
    fingerprints = {s.client().get("/api/v1/decisions/public-key").json()["fingerprint"] for s in (a, b)}
    assert len(fingerprints) == 1
    # Key guessing is counted across every process: 12 wrong secrets spread over three processes.
    guess = {"Authorization": f"Bearer {a.tokens['atlas'].split('.')[0]}.{'x' * 43}"}
    codes = []
    for n in range(12):
        with httpx.Client(base_url=(a, b)[n % 2].url) as c:
            codes.append(c.get("/api/v1/projects", headers=guess).status_code)
    assert codes == [401] * 10 + [429] * 2
    # /metrics on two workers sums both: every request made to server a is counted once.
    counted = samples(a)
    answered = sum(v for (name, _), v in counted.items() if name == "compliance_http_requests_total")
    assert answered >= 2 + 2 + 1 + 2 + 1  # creations, submissions, start, decisions, public key sent to a
    for c in clients + liaisons:
        c.close()


def _worker_pids(server: Server) -> list[int]:
    assert server.process is not None
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def test_a_worker_killed_mid_stream_loses_no_acknowledged_submission(pg_servers: Factory) -> None:
    _, make = pg_servers
    server = make("--workers", "2")
    _keys(server)
    server.start(extra_env=QUIET)
    with server.client("atlas") as c:
        projects = [new_project(c, f"p{n}") for n in range(4)]
    acknowledged: list[tuple[str, int, str]] = []
    stop = threading.Event()

    def stream(project: str) -> None:
        with server.client("atlas") as c:
            while not stop.is_set():
                try:
                    r = _submit(c, project)
                except httpx.TransportError:
                    continue  # cut off with the worker: not acknowledged
                if r.status_code == 201:
                    body = r.json()
                    acknowledged.append((project, body["number"], body["submitted_at"]))

    threads = [threading.Thread(target=stream, args=(p,)) for p in projects]
    for t in threads:
        t.start()
    time.sleep(1.5)
    os.kill(_worker_pids(server)[0], signal.SIGKILL)
    time.sleep(1.5)
    stop.set()
    for t in threads:
        t.join()
    assert len(acknowledged) > 4
    with server.client("liaison") as c:
        for project, number, submitted_at in acknowledged:
            r = c.get(f"/api/v1/projects/{project}/versions/{number}")
            assert r.status_code == 200 and r.json()["submitted_at"] == submitted_at
        for project in projects:  # numbered without gaps
            numbers = [v["number"] for v in c.get(f"/api/v1/projects/{project}/versions").json()["items"]]
            assert numbers == list(range(1, len(numbers) + 1))


def test_a_database_restart_gives_503_with_retry_after_then_recovers(pg_servers: Factory) -> None:
    database, make = pg_servers
    info = psycopg.conninfo.conninfo_to_dict(database.url())
    proxy = TcpProxy(str(info.get("host") or "127.0.0.1"), int(info.get("port") or 5432))
    try:
        server = make(url=psycopg.conninfo.make_conninfo(database.url(), host="127.0.0.1", port=proxy.port))
        _keys(server)
        server.start(extra_env=QUIET | {"COMPLIANCE_DB_POOL_TIMEOUT": "1"})
        with server.client("atlas") as c:
            project = new_project(c)
            assert _submit(c, project).status_code == 201
            proxy.cut()
            started = time.monotonic()
            down = [_submit(c, project) for _ in range(3)]
            assert time.monotonic() - started < 15
            assert {r.status_code for r in down} == {503}
            assert all(r.headers["Retry-After"].isdigit() for r in down)
            proxy.resume()
            deadline = time.monotonic() + 20
            while (r := _submit(c, project)).status_code != 201:
                assert time.monotonic() < deadline, r.text
                time.sleep(0.3)
            assert server.process is not None and server.process.poll() is None  # the same process
    finally:
        proxy.close()


def test_an_exhausted_pool_gives_503_never_a_hang(pg_servers: Factory) -> None:
    database, make = pg_servers
    server = make()
    _keys(server)
    server.start(extra_env=QUIET | {"COMPLIANCE_DB_POOL_SIZE": "1", "COMPLIANCE_DB_POOL_TIMEOUT": "0.5"})
    with psycopg.connect(database.superuser_url) as blocker, server.client("atlas") as c:
        blocker.execute("LOCK TABLE compliance.projects IN ACCESS EXCLUSIVE MODE")
        with ThreadPoolExecutor(1) as pool:
            held = pool.submit(c.post, "/api/v1/projects", json={"name": "blocked"})
            time.sleep(0.5)  # it now holds the one connection, waiting for the lock
            with server.client("atlas") as other:
                started = time.monotonic()
                busy = other.get("/api/v1/projects")
                assert busy.status_code == 503 and busy.headers["Retry-After"]
                assert time.monotonic() - started < 5
            blocker.rollback()
            assert held.result(timeout=15).status_code == 201
        assert c.get("/api/v1/projects").status_code == 200
    assert value(samples(server), "compliance_store_errors_total", error="StoreUnavailable") >= 1


@pytest.mark.parametrize("workers", ["2"])
def test_several_workers_are_refused_on_the_embedded_store(tmp_path: Path, workers: str) -> None:
    server = Server(data_dir=tmp_path / "data", log_path=tmp_path / "log", args=("--workers", workers))
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_DATABASE_URL")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "compliance.cli.main",
            "serve",
            "--data-dir",
            str(server.data_dir),
            *server.args,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=30,
    )
    assert result.returncode == 3 and "COMPLIANCE_DATABASE_URL" in result.stderr
