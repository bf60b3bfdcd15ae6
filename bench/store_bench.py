"""The embedded store alone: CPU time (user, system) and wall time of `add_version`, per version, as projects grow.

Run: `.venv/bin/python bench/store_bench.py [--before /path/to/main] [--rounds 4] [--versions 60]`.
16 threads submit to 16 projects of one organisation (as `wrk_bench.py`'s stored run does, without HTTP), a
compact assessment of the largest example, in rounds of `--versions` a project; each round is reported, so a
cost that grows with the versions a project holds shows. With `--before`, the other checkout runs the same
rounds in its own process, alternating round by round with this one (same machine, same moment).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ROUND = """
import resource, sys, threading, time
from datetime import UTC, datetime
from pathlib import Path
from compliance.service.assessing import assessor_for
from compliance.service.submissions import parse_submission
from compliance.storage.records import AuditEvent, Project, ProjectVersion, StoredAssessment
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store
data, example, count, first = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
submission = parse_submission(example.read_bytes())
assessment = StoredAssessment.of(assessor_for(None).assess_compact(submission))
facts = submission.model_dump(mode="json", exclude_none=True)
ids = [f"prj_{n:016x}" for n in range(16)]

def submitted(v):
    return AuditEvent(actor="key_bench", action="version.submitted", organisation=v.organisation,
        target=f"{v.project_id}/{v.number}", details={"submission_hash": v.assessment.submission_hash,
        "verdict": v.assessment.verdict.value, "pack": v.assessment.pack})

with scoped(None, every=True):
    store = open_tinydb_store(data)
    if first:
        now = datetime.now(UTC)
        for pid in ids:
            project = Project(id=pid, organisation="bench", name="bench", created_at=now, created_by="key_bench",
                updated_at=now)
            store.projects.create_project(project, AuditEvent(actor="key_bench", action="project.created"))

    def work(pid):
        for _ in range(count):
            version = ProjectVersion(project_id=pid, organisation="bench", number=0, submitted_at=datetime.now(UTC),
                submitted_by="key_bench", submission=facts, assessment=assessment)
            store.projects.add_version(version, submitted)

    threads = [threading.Thread(target=work, args=(pid,)) for pid in ids]
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF)
    store.close()
n = count * len(ids)
print(f"{(after.ru_utime - before.ru_utime) / n * 1e3:.3f} {(after.ru_stime - before.ru_stime) / n * 1e3:.3f} "
      f"{wall / n * 1e3:.3f}")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--before", type=Path, help="another checkout (e.g. the main branch), run in alternation")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--versions", type=int, default=60, help="versions a project gets in each round")
    ap.add_argument("--example", type=Path, default=ROOT / "examples" / "darija-support-chatbot.yaml")
    args = ap.parse_args()
    codes = [("this", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    print(f"load before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            for label, code in codes:
                first = "1" if n == 0 else "0"
                out = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        ROUND,
                        f"{tmp}/{label}",
                        str(args.example),
                        str(args.versions),
                        first,
                    ],
                    env=os.environ | {"PYTHONPATH": str(code), "PYTHONSAFEPATH": "1"},
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                user, system, wall = (float(x) for x in out[-3:])
                held = (n + 1) * args.versions
                print(
                    f"[{label}] round {n + 1} (versions {held - args.versions + 1}-{held} a project): "
                    f"user {user:.3f} ms, system {system:.3f} ms, wall {wall:.3f} ms a version"
                )
    print(f"load after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")


if __name__ == "__main__":
    main()
