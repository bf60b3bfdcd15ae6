"""Load benchmark of the PostgreSQL store, with the embedded store in the same run (`make bench-pg`).

Run: `.venv/bin/python bench/pg_bench.py` (about five minutes; `--quick` for a smaller run). The database
server is named by COMPLIANCE_BENCH_DATABASE_URL, else COMPLIANCE_TEST_DATABASE_URL, else
postgresql://postgres@127.0.0.1:5432/postgres (a superuser: the run creates its own database and roles
and drops them at the end).

Measures stored submissions (`POST /api/v1/projects/{id}/versions` with the darija example, each assessed,
compressed and committed before its 201):
- throughput, p50/p99 and CPU per request (the server's processes, and the PostgreSQL backends serving
  them) at concurrency 16 and 200, for: PostgreSQL with one worker, with two workers, two server
  processes of one worker each (half the clients on each), and the embedded TinyDB store;
- the cost of one stored submission (sequential) with 100, 10,000 and 100,000 versions already stored,
  seeded in bulk with COPY in the adapter's row format (10 versions a project, one audit entry each, a
  valid chain). The seeded versions carry a small stand-in payload unless `--real-payloads` (2.8 GB at
  100,000): their payloads are never read, and the cost of one submission depends on the indexes, not on
  the bytes of the others. Target: at most 1.2 times from 100 to 100,000. The embedded store is measured
  with 100 and 10,000 (seeded through its repository, ~20 s).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import psycopg  # noqa: E402
import zstandard  # noqa: E402
from http_bench import EXAMPLE, Run, create_projects, load, make_key, seed  # noqa: E402

from compliance.devserver import ServerProcess  # noqa: E402
from compliance.service.access import create_key, create_organisation  # noqa: E402
from compliance.service.assessing import assessor_for  # noqa: E402
from compliance.service.submissions import read_submission  # noqa: E402
from compliance.storage.audit_chain import GENESIS, line_of, seal  # noqa: E402
from compliance.storage.codec import version_payload  # noqa: E402
from compliance.storage.postgres import open_admin_postgres  # noqa: E402
from compliance.storage.postgres.projects import VERSION_COLUMNS, version_row  # noqa: E402
from compliance.storage.postgres.provision import TemporaryDatabase  # noqa: E402
from compliance.storage.records import AuditEvent, ProjectVersion, Role, StoredAssessment  # noqa: E402
from compliance.storage.signing_keys import KeyRing  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


# -- CPU of a process tree and of the database backends ------------------------------------------------------
def _tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += _tree(int(child))
    except OSError:
        pass
    return found


def _cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    return total


def _backends(database: TemporaryDatabase) -> list[int]:
    with psycopg.connect(database.admin_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (database.name,),
        ).fetchall()
    return [r[0] for r in rows]


@dataclass
class Measured:
    run: Run
    app_cpu_ms: float  # per successful request
    db_cpu_ms: float | None  # None: no database

    def row(self, label: str) -> str:
        r = self.run
        return (
            f"| {label} | {r.concurrency} | {r.throughput:,.0f}/s | {r.pct(0.5):.1f} ms | {r.pct(0.99):.1f} ms | "
            f"{self.app_cpu_ms:.1f} ms | {'–' if self.db_cpu_ms is None else f'{self.db_cpu_ms:.1f} ms'} | {r.statuses.get(503, 0)} | {r.server_errors} |"
        )


def merge(runs: list[Run], name: str, concurrency: int) -> Run:
    merged = Run(name, concurrency)
    for r in runs:
        merged.latencies += r.latencies
        for s, n in r.statuses.items():
            merged.statuses[s] = merged.statuses.get(s, 0) + n
        merged.missing_retry_after += r.missing_retry_after
    merged.elapsed = max(r.elapsed for r in runs)
    return merged


def measure(
    servers: list[ServerProcess],
    tokens: list[str],
    concurrency: int,
    total: int,
    body: dict[str, object],
    database: TemporaryDatabase | None,
) -> Measured:
    share = concurrency // len(servers)
    projects = [
        asyncio.run(create_projects(s.port, t, min(share, 50))) for s, t in zip(servers, tokens, strict=True)
    ]
    pids = [p for s in servers if s.process for p in _tree(s.process.pid)]
    backends = _backends(database) if database else []
    app0, db0 = _cpu(pids), _cpu(backends)

    async def together() -> list[Run]:
        return await asyncio.gather(
            *(
                load(
                    "stored",
                    s.port,
                    t,
                    share,
                    total // len(servers),
                    [f"/api/v1/projects/{p}/versions" for p in ps],
                    body,
                    30,
                )
                for s, t, ps in zip(servers, tokens, projects, strict=True)
            )
        )

    run = merge(asyncio.run(together()), "stored", concurrency)
    backends = _backends(database) if database else []
    ok = max(run.ok, 1)
    db_ms = (_cpu(backends) - db0) * 1000 / ok if database else None
    return Measured(run, (_cpu(pids) - app0) * 1000 / ok, db_ms)


# -- servers on the database ----------------------------------------------------------------------------------
class PgDeployment:
    def __init__(self, database: TemporaryDatabase, work: Path) -> None:
        self.database = database
        self.work = work
        self.keys = work / "keys"
        KeyRing(self.keys).current()  # made once, before the servers that share it start
        access, audit = open_admin_postgres(database.url())
        if access.get_organisation("bench") is None:
            create_organisation(access, audit, "bench", "bench")
        self.token = create_key(access, audit, Role.submitter, "bench", "bench")[1]

    def server(self, name: str, workers: int = 1) -> ServerProcess:
        server = ServerProcess(
            self.work / name, self.work / f"{name}.log", args=("--workers", str(workers), "--no-access-log")
        )
        server.start(
            extra_env={"COMPLIANCE_DATABASE_URL": self.database.url(), "COMPLIANCE_KEY_DIR": str(self.keys)}
        )
        return server


def bulk_seed(database: TemporaryDatabase, upto: int, real_payloads: bool) -> float:
    """Add versions (10 a project, organisation 'seed') and their audit entries with COPY until `upto` are
    stored; as the superuser, since COPY does not run under row-level security."""
    submission = read_submission(EXAMPLE)
    assessment = StoredAssessment.of(assessor_for(None).assess(submission))
    facts = submission.model_dump(mode="json", exclude_none=True)
    now = datetime.now(UTC)
    started = time.perf_counter()
    with psycopg.connect(database.superuser_url) as conn:
        conn.execute("SET search_path = compliance")
        have = conn.execute("SELECT count(*) FROM versions WHERE organisation = 'seed'").fetchone()[0]  # type: ignore[index]
        head = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = head if head else (0, GENESIS)
        template = ProjectVersion(
            project_id="prj_0000000000000000",
            organisation="seed",
            number=1,
            submitted_at=now,
            submitted_by="seed",
            submission=facts,
            assessment=assessment,
        )
        # A valid version frame ("{}" and "{}"), read back as an empty version if it ever is.
        stand_in = zstandard.ZstdCompressor(level=1, write_checksum=True).compress(b"{}\n{}")
        payload = version_payload(template) if real_payloads else stand_in
        first_project = have // 10
        with conn.cursor() as cur:
            with cur.copy(
                "COPY projects (id, organisation, name, created_at, created_by, version_count) FROM STDIN"
            ) as copy:
                for p in range(first_project, (upto + 9) // 10):
                    copy.write_row(
                        (
                            f"prj_{p:016x}",
                            "seed",
                            f"p{p}",
                            now + timedelta(microseconds=p),
                            "seed",
                            min(10, upto - p * 10),
                        )
                    )
            with cur.copy(f"COPY versions ({VERSION_COLUMNS}) FROM STDIN") as copy:
                for n in range(have, upto):
                    version = template.model_copy(
                        update={"project_id": f"prj_{n // 10:016x}", "number": n % 10 + 1}
                    )
                    row = list(version_row(version, n % 10 + 1, payload))
                    row[12] = "{}"
                    copy.write_row(row)
            with cur.copy("COPY audit_log (seq, hash, line) FROM STDIN") as copy:
                for n in range(have, upto):
                    seq += 1
                    entry = seal(
                        AuditEvent(
                            actor="seed",
                            action="version.submitted",
                            organisation="seed",
                            target=f"prj_{n // 10:016x}/{n % 10 + 1}",
                        ),
                        seq,
                        now,
                        prev,
                    )
                    copy.write_row((seq, entry.hash, line_of(entry)))
                    prev = entry.hash
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE projects, versions, audit_log")
    return time.perf_counter() - started


def sequential_cost(server: ServerProcess, token: str, body: dict[str, object], label: str) -> Run:
    projects = asyncio.run(create_projects(server.port, token, 10))
    paths = [f"/api/v1/projects/{p}/versions" for p in projects]
    asyncio.run(load("warm-up", server.port, token, 1, 20, paths, body, 20))
    return asyncio.run(load(label, server.port, token, 1, 200, paths, body, 60))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer requests, stores of 100 and 10,000 only")
    ap.add_argument(
        "--real-payloads", action="store_true", help="seed full-size payloads (2.8 GB at 100,000)"
    )
    args = ap.parse_args()
    scale = 0.3 if args.quick else 1.0
    url = (
        os.environ.get("COMPLIANCE_BENCH_DATABASE_URL")
        or os.environ.get("COMPLIANCE_TEST_DATABASE_URL")
        or "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    body = read_submission(EXAMPLE).model_dump(mode="json", exclude_none=True)
    work = Path(tempfile.mkdtemp(prefix="pg-bench-"))
    database = TemporaryDatabase(url, prefix="compliance_bench").create()
    load_avg = os.getloadavg()
    print(
        f"python {platform.python_version()}, {os.cpu_count()} cpu, load average {load_avg[0]:.1f} "
        f"{load_avg[1]:.1f} {load_avg[2]:.1f} at start; PostgreSQL on {database.name}"
    )
    header = "| store and servers | concurrency | stored/s | p50 | p99 | CPU/request (server) | CPU/request (database) | 503 | other 5xx |"
    rows = [header, "|---|---|---|---|---|---|---|---|---|"]
    try:
        deployment = PgDeployment(database, work)
        configs: list[tuple[str, list[tuple[str, int]]]] = [
            ("PostgreSQL, 1 worker", [("pg1", 1)]),
            ("PostgreSQL, 2 workers", [("pg2", 2)]),
            ("PostgreSQL, 2 servers × 1 worker", [("pga", 1), ("pgb", 1)]),
        ]
        for label, specs in configs:
            servers = [deployment.server(name, workers) for name, workers in specs]
            try:
                tokens = [deployment.token] * len(servers)
                asyncio.run(
                    load("warm-up", servers[0].port, deployment.token, 4, 40, ["/api/v1/evaluate"], body, 10)
                )
                for c, n in ((16, 1200), (200, 1600)):
                    m = measure(servers, tokens, c, int(n * scale), body, database)
                    rows.append(m.row(label))
                    print(rows[-1], flush=True)
            finally:
                for s in servers:
                    s.stop()
        data = work / "embedded"
        token = make_key(data, "bench")
        with ServerProcess(data, work / "embedded.log", args=("--no-access-log",)) as server:
            asyncio.run(load("warm-up", server.port, token, 4, 40, ["/api/v1/evaluate"], body, 10))
            for c, n in ((16, 1200), (200, 1600)):
                m = measure([server], [token], c, int(n * scale), body, None)
                rows.append(m.row("embedded TinyDB, 1 worker"))
                print(rows[-1], flush=True)

        print("\none stored submission, sequential (200 over 10 projects), with N versions already stored:")
        cost_rows = [
            "| store | versions already stored | median | p99 | seeded in |",
            "|---|---|---|---|---|",
        ]
        medians: dict[str, dict[int, float]] = {"PostgreSQL": {}, "embedded TinyDB": {}}
        for size in (100, 10_000) if args.quick else (100, 10_000, 100_000):
            seeded = bulk_seed(database, size, args.real_payloads)
            server = deployment.server(f"seeded{size}")
            try:
                run = sequential_cost(server, deployment.token, body, f"N={size}")
            finally:
                server.stop()
            medians["PostgreSQL"][size] = statistics.median(run.latencies) * 1000
            cost_rows.append(
                f"| PostgreSQL | {size:,} | {medians['PostgreSQL'][size]:.1f} ms | {run.pct(0.99):.1f} ms | {seeded:.1f} s (COPY) |"
            )
            print(cost_rows[-1], flush=True)
        for size in (100, 10_000):
            folder = work / f"tiny{size}"
            t0 = time.perf_counter()
            org = seed(folder, size)
            seeded = time.perf_counter() - t0
            token = make_key(folder, org)
            with ServerProcess(folder, work / f"tiny{size}.log", args=("--no-access-log",)) as server:
                run = sequential_cost(server, token, body, f"N={size}")
            medians["embedded TinyDB"][size] = statistics.median(run.latencies) * 1000
            cost_rows.append(
                f"| embedded TinyDB | {size:,} | {medians['embedded TinyDB'][size]:.1f} ms | {run.pct(0.99):.1f} ms | {seeded:.1f} s (repository) |"
            )
            print(cost_rows[-1], flush=True)
        pg = medians["PostgreSQL"]
        ratio = pg[max(pg)] / pg[min(pg)]
        print()
        print("\n".join(rows))
        print()
        print("\n".join(cost_rows))
        verdict = "PASS" if ratio <= 1.2 else "FAIL"
        print(
            f"\n{verdict} PostgreSQL: median with {max(pg):,} stored / with {min(pg):,}: {ratio:.2f} (target <= 1.2)"
        )
        end = os.getloadavg()
        print(f"load average at the end {end[0]:.1f} {end[1]:.1f} {end[2]:.1f}; rerun: make bench-pg")
    finally:
        database.drop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
