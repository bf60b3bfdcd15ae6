"""Benchmark of the assessment core, in-process: parse, validate and assess every example.

Run: `make bench` (or `.venv/bin/python bench/assess_bench.py [--rounds N]`).
Prints the pack load time and, per example and overall, the median and p99 of parse+validate and of assess.
Targets on the 2-core reference machine: under 1 ms per assessment, pack load under 200 ms.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import time
from pathlib import Path

from compliance.engine.assess import Engine
from compliance.ruleset.loader import load_pack
from compliance.service.submissions import parse_submission

ROOT = Path(__file__).resolve().parent.parent


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=500, help="assessments per example")
    args = ap.parse_args()

    loads = []
    for _ in range(7):
        t0 = time.perf_counter()
        pack = load_pack(ROOT / "rules", ROOT / "features")
        engine = Engine(pack)  # compiling the conditions is part of being ready to assess
        loads.append(time.perf_counter() - t0)
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    print(f"machine: {platform.machine()} · {platform.python_implementation()} {platform.python_version()}")
    print(
        f"rule pack: {pack.info.id} {pack.info.version}, {pack.info.rule_count} rules, "
        f"{len(pack.triggers)} formality triggers"
    )
    print(
        f"pack load + compile: median {statistics.median(loads) * 1000:.1f} ms, "
        f"max {max(loads) * 1000:.1f} ms over {len(loads)} loads (target < 200 ms)"
    )
    print()
    print(f"{'example':38} {'parse+validate p50/p99 (ms)':>28} {'assess p50/p99 (ms)':>22}")
    all_assess: list[float] = []
    all_parse: list[float] = []
    gc.freeze()  # as the service does once the pack is loaded: the pack is never collected
    try:
        for path in examples:
            raw = path.read_bytes()
            parse_t, assess_t = [], []
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                sub = parse_submission(raw, path.name)
                t1 = time.perf_counter()
                engine.assess(sub)
                t2 = time.perf_counter()
                parse_t.append(t1 - t0)
                assess_t.append(t2 - t1)
            all_parse += parse_t
            all_assess += assess_t
            print(
                f"{path.stem:38} {statistics.median(parse_t) * 1e3:13.3f} / {pct(parse_t, 0.99) * 1e3:.3f}"
                f" {statistics.median(assess_t) * 1e3:13.3f} / {pct(assess_t, 0.99) * 1e3:.3f}"
            )
    finally:
        gc.unfreeze()
    print()
    med, p99 = statistics.median(all_assess) * 1e3, pct(all_assess, 0.99) * 1e3
    print(
        f"all examples: assess median {med:.3f} ms, p99 {p99:.3f} ms (target < 1 ms); "
        f"parse+validate median {statistics.median(all_parse) * 1e3:.3f} ms, p99 {pct(all_parse, 0.99) * 1e3:.3f} ms; "
        f"{len(all_assess)} assessments"
    )


if __name__ == "__main__":
    main()
