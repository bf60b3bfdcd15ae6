"""The abuses of issue 8 against the real server, measured: what an ordinary client gets meanwhile (status
codes, how long it waits), what the attacker gets, and what the server spends (answer sizes, memory).

Run: `.venv/bin/python bench/abuse_bench.py` (about a minute). `--code DIR` runs the server from another
checkout of the repository (for instance `git archive <commit> | tar -x -C DIR`, to measure "before").

Each scenario starts its own server (default settings, a temporary data folder) on loopback:
- slow readers: 12 connections pipeline 40 `GET /api/v1/openapi.json` each and never read;
- slow senders: 12 connections announce a 100-byte body and send 6 bytes;
- alias bomb: one processing repeated 20,000 times by YAML alias, about 80 KB (`--bomb-copies`);
- worst cases: the largest assessments found for a valid body under 1 MiB, and a body over the caps;
- bad numbers and keys: a 5,000-digit integer (JSON, YAML) and a complex YAML key on the six body endpoints;
- key guessing: 30 wrong secrets for a partner's key id, then the partner's own key.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from compliance.devserver import ServerProcess  # noqa: E402
from compliance.service.access import create_key, create_organisation  # noqa: E402
from compliance.service.store import Role, open_admin  # noqa: E402
from tests.api.abuse_bodies import alias_bomb, example, worst_cases  # noqa: E402

ATTACKERS = 12


class Bench:
    def __init__(self, code: Path | None) -> None:
        self.code = code
        self.tokens: dict[str, str] = {}

    @contextmanager
    def server(self) -> Iterator[ServerProcess]:
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data"
            access, audit = open_admin(data)
            create_organisation(access, audit, "Atlas", "atlas")
            create_organisation(access, audit, "Sahara", "sahara")
            for name, role, org in (
                ("atlas", Role.submitter, "atlas"),
                ("sahara", Role.submitter, "sahara"),
                ("liaison", Role.liaison, None),
            ):
                self.tokens[name] = create_key(access, audit, role, org, label=name)[1]
            server = ServerProcess(data_dir=data, log_path=Path(folder) / "server.log")
            env = {"PYTHONPATH": str(self.code)} if self.code else {}
            server.start(extra_env=env)
            try:
                yield server
            finally:
                server.stop()

    def client(self, server: ServerProcess, who: str) -> httpx.Client:
        return httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {self.tokens[who]}"}, timeout=60
        )


def _ordinary(bench: Bench, server: ServerProcess, rounds: int = 20) -> dict[str, Any]:
    """An ordinary client meanwhile: list projects, assess the example, probe /readyz."""
    statuses: Counter[str] = Counter()
    waits: list[float] = []
    body = example()
    with bench.client(server, "atlas") as atlas:
        for _ in range(rounds):
            for call in (
                lambda: atlas.get("/api/v1/projects"),
                lambda: atlas.post("/api/v1/evaluate", json=body),
            ):
                started = time.perf_counter()
                statuses[str(call().status_code)] += 1
                waits.append(time.perf_counter() - started)
        ready = httpx.get(server.url + "/readyz", timeout=60)
    return {
        "statuses": dict(statuses),
        "wait_p50_ms": round(statistics.median(waits) * 1000, 1),
        "wait_max_ms": round(max(waits) * 1000, 1),
        "readyz": ready.status_code,
    }


def _connect(server: ServerProcess, receive_buffer: int | None = None) -> socket.socket:
    sock = socket.socket()
    if receive_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.settimeout(60)
    sock.connect(("127.0.0.1", server.port))
    return sock


def slow_readers(bench: Bench) -> dict[str, Any]:
    with bench.server() as server:
        httpx.get(server.url + "/api/v1/openapi.json", timeout=60)
        request = f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode()
        readers = [_connect(server, 4096) for _ in range(ATTACKERS)]
        for sock in readers:
            sock.sendall(request * 40)
        waiting, deadline = list(readers), time.monotonic() + 30
        while waiting and time.monotonic() < deadline:
            readable, _, _ = select.select(waiting, [], [], 0.5)
            waiting = [s for s in waiting if s not in readable]
        time.sleep(0.5)
        result = _ordinary(bench, server)
        for sock in readers:
            sock.close()
        return result


def slow_senders(bench: Bench) -> dict[str, Any]:
    with bench.server() as server:
        head = (
            f"POST /api/v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Authorization: Bearer {bench.tokens['sahara']}\r\nContent-Type: application/json\r\n"
            "Content-Length: 100\r\n\r\n"
        ).encode()
        senders = [_connect(server) for _ in range(ATTACKERS)]
        started = time.monotonic()
        for sock in senders:
            sock.sendall(head + b'{"sche')
        result = _ordinary(bench, server)
        answers: Counter[str] = Counter()
        for sock in senders:
            sock.settimeout(max(0.1, started + 30 - time.monotonic()))
            try:
                first = sock.recv(64)
                answers[first.split(b" ")[1].decode() if first else "closed"] += 1
            except TimeoutError:
                answers["no answer in 30 s"] += 1
            sock.close()
        result["attackers"] = dict(answers)
        result["attackers_answered_after_s"] = round(time.monotonic() - started, 1)
        return result


def _memory_kib(pid: int) -> int:
    """Peak resident memory (VmHWM) of the server process and its assessment helpers."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
    return total


