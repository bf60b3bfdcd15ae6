"""Crash soak of the audit trail: the real server SIGKILLed again and again under six concurrent writers.

Run: `.venv/bin/python bench/audit_soak.py` (100 kills, a few minutes; `--kills N --writers W` to change).

Each cycle starts `compliance serve` on a free loopback port, checks the store left by the previous kill,
lets the writers create projects, submit versions, start reviews, judge findings, comment, decide and erase
until a random number of changes is acknowledged, then kills the server with SIGKILL at a random instant.
After every restart (compliance/devsoak.py): every acknowledged change has its audit entry, every
acknowledged erasure its tombstone and no data left, and the log verifies against its signed checkpoints.
Any miss stops the run with what is missing. Prints the counts and the time per cycle.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from compliance.devsoak import AuditSoak


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="audit-soak-"))
    try:
        soak = AuditSoak(folder / "data", folder / "server.log", writers=args.writers, seed=args.seed)
        report = soak.run(args.kills)
    except AssertionError as exc:
        print(f"FAILED: {exc}\n(the data are kept in {folder})", file=sys.stderr)
        return 1
    print(f"machine: {platform.machine()}, CPython {platform.python_version()}")
    print(f"kills: {report.kills} (SIGKILL), writers: {args.writers}, {report.seconds:.1f} s")
    print(f"acknowledged changes: {report.acknowledged}, all with their audit entry")
    print(f"acknowledged erasures: {report.erasures}, all with their tombstone and no data left")
    print(f"audit entries: {report.entries}; `audit verify` passed after each of {report.kills + 1} starts")
    for action, count in sorted(report.by_action.items()):
        print(f"  {action:26} {count}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
