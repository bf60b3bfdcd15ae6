"""The same ten rules in CEL, JsonLogic and GoRules ZEN, against the lean engine: equal outcomes, then speed.

Run: `.venv/bin/pip install -e ".[bench]"` once, then `.venv/bin/python bench/peers.py [--variants 3000]`.

The ten rules are the first ten of the pack, by id, whose conditions stay within what all three languages can
say the same way (all/any/not, is_true/is_false/affirmed/stated/exists, eq/in, contains/intersects, count,
every/some over a list without nested quantifiers or `root.` paths). Each is ported mechanically from its
validated condition, so the port is the rule and not a paraphrase: the three-valued logic is kept by encoding
false/unknown/true as 0/1/2, `all` as the least, `any` as the greatest, `not` as 2 - x, a fact not stated as
unknown (1). Outcomes (pass, fail, needs_info, not_applicable, advisory) are then derived exactly as the engine
does. The lean engine runs the same ten rules as one generated function, with its trace; the peers give
outcomes only (they have no trace).

Checked: equal outcomes on every example and on `--variants` random submissions (tests/core/randomfacts.py).
Measured: the ten rules on each example's facts (derived facts computed once beforehand, for all alike), the
four engines one after the other in every round; medians and ratios to the lean engine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cel
import json_logic
import pydantic_core
import zen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compliance.domain.rules import (  # noqa: E402
    Affirmed,
    AllOf,
    AnyOf,
    Condition,
    Const,
    Contains,
    Count,
    Enforcement,
    Eq,
    Every,
    Exists,
    In,
    Intersects,
    IsFalse,
    IsTrue,
    Not,
    Rule,
    Some,
    Stated,
)
from compliance.engine.assess import Engine  # noqa: E402
from compliance.engine.program import generate, load  # noqa: E402
from compliance.ruleset.loader import load_pack  # noqa: E402
from compliance.service.submissions import read_submission  # noqa: E402
from tests.core.randomfacts import random_submission  # noqa: E402

F, U, T = 0, 1, 2  # false, unknown, true
PORTABLE = (
    AllOf,
    AnyOf,
    Not,
    Const,
    IsTrue,
    IsFalse,
    Affirmed,
    Stated,
    Exists,
    Eq,
    In,
    Contains,
    Intersects,
    Count,
)


def portable(c: Condition, in_item: bool = False) -> bool:
    if isinstance(c, AllOf | AnyOf):
        return all(portable(x, in_item) for x in c.of)
    if isinstance(c, Not):
        return portable(c.condition, in_item)
    if isinstance(c, Every | Some):
        return not in_item and "[]" not in c.path and portable(c.condition, True)
    if not isinstance(c, PORTABLE):
        return False
    path = getattr(c, "path", "")
    return "[]" not in path and not path.startswith("root.")


def choose(rules: list[Rule]) -> list[Rule]:
    found = [r for r in sorted(rules, key=lambda r: r.id) if portable(r.applies_when) and portable(r.require)]
    return found[:10]


# -- CEL -----------------------------------------------------------------------------------------------------
class ToCel:
    def __init__(self) -> None:
        self.n = 0

    def path(self, path: str, scope: str) -> str:
        """Null-safe: any step that is null gives null."""
        names = path.split(".")
        if scope != "facts" and names == ["value"]:
            return scope  # a scalar item, seen by the engine as {"value": item}
        expr, guards = scope, []
        for name in names:
            expr = f"{expr}.{name}"
            guards.append(expr)
        out = guards[-1]
        for g in reversed(guards[:-1]):
            out = f"({g} == null ? null : {out})"
        return out

    def leaf(self, value: str, body: str) -> str:
        """Bind the value once: [v].map(x, body)[0]."""
        self.n += 1
        x = f"v{self.n}"
        return f"[{value}].map({x}, {body.replace('$', x)})[0]"

    def cond(self, c: Condition, scope: str = "facts") -> str:
        if isinstance(c, AllOf | AnyOf):
            self.n += 1
            lst = f"l{self.n}"
            kids = ", ".join(self.cond(x, scope) for x in c.of)
            if isinstance(c, AllOf):
                pick = f"{lst}.exists(x, x == 0) ? 0 : ({lst}.exists(x, x == 1) ? 1 : 2)"
            else:
                pick = f"{lst}.exists(x, x == 2) ? 2 : ({lst}.exists(x, x == 1) ? 1 : 0)"
            return f"[[{kids}]].map({lst}, {pick})[0]"
        if isinstance(c, Not):
            return f"(2 - {self.cond(c.condition, scope)})"
        if isinstance(c, Const):
            return "2" if c.op == "true" else "0"
        if isinstance(c, Every | Some):
            self.n += 1
            item, lst = f"it{self.n}", f"m{self.n}"
            inner = self.cond(c.condition, item)
            if isinstance(c, Every):
                pick = f"{lst}.exists(x, x == 0) ? 0 : ({lst}.exists(x, x == 1) ? 1 : 2)"
            else:
                pick = f"{lst}.exists(x, x == 2) ? 2 : ({lst}.exists(x, x == 1) ? 1 : 0)"
            items = self.path(c.path, scope)
            return self.leaf(items, f"$ == null ? 1 : [$.map({item}, {inner})].map({lst}, {pick})[0]")
        v = self.path(c.path, scope)  # type: ignore[union-attr]
        if isinstance(c, IsTrue):
            return self.leaf(v, "$ == null ? 1 : ($ == true ? 2 : 0)")
        if isinstance(c, IsFalse):
            return self.leaf(v, "$ == null ? 1 : ($ == false ? 2 : 0)")
        if isinstance(c, Affirmed):
            return self.leaf(v, "$ == true ? 2 : 1")
        if isinstance(c, Stated):
            return self.leaf(v, "$ == null ? 1 : 2")
        if isinstance(c, Exists):
            return self.leaf(v, "$ == null ? 0 : 2")
        if isinstance(c, Eq):
            return self.leaf(v, f"$ == null ? 1 : ($ == {json.dumps(c.value)} ? 2 : 0)")
        if isinstance(c, In):
            return self.leaf(v, f"$ == null ? 1 : ($ in {json.dumps(list(c.values))} ? 2 : 0)")
        if isinstance(c, Contains):
            return self.leaf(v, f"$ == null ? 1 : ({json.dumps(c.value)} in $ ? 2 : 0)")
        if isinstance(c, Intersects):
            return self.leaf(v, f"$ == null ? 1 : ($.exists(x, x in {json.dumps(list(c.values))}) ? 2 : 0)")
        assert isinstance(c, Count)
        bounds = [f"size($) >= {c.min}"] if c.min is not None else []
        bounds += [f"size($) <= {c.max}"] if c.max is not None else []
        return self.leaf(v, f"$ == null ? 1 : ({' && '.join(bounds)} ? 2 : 0)")


# -- ZEN -----------------------------------------------------------------------------------------------------
def to_zen(c: Condition, scope: str = "") -> str:
    """ZEN paths are null-safe; `#` is the current item of map(); numbers are floats."""

    def path(p: str) -> str:
        if scope and p == "value":
            return "#"
        return f"{scope}{p}" if not scope else f"#.{p}"

    if isinstance(c, AllOf):
        return "min([" + ", ".join(to_zen(x, scope) for x in c.of) + "])"
    if isinstance(c, AnyOf):
        return "max([" + ", ".join(to_zen(x, scope) for x in c.of) + "])"
    if isinstance(c, Not):
        return f"(2 - {to_zen(c.condition, scope)})"
    if isinstance(c, Const):
        return "2" if c.op == "true" else "0"
    if isinstance(c, Every | Some):
        inner = to_zen(c.condition, "#")
        items = path(c.path)
        empty, op = ("2", "min") if isinstance(c, Every) else ("0", "max")
        agg = f"(len({items}) == 0 ? {empty} : {op}(map({items}, {inner})))"
        return f"({items} == null ? 1 : {agg})"
    v = path(c.path)  # type: ignore[union-attr]
    if isinstance(c, IsTrue):
        return f"({v} == null ? 1 : ({v} == true ? 2 : 0))"
    if isinstance(c, IsFalse):
        return f"({v} == null ? 1 : ({v} == false ? 2 : 0))"
    if isinstance(c, Affirmed):
        return f"({v} == true ? 2 : 1)"
    if isinstance(c, Stated):
        return f"({v} == null ? 1 : 2)"
    if isinstance(c, Exists):
        return f"({v} == null ? 0 : 2)"
    if isinstance(c, Eq):
        return f"({v} == null ? 1 : ({v} == {json.dumps(c.value)} ? 2 : 0))"
    if isinstance(c, In):
        return f"({v} == null ? 1 : ({v} in {json.dumps(list(c.values))} ? 2 : 0))"
    if isinstance(c, Contains):
        return f"({v} == null ? 1 : ({json.dumps(c.value)} in {v} ? 2 : 0))"
    if isinstance(c, Intersects):
        return f"({v} == null ? 1 : (some({v}, # in {json.dumps(list(c.values))}) ? 2 : 0))"
    assert isinstance(c, Count)
    bounds = [f"len({v}) >= {c.min}"] if c.min is not None else []
    bounds += [f"len({v}) <= {c.max}"] if c.max is not None else []
    return f"({v} == null ? 1 : ({' and '.join(bounds)} ? 2 : 0))"


# -- JsonLogic -----------------------------------------------------------------------------------------------
def to_jsonlogic(c: Condition, in_item: bool = False) -> Any:
    """`var` is null-safe; inside map() the data is the item (`var: ""` for a scalar item)."""

    def var(p: str) -> Any:
        return {"var": ""} if in_item and p == "value" else {"var": p}

    def unknown_if_null(v: Any, then: Any) -> Any:
        return {"if": [{"===": [v, None]}, U, then]}

    def pick(rule: Any) -> Any:
        return {"if": [rule, T, F]}

    if isinstance(c, AllOf | AnyOf):
        kids = [to_jsonlogic(x, in_item) for x in c.of]
        return {"min" if isinstance(c, AllOf) else "max": kids}
    if isinstance(c, Not):
        return {"-": [T, to_jsonlogic(c.condition, in_item)]}
    if isinstance(c, Const):
        return T if c.op == "true" else F
    if isinstance(c, Every | Some):
        mapped = {"map": [var(c.path), to_jsonlogic(c.condition, True)]}
        op = "min" if isinstance(c, Every) else "max"
        start = T if isinstance(c, Every) else F
        agg = {"reduce": [mapped, {op: [{"var": "current"}, {"var": "accumulator"}]}, start]}
        return unknown_if_null(var(c.path), agg)
    v = var(c.path)  # type: ignore[union-attr]
    if isinstance(c, IsTrue):
        return unknown_if_null(v, pick({"===": [v, True]}))
    if isinstance(c, IsFalse):
        return unknown_if_null(v, pick({"===": [v, False]}))
    if isinstance(c, Affirmed):
        return {"if": [{"===": [v, True]}, T, U]}
    if isinstance(c, Stated):
        return unknown_if_null(v, T)
    if isinstance(c, Exists):
        return {"if": [{"===": [v, None]}, F, T]}
    if isinstance(c, Eq):
        return unknown_if_null(v, pick({"===": [v, c.value]}))
    if isinstance(c, In):
        return unknown_if_null(v, pick({"in": [v, list(c.values)]}))
    if isinstance(c, Contains):
        return unknown_if_null(v, pick({"in": [c.value, v]}))
    if isinstance(c, Intersects):
        return unknown_if_null(v, pick({"some": [v, {"in": [{"var": ""}, list(c.values)]}]}))
    assert isinstance(c, Count)
    n = {"reduce": [v, {"+": [{"var": "accumulator"}, 1]}, 0]}
    bounds = [{">=": [n, c.min]}] if c.min is not None else []
    bounds += [{"<=": [n, c.max]}] if c.max is not None else []
    return unknown_if_null(v, pick({"and": bounds}))


# -- outcomes ------------------------------------------------------------------------------------------------
def outcome(rule: Rule, applies: int, met: Callable[[], int]) -> str:
    best = rule.enforcement is Enforcement.best_practice
    missing = "advisory" if best else "needs_info"
    if applies == F:
        return "not_applicable"
    if applies == U:
        return missing
    m = met()
    if m == T:
        return "pass"
    if m == U:
        return missing
    return "fail" if rule.can_fail else missing


Runner = Callable[[dict[str, Any]], list[str]]


def runners(rules: list[Rule], engine: Engine) -> dict[str, Runner]:
    sub = engine.pack.model_copy(update={"rules": rules})
    run = load(generate(sub))
    ref = engine.pack.reference

    def lean(facts: dict[str, Any]) -> list[str]:
        outcomes = {f[0]: f[1] for f in run(facts, ref)[0]}  # `run` lists findings in report order
        return [outcomes[r.id] for r in rules]

    translator = ToCel()
    cel_programs = [
        (r, cel.compile(translator.cond(r.applies_when)), cel.compile(translator.cond(r.require)))
        for r in rules
    ]

    def cel_run(facts: dict[str, Any]) -> list[str]:
        ctx = cel.Context()  # the facts converted to CEL values once for the ten rules, as the docs advise
        ctx.add_variable("facts", facts)
        return [outcome(r, int(a.execute(ctx)), lambda q=q: int(q.execute(ctx))) for r, a, q in cel_programs]

    zen_programs = [
        (r, zen.compile_expression(to_zen(r.applies_when)), zen.compile_expression(to_zen(r.require)))
        for r in rules
    ]

    def zen_run(facts: dict[str, Any]) -> list[str]:
        return [
            outcome(r, int(a.evaluate(facts)), lambda q=q: int(q.evaluate(facts))) for r, a, q in zen_programs
        ]

    logic = [(r, to_jsonlogic(r.applies_when), to_jsonlogic(r.require)) for r in rules]

    def jsonlogic_run(facts: dict[str, Any]) -> list[str]:
        return [
            outcome(r, int(json_logic.jsonLogic(a, facts)), lambda q=q: int(json_logic.jsonLogic(q, facts)))
            for r, a, q in logic
        ]

    contexts: dict[int, Any] = {}

    def cel_converted(facts: dict[str, Any]) -> list[str]:
        """CEL without the conversion of the facts (done once per submission, outside the timing)."""
        ctx = contexts[id(facts)]
        return [outcome(r, int(a.execute(ctx)), lambda q=q: int(q.execute(ctx))) for r, a, q in cel_programs]

    def prepare(facts: dict[str, Any]) -> None:
        ctx = contexts[id(facts)] = cel.Context()
        ctx.add_variable("facts", facts)
        cel_programs[0][1].execute(ctx)  # the environment is built on first use

    cel_converted.prepare = prepare  # type: ignore[attr-defined]
    return {
        "lean": lean,
        "CEL": cel_run,
        "CEL, facts converted beforehand": cel_converted,
        "ZEN": zen_run,
        "JsonLogic": jsonlogic_run,
    }


def facts_of(engine: Engine, submission: Any) -> dict[str, Any]:
    facts: dict[str, Any] = pydantic_core.from_json(submission.__pydantic_serializer__.to_json(submission))
    engine._router.derive(facts)
    return facts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--variants", type=int, default=3000, help="random submissions checked for equal outcomes"
    )
    ap.add_argument("--rounds", type=int, default=200, help="evaluations per example and engine")
    args = ap.parse_args()
    pack = load_pack(ROOT / "rules", ROOT / "features")
    engine = Engine(pack)
    rules = choose(pack.rules)
    print(f"rules: {', '.join(r.id for r in rules)}")
    run = runners(rules, engine)
    examples = {
        p.stem: facts_of(engine, read_submission(p)) for p in sorted((ROOT / "examples").glob("*.yaml"))
    }
    variants = [facts_of(engine, random_submission(seed)) for seed in range(args.variants)]
    differ: dict[str, int] = dict.fromkeys(run, 0)
    for facts in [*examples.values(), *variants]:
        run["CEL, facts converted beforehand"].prepare(facts)  # type: ignore[attr-defined]
        expected = run["lean"](facts)
        for name, fn in run.items():
            if fn(facts) != expected:
                differ[name] += 1
    print(
        f"outcomes differing from the engine's, over {len(examples)} examples and {len(variants)} variants: "
        + ", ".join(f"{k} {v}" for k, v in differ.items() if k != "lean")
    )
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    times: dict[str, list[float]] = {name: [] for name in run}
    names = list(run)
    for i in range(args.rounds):
        for facts in examples.values():
            for name in (
                names[i % len(names) :] + names[: i % len(names)]
            ):  # a different engine first each round
                t0 = time.perf_counter()
                run[name](facts)
                times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["lean"])
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:32} median {med * 1e6:8.1f} µs for the ten rules   {med / base:6.1f}x the lean engine")


if __name__ == "__main__":
    main()