def _attack_while_ordinary(attack: Callable[[], Any], ordinary: Callable[[], dict[str, Any]]) -> Any:
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(attack()))
    thread.start()
    meanwhile = ordinary()
    thread.join()
    return out[0] if out else None, meanwhile


def alias_bombs(bench: Bench, copies: int) -> dict[str, Any]:
    bomb = alias_bomb(copies)
    with bench.server() as server:
        assert server.process is not None
        before = _memory_kib(server.process.pid)

        def attack() -> dict[str, Any]:
            with bench.client(server, "sahara") as sahara:
                started = time.perf_counter()
                answer = sahara.post(
                    "/api/v1/evaluate", content=bomb, headers={"Content-Type": "application/yaml"}
                )
                return {
                    "status": answer.status_code,
                    "answer_bytes": len(answer.content),
                    "seconds": round(time.perf_counter() - started, 2),
                }

        answer, meanwhile = _attack_while_ordinary(attack, lambda: _ordinary(bench, server, rounds=10))
        after = _memory_kib(server.process.pid)
        return {
            "body_bytes": len(bomb),
            "attack": answer,
            "peak_memory_growth_mib": round((after - before) / 1024, 1),
            "meanwhile": meanwhile,
        }


def worst(bench: Bench) -> dict[str, Any]:
    cases = worst_cases()
    over = example() | {"processings": [{"id": f"p{n}"} for n in range(3000)]}
    cases["3000 bare processings (over the cap)"] = over
    sizes: dict[str, Any] = {}
    with bench.server() as server, bench.client(server, "sahara") as sahara:
        for name, body in cases.items():
            raw = json.dumps(body).encode()
            started = time.perf_counter()
            answer = sahara.post(
                "/api/v1/evaluate", content=raw, headers={"Content-Type": "application/json"}
            )
            sizes[name] = {
                "body_kib": round(len(raw) / 1024, 1),
                "status": answer.status_code,
                "assessment_mb": round(len(answer.content) / 1e6, 2),
                "seconds": round(time.perf_counter() - started, 2),
            }
    return sizes


def bad_bodies(bench: Bench) -> dict[str, Any]:
    huge = "9" * 5000
    bodies = {
        "huge integer (JSON)": (f'{{"schema_version": "1.0", "revision": {huge}}}', "application/json"),
        "huge integer (YAML)": (f"schema_version: '1.0'\nrevision: {huge}\n", "application/yaml"),
        "complex key (YAML)": ("? [a, b]\n: 1\nschema_version: '1.0'\n", "application/yaml"),
    }
    out: dict[str, Any] = {}
    with bench.server() as server, bench.client(server, "atlas") as atlas:
        project = atlas.post("/api/v1/projects", json={"name": "bench"}).json()["id"]
        atlas.post(f"/api/v1/projects/{project}/versions", json=example())
        version = f"/api/v1/projects/{project}/versions/1"
        endpoints = [
            ("atlas", "POST", "/api/v1/evaluate"),
            ("atlas", "POST", "/api/v1/projects"),
            ("atlas", "POST", f"/api/v1/projects/{project}/versions"),
            ("liaison", "POST", f"{version}/review/actions"),
            ("liaison", "PUT", f"{version}/review/findings/L0908-A04-SHARING-WITHOUT-CONSENT"),
            ("liaison", "POST", f"{version}/review/comments"),
        ]
        for name, (raw, media) in bodies.items():
            statuses: Counter[str] = Counter()
            for who, method, path in endpoints:
                with bench.client(server, who) as client:
                    answer = client.request(method, path, content=raw, headers={"Content-Type": media})
                    statuses[str(answer.status_code)] += 1
            out[name] = dict(statuses)
    return out


def key_guessing(bench: Bench) -> dict[str, Any]:
    with bench.server() as server:
        key_id = bench.tokens["atlas"].split(".", 1)[0]
        wrong = {"Authorization": f"Bearer {key_id}.{'g' * 43}"}

        def attack() -> dict[str, int]:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                return dict(
                    Counter(str(client.get("/api/v1/projects", headers=wrong).status_code) for _ in range(30))
                )

        guesses, meanwhile = _attack_while_ordinary(attack, lambda: _ordinary(bench, server, rounds=10))
        return {"guesses": guesses, "partner_meanwhile": meanwhile}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--code", type=Path, help="run the server from this checkout (default: this one)")
    parser.add_argument("--bomb-copies", type=int, default=20_000, help="aliases in the alias bomb")
    parser.add_argument("--only", help="run only this scenario")
    args = parser.parse_args()
    bench = Bench(args.code.resolve() if args.code else None)
    if bench.code:
        os.chdir(bench.code)  # `python -m` puts the working folder first on the server's path
    scenarios: dict[str, Callable[[], Any]] = {
        "slow readers": lambda: slow_readers(bench),
        "slow senders": lambda: slow_senders(bench),
        "alias bomb": lambda: alias_bombs(bench, args.bomb_copies),
        "worst cases": lambda: worst(bench),
        "bad numbers and keys": lambda: bad_bodies(bench),
        "key guessing": lambda: key_guessing(bench),
    }
    print(f"# server code: {bench.code or ROOT} ({os.cpu_count()} cores)")
    for name, run in scenarios.items():
        if args.only and args.only != name:
            continue
        print(f"## {name}\n{json.dumps(run(), indent=2)}", flush=True)


if __name__ == "__main__":
    main()
