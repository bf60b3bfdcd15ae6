"""Load benchmark of the HTTP service on loopback: the real `compliance serve` (uvicorn, one worker).

Run: `.venv/bin/python bench/http_bench.py` (about two minutes; `--quick` for a smaller run).

Measures, with a small asyncio HTTP/1.1 client (keep-alive, one connection per concurrent client):
- `POST /api/v1/evaluate` at concurrency 1, 16 and 200: p50/p99 latency and throughput, with the same
  submission again and again ("evaluate": a CI rerun, answered from the server's memo of recent dry runs)
  and with a new submission each time ("eval-new": assessed every time);
- stored submissions (`POST /api/v1/projects/{id}/versions`, each fsynced before its 201) at the same
  concurrencies, with the count of 503 + Retry-After answers and of 5xx;
- the cost of one stored submission when 100, 1,000 and 10,000 assessments are already stored (the store is
  seeded through the repository: 10 versions a project, 10 projects an organisation).

Targets (2 cores, one worker): /evaluate >= 500 requests/s; stored at concurrency 16 >= 100/s with
p99 < 100 ms; at 200 concurrent every request answered within 2 s with 2xx or 503 + Retry-After, no other
5xx; a stored submission with 10,000 stored no slower than twice one with 100.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compliance.devserver import ServerProcess  # noqa: E402
from compliance.service.access import create_key, create_organisation  # noqa: E402
from compliance.service.assessing import assessor_for  # noqa: E402
from compliance.service.store import (  # noqa: E402
    Project,
    ProjectVersion,
    Role,
    StoredAssessment,
    open_admin,
    open_store,
)
from compliance.service.submissions import read_submission  # noqa: E402

EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


# -- a minimal HTTP/1.1 client: enough to load the server without the client being the bottleneck ----------
class Connection:
    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port, self.token = host, port, token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: bytes, extra: str = ""
    ) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\nAuthorization: Bearer {self.token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
        )
        self.writer.write(head.encode() + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
        data = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, headers, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


@dataclass
class Run:
    name: str
    concurrency: int
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    missing_retry_after: int = 0
    elapsed: float = 0.0

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")

    @property
    def ok(self) -> int:
        return sum(n for s, n in self.statuses.items() if 200 <= s < 300)

    @property
    def throughput(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500 and s != 503)

    def line(self) -> str:
        busy = self.statuses.get(503, 0)
        return (
            f"{self.name:10} c={self.concurrency:<4} n={len(self.latencies):<5} ok={self.ok:<5} "
            f"{self.throughput:7.0f}/s  p50 {self.pct(0.50):7.1f} ms  p99 {self.pct(0.99):7.1f} ms  "
            f"max {max(self.latencies) * 1000 if self.latencies else 0:7.1f} ms  503 {busy:<4} other 5xx {self.server_errors}"
        )


async def load(
    name: str,
    port: int,
    token: str,
    concurrency: int,
    total: int,
    paths: list[str],
    body: bytes,
    max_seconds: float,
) -> Run:
    run = Run(name, concurrency)
    counter = iter(range(total))
    deadline = time.perf_counter() + max_seconds

    async def client(index: int) -> None:
        conn = Connection("127.0.0.1", port, token)
        path = paths[index % len(paths)]
        try:
            for n in counter:
                if time.perf_counter() > deadline:
                    return
                raw = (
                    body
                    if isinstance(body, bytes)
                    else json.dumps(body | {"project_name": f"bench {n}"}).encode()
                )
                t0 = time.perf_counter()
                status, headers, _ = await conn.request("POST", path, raw)
                run.latencies.append(time.perf_counter() - t0)
                run.statuses[status] = run.statuses.get(status, 0) + 1
                if status == 503 and "retry-after" not in headers:
                    run.missing_retry_after += 1
        finally:
            conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(concurrency)))
    run.elapsed = time.perf_counter() - t0
    return run


# -- the server ---------------------------------------------------------------------------------------------
def make_key(data_dir: Path, org: str) -> str:
    access, audit = open_admin(data_dir)
    if access.get_organisation(org) is None:
        create_organisation(access, audit, org, org)
    _, token = create_key(access, audit, Role.submitter, org, label="bench")
    return token


async def create_projects(port: int, token: str, count: int) -> list[str]:
    conn = Connection("127.0.0.1", port, token)
    ids = []
    for i in range(count):
        status, _, data = await conn.request(
            "POST", "/api/v1/projects", json.dumps({"name": f"bench {i}"}).encode()
        )
        assert status == 201, data
        ids.append(json.loads(data)["id"])
    conn.close()
    return ids


def seed(data_dir: Path, assessments: int) -> str:
    """Fill a store through the repository: 10 versions a project, 10 projects an organisation."""
    store = open_store(data_dir)
    submission = read_submission(EXAMPLE)
    assessment = StoredAssessment.of(assessor_for(None).assess_compact(submission))
    facts = submission.model_dump(mode="json", exclude_none=True)
    now = datetime.now(UTC)
    n = 0
    project_no = 0
    access, audit = store.access, store.audit
    while n < assessments:
        org = f"seed-{project_no // 10}"
        if access.get_organisation(org) is None:
            create_organisation(access, audit, org, org)
        project = Project(
            id=f"prj_{project_no:016x}",
            organisation=org,
            name=f"p{project_no}",
            created_at=now,
            created_by="seed",
            updated_at=now,
        )
        store.projects.create_project(project)
        for _ in range(min(10, assessments - n)):
            store.projects.add_version(
                ProjectVersion(
                    project_id=project.id,
                    organisation=org,
                    number=0,
                    submitted_at=now,
                    submitted_by="seed",
                    submission=facts,
                    assessment=assessment,
                )
            )
            n += 1
        project_no += 1
    store.close()
    return "seed-0"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer requests and no 10,000 store")
    args = ap.parse_args()
    scale = 0.25 if args.quick else 1.0
    work = Path(tempfile.mkdtemp(prefix="http-bench-"))
    example = read_submission(EXAMPLE).model_dump(mode="json", exclude_none=True)
    body = json.dumps(example).encode()
    results: list[Run] = []
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpu; server: one uvicorn worker"
    )
    try:
        data = work / "load"
        token = make_key(data, "bench")
        with ServerProcess(data, work / "load.log") as server:
            evaluate = ["/api/v1/evaluate"]
            asyncio.run(load("warm-up", server.port, token, 4, 200, evaluate, body, 10))
            for c, n in ((1, 1000), (16, 4000), (200, 4000)):
                run = asyncio.run(load("evaluate", server.port, token, c, int(n * scale), evaluate, body, 20))
                results.append(run)
                print(run.line(), flush=True)
            for c, n in ((1, 500), (16, 2000), (200, 2000)):
                run = asyncio.run(
                    load("eval-new", server.port, token, c, int(n * scale), evaluate, example, 20)
                )
                results.append(run)
                print(run.line(), flush=True)
            for c, n in ((1, 300), (16, 2000), (200, 2000)):
                projects = asyncio.run(create_projects(server.port, token, min(c, 50)))
                paths = [f"/api/v1/projects/{p}/versions" for p in projects]
                run = asyncio.run(load("stored", server.port, token, c, int(n * scale), paths, example, 30))
                results.append(run)
                print(run.line(), flush=True)

        print(
            "\none stored submission (sequential, 100 submissions over 10 existing projects) with N already stored:"
        )
        sizes = (100, 1000) if args.quick else (100, 1000, 10_000)
        per_size: dict[int, float] = {}
        for size in sizes:
            folder = work / f"seeded-{size}"
            t0 = time.perf_counter()
            org = seed(folder, size)
            seeded = time.perf_counter() - t0
            token = make_key(folder, org)
            with ServerProcess(folder, work / f"seeded-{size}.log") as server:
                projects = [f"prj_{i:016x}" for i in range(10)]
                paths = [f"/api/v1/projects/{p}/versions" for p in projects]
                asyncio.run(load("warm-up", server.port, token, 1, 10, ["/api/v1/evaluate"], body, 10))
                run = asyncio.run(load(f"N={size}", server.port, token, 1, 100, paths, body, 60))
            per_size[size] = statistics.median(run.latencies) * 1000
            print(f"{run.line()}   (seeded in {seeded:.1f} s)", flush=True)
        smallest, largest = min(per_size), max(per_size)
        ratio = per_size[largest] / per_size[smallest]

        ev16 = next(r for r in results if r.name == "evaluate" and r.concurrency == 16)
        new16 = next(r for r in results if r.name == "eval-new" and r.concurrency == 16)
        st16 = next(r for r in results if r.name == "stored" and r.concurrency == 16)
        c200 = [r for r in results if r.concurrency == 200]
        checks = [
            (
                f"/evaluate, same submission again (memoised), c=16 >= 500/s: {ev16.throughput:.0f}/s",
                ev16.throughput >= 500,
            ),
            (
                f"/evaluate, a new submission each time, c=16 >= 500/s: {new16.throughput:.0f}/s",
                new16.throughput >= 500,
            ),
            (f"stored at c=16 >= 100/s: {st16.throughput:.0f}/s", st16.throughput >= 100),
            (f"stored at c=16 p99 < 100 ms: {st16.pct(0.99):.1f} ms", st16.pct(0.99) < 100),
            (
                "c=200: every answer within 2 s: "
                + ", ".join(f"{max(r.latencies) * 1000:.0f} ms" for r in c200),
                all(max(r.latencies) <= 2.0 for r in c200),
            ),
            (
                "c=200: only 2xx or 503 with Retry-After",
                all(
                    r.server_errors == 0 and r.missing_retry_after == 0 and set(r.statuses) <= {200, 201, 503}
                    for r in c200
                ),
            ),
            (f"median stored with {largest:,} stored / with {smallest:,}: {ratio:.2f} (<= 2)", ratio <= 2.0),
        ]
        print()
        for text, ok in checks:
            print(("PASS " if ok else "FAIL ") + text)
        print("\nrerun: .venv/bin/python bench/http_bench.py")
        if not all(ok for _, ok in checks):
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
