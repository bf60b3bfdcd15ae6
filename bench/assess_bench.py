"""Benchmark of the assessment core, in-process: the lean engine against the reference engine, interleaved.

Run: `make bench` (or `.venv/bin/python bench/assess_bench.py [--rounds N]`).
Prints the pack load time (from the rule files, and from the pack cache), then per example and overall the
median and p99 of: the lean engine's compact assessment (what the service stores), the lean engine expanded to
the full `Assessment`, and the reference engine (`compliance.engine.reference`, the engine before this one) — the
three measured one after the other on the same submission in every round, so that load on the machine weighs on
all alike. Then the stored JSON of the largest example (size, serialisation time), the full JSON written from
the compact form against pydantic's, and the rule evaluation alone: generated source against closures.
Targets: compact assessment p50 <= 0.30 ms (goal 0.25) and p99 <= 0.5 ms; stored JSON <= 30 KB in <= 0.08 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.domain.expanded_json import expanded_json
from compliance.domain.outcomes import TraceEntry
from compliance.domain.pack import RulePack
from compliance.domain.rules import Enforcement
from compliance.engine import conditions
from compliance.engine.assess import Engine
from compliance.engine.conditions import Context, compile_condition
from compliance.engine.reference import ReferenceEngine
from compliance.ruleset.loader import load_pack
from compliance.service.submissions import parse_submission

ROOT = Path(__file__).resolve().parent.parent


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# The clock of every measurement: wall time by default; with `--cpu`, the CPU time of this thread, so that time
# spent waiting for a core on a shared machine is not counted (cache and memory contention still are).
CLOCK: Callable[[], float] = time.perf_counter


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1e3:.3f} / {pct(values, 0.99) * 1e3:.3f}"


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = CLOCK()
        fn()
        out.append(CLOCK() - t0)
    return out


@dataclass(slots=True)
class _Entry:
    path: str
    value: Any
    test: str
    result: bool | None


def closure_runner(pack: RulePack) -> Callable[[dict[str, Any], Any], list[Any]]:
    """The rule evaluation with the closures of `conditions` (trace entries as unfrozen slotted objects), for
    comparison with the generated function: same outcomes, same traces, same severities."""
    rules = []
    for r in pack.rules:
        best = r.enforcement is Enforcement.best_practice
        missing = "advisory" if best else "needs_info"
        rules.append(
            (
                r.id,
                compile_condition(r.applies_when),
                compile_condition(r.require),
                missing,
                "fail" if r.can_fail else missing,
                r.severity.value,
                [(compile_condition(o.when), o.severity.value) for o in r.severity_overrides],
            )
        )

    def run(facts: dict[str, Any], ref: Any) -> list[Any]:
        out = []
        for rule_id, applies, require, missing, unmet, severity, overrides in rules:
            ctx = Context(reference=ref, root=facts)
            a = applies(facts, ctx)
            if a is False:
                o = "not_applicable"
            elif a is None:
                o = missing
            else:
                m = require(facts, ctx)
                o = "pass" if m is True else missing if m is None else unmet
            sev = severity
            if o not in ("pass", "not_applicable"):
                for when, override in overrides:
                    if when(facts, Context(reference=ref, root=facts)) is True:
                        sev = override
                        break
            out.append((rule_id, o, sev, ctx.trace))
        return out

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=500, help="assessments per example and engine")
    ap.add_argument("--cpu", action="store_true", help="time by this thread's CPU time instead of wall time")
    args = ap.parse_args()
    global CLOCK  # noqa: PLW0603 - a benchmark script's one setting
    if args.cpu:
        CLOCK = time.thread_time
    print(f"clock: {'CPU time of this thread' if args.cpu else 'wall time'}")

    loads, cached = [], []
    with tempfile.TemporaryDirectory() as cache:
        os.environ["COMPLIANCE_CACHE_DIR"] = cache
        from compliance.service.pack_cache import load_compiled

        for _ in range(7):
            t0 = CLOCK()
            pack = load_pack(ROOT / "rules", ROOT / "features")
            engine = Engine(pack)  # generating and compiling the rules' function is part of being ready
            loads.append(CLOCK() - t0)
        load_compiled(ROOT / "rules")
        for _ in range(7):
            t0 = CLOCK()
            c = load_compiled(ROOT / "rules")
            Engine(c.pack, c.program, c.code, c.logic, c.view)
            cached.append(CLOCK() - t0)
    reference = ReferenceEngine(pack)
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    print(f"machine: {platform.machine()} · {platform.python_implementation()} {platform.python_version()}")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1, 5, 15 min)")
    print(
        f"rule pack: {pack.info.id} {pack.info.version}, {pack.info.rule_count} rules, "
        f"{len(pack.triggers)} formality triggers, {len(engine.program.leaves)} trace leaves"
    )
    print(
        f"pack load + compile from files: median {statistics.median(loads) * 1e3:.1f} ms; "
        f"from the pack cache: median {statistics.median(cached) * 1e3:.1f} ms"
    )
    print()
    print(f"{'example (p50 / p99 ms)':38} {'lean compact':>16} {'lean expanded':>16} {'reference':>16}")
    lean_all: list[float] = []
    full_all: list[float] = []
    ref_all: list[float] = []
    subs = {p.stem: parse_submission(p.read_bytes(), p.name) for p in examples}
    gc.freeze()  # as the service does once the pack is loaded: the pack is never collected
    # Garbage collections, by the engine being timed when they ran: is a slow assessment the collector's?
    pauses: dict[str, list[tuple[int, float]]] = {}
    timing: list[str] = ["none"]
    started: list[float] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            pauses.setdefault(timing[0], []).append((info["generation"], time.perf_counter() - started.pop()))

    gc.callbacks.append(collected)
    try:
        for name, sub in subs.items():
            lean_t, full_t, ref_t = [], [], []
            for i in range(args.rounds):
                order = ((engine.assess_compact, lean_t), (engine.assess, full_t), (reference.assess, ref_t))
                for fn, sink in order if i % 2 else reversed(order):
                    timing[0] = getattr(fn, "__name__", "?")
                    t0 = CLOCK()
                    fn(sub)
                    sink.append(CLOCK() - t0)
            lean_all += lean_t
            full_all += full_t
            ref_all += ref_t
            print(f"{name:38} {ms(lean_t):>16} {ms(full_t):>16} {ms(ref_t):>16}")
        print()
        print(
            f"all examples, p50 / p99: lean compact {ms(lean_all)} ms, lean expanded {ms(full_all)} ms, "
            f"reference {ms(ref_all)} ms; ratio of medians {statistics.median(ref_all) / statistics.median(lean_all):.2f}x "
            f"({len(lean_all)} assessments each; target p50 <= 0.30 ms, p99 <= 0.5 ms)"
        )
        gc.callbacks.remove(collected)
        for name, engine_label in (
            ("assess_compact", "lean compact"),
            ("assess", "lean expanded or reference"),
        ):
            runs = pauses.get(name, [])
            generations = "/".join(str(sum(1 for g, _ in runs if g == gen)) for gen in range(3))
            longest = max((p for _, p in runs), default=0.0)
            print(
                f"garbage collections while timing {engine_label}: {len(runs)} (generations 0/1/2: "
                f"{generations}), longest {longest * 1e3:.3f} ms"
            )

        largest = max(subs.values(), key=lambda s: len(engine.assess_compact(s).to_json()))
        compact = engine.assess_compact(largest)
        stored = compact.to_json()
        full = reference.assess(largest)
        full_json = full.__pydantic_serializer__.to_json(full)
        n = args.rounds * 4
        print()
        print(f"largest example ({largest.project_name}):")
        print(
            f"  stored compact JSON {len(stored) / 1000:.1f} KB, serialised in {ms(timed(compact.to_json, n))} ms "
            f"(target <= 30 KB in <= 0.08 ms); the full assessment's JSON is {len(full_json) / 1000:.1f} KB"
        )
        print(
            f"  full JSON from the compact form {ms(timed(lambda: expanded_json(compact, engine.view), n))} ms; "
            f"pydantic serialising the full assessment {ms(timed(lambda: full.__pydantic_serializer__.to_json(full), n))} ms"
        )

        # Rule evaluation alone (derived facts done once): generated source vs closures, interleaved.
        import pydantic_core

        facts = pydantic_core.from_json(largest.__pydantic_serializer__.to_json(largest))
        engine._router.route(facts)
        closures = closure_runner(pack)
        conditions.TraceEntry = _Entry  # type: ignore[misc]  # unfrozen slots: the cheapest object with fields
        try:
            gen_t, clo_t = [], []
            for i in range(n):
                pair = ((engine._run, gen_t), (closures, clo_t))
                for fn, sink in pair if i % 2 else reversed(pair):
                    t0 = CLOCK()
                    fn(facts, pack.reference)
                    sink.append(CLOCK() - t0)
        finally:
            conditions.TraceEntry = TraceEntry  # type: ignore[misc]
        print(
            f"  rule evaluation only: generated source {ms(gen_t)} ms, closures {ms(clo_t)} ms "
            f"({statistics.median(clo_t) / statistics.median(gen_t):.2f}x)"
        )
    finally:
        if collected in gc.callbacks:
            gc.callbacks.remove(collected)
        gc.unfreeze()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
