"""Three-valued evaluation of rule conditions, compiled once into closures.

A condition evaluates to True, False or None (unknown: a fact it needs is not stated). `all` and `any`
follow Kleene's logic. Every leaf appends what it read to the trace, so a finding can say which facts
(path = value) decided it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compliance.domain.grades import TraceEntry, scalar_repr
from compliance.domain.paths import ROOT_PREFIX, ParsedPath, parse_path

if TYPE_CHECKING:  # the rule language, imported only to compile a condition (never by a warm check)
    from compliance.domain.rules import (
        Condition,
        Count,
        Every,
        Gte,
        Lte,
        Some,
    )

Truth = bool | None
Scope = dict[str, Any]


@dataclass(slots=True)
class Context:
    """Per-evaluation state: the reference data, the trace, and the path prefix of the current scope."""

    reference: dict[str, dict[str, dict[str, Any]]]
    trace: list[TraceEntry] = field(default_factory=list)
    prefix: str = ""
    root: Scope = field(default_factory=dict)


Evaluator = Callable[[Scope, Context], Truth]


def resolve(path: ParsedPath, scope: Scope, ctx: Context) -> tuple[list[Any], bool]:
    """Values reached by the path and whether some step was missing (not stated).

    A path starting with `root.` reads from the whole submission even inside `every`/`some`.
    """
    node: Any = ctx.root if path.from_root else scope
    if not path.walks_lists:  # the common case: a plain dotted path, one value or none
        for name in path.names:
            node = node.get(name) if isinstance(node, dict) else None
            if node is None:
                return [], True
        return [node], False
    current: list[Any] = [node]
    missing = False
    for name, each in path.segments:
        nxt: list[Any] = []
        for item in current:
            value = item.get(name) if isinstance(item, dict) else None
            if value is None:
                missing = True
            elif each:
                nxt.extend(value)
            else:
                nxt.append(value)
        current = nxt
    return current, missing


def _flatten(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if isinstance(v, list):
            out.extend(v)
        else:
            out.append(v)
    return out


def _record(ctx: Context, path: ParsedPath, value: Any, test: str, result: Truth) -> Truth:
    shown = path.text.removeprefix(ROOT_PREFIX) if path.from_root else ctx.prefix + path.text
    ctx.trace.append(TraceEntry(shown, value, test, result))
    return result


def _scalar_leaf(path: ParsedPath, test: str, predicate: Callable[[Any], Truth]) -> Evaluator:
    """A leaf on one plain fact. The hottest code of an assessment, hence the path walk inlined here."""
    names = path.names
    from_root = path.from_root
    text = path.text.removeprefix(ROOT_PREFIX)

    def run(scope: Scope, ctx: Context) -> Truth:
        node: Any = ctx.root if from_root else scope
        for name in names:
            node = node.get(name) if type(node) is dict else None
            if node is None:
                break
        result = None if node is None else predicate(node)
        ctx.trace.append(TraceEntry(text if from_root else ctx.prefix + text, node, test, result))
        return result

    return run


def _collection_leaf(path: ParsedPath, test: str, found: Callable[[list[Any]], Truth]) -> Evaluator:
    """For contains/intersects over one list or every list reached through `[]`.

    Found anywhere: true. Not found: false, or unknown when some value along the way was not stated.
    """

    def run(scope: Scope, ctx: Context) -> Truth:
        values, missing = resolve(path, scope, ctx)
        flat = _flatten(values)
        if missing and not path.walks_lists:
            return _record(ctx, path, None, test, None)
        result = found(flat)
        if result is False and missing:
            result = None
        return _record(ctx, path, flat if path.walks_lists else values[0], test, result)

    return run


def _compare(cond: Lte | Gte) -> Evaluator:
    path = parse_path(cond.path)
    other = parse_path(cond.to_path) if cond.to_path else None
    from compliance.domain.rules import Lte

    sign = "<=" if isinstance(cond, Lte) else ">="
    test = f"{sign} {cond.to_path if other else cond.value}"

    def run(scope: Scope, ctx: Context) -> Truth:
        values, missing = resolve(path, scope, ctx)
        if other is not None:
            rhs_values, rhs_missing = resolve(other, scope, ctx)
            rhs = None if rhs_missing or not rhs_values else rhs_values[0]
        else:
            rhs = cond.value
        if missing or not values or rhs is None:
            return _record(ctx, path, values[0] if values else None, test, None)
        lhs = values[0]
        try:
            result = lhs <= rhs if sign == "<=" else lhs >= rhs
        except TypeError:
            result = None
        return _record(ctx, path, lhs, test, result)

    return run


def _count(cond: Count) -> Evaluator:
    path = parse_path(cond.path)
    test = (
        f"count in [{cond.min if cond.min is not None else 0}, {cond.max if cond.max is not None else '∞'}]"
    )

    def run(scope: Scope, ctx: Context) -> Truth:
        values, missing = resolve(path, scope, ctx)
        flat = _flatten(values)
        n = len(flat)
        low_ok = cond.min is None or n >= cond.min
        high_ok = cond.max is None or n <= cond.max
        if missing:
            # More items may exist unstated: only a satisfied minimum with no maximum is certain.
            result: Truth = True if (cond.max is None and low_ok and n > 0) else None
            if cond.max is not None and not high_ok:
                result = False
        else:
            result = low_ok and high_ok
        return _record(ctx, path, n, test, result)

    return run


def _quantifier(cond: Every | Some) -> Evaluator:
    path = parse_path(cond.path)
    inner = compile_condition(cond.condition)
    from compliance.domain.rules import Every

    is_every = isinstance(cond, Every)
    label = "every" if is_every else "some"

    def run(scope: Scope, ctx: Context) -> Truth:
        values, missing = resolve(path, scope, ctx)
        items = _flatten(values)
        saved = ctx.prefix
        unknown = missing
        decided: Truth = None
        for i, item in enumerate(items):
            ctx.prefix = f"{saved}{path.text}[{i}]."
            r = inner(item if isinstance(item, dict) else {"value": item}, ctx)
            if r is None:
                unknown = True
            elif r is not is_every:  # a False under every, a True under some, decides
                decided = r
                break
        ctx.prefix = saved
        if decided is not None:
            result: Truth = decided
        elif unknown:
            result = None
        else:
            result = is_every
        if not items:
            _record(ctx, path, None if missing else [], f"{label} item", result)
        return result

    return run


def _all(conds: list[Evaluator]) -> Evaluator:
    def run(scope: Scope, ctx: Context) -> Truth:
        unknown = False
        for c in conds:
            r = c(scope, ctx)
            if r is False:
                return False
            if r is None:
                unknown = True
        return None if unknown else True

    return run


def _any(conds: list[Evaluator]) -> Evaluator:
    def run(scope: Scope, ctx: Context) -> Truth:
        unknown = False
        for c in conds:
            r = c(scope, ctx)
            if r is True:
                return True
            if r is None:
                unknown = True
        return None if unknown else False

    return run


def _not(inner: Evaluator) -> Evaluator:
    def run(scope: Scope, ctx: Context) -> Truth:
        r = inner(scope, ctx)
        return None if r is None else not r

    return run


def _doubtful(inner: Evaluator) -> Evaluator:
    def run(scope: Scope, ctx: Context) -> Truth:
        return None if inner(scope, ctx) is not False else False

    return run


def compile_condition(cond: Condition) -> Evaluator:
    """Turn a validated condition into a closure; paths are parsed once, here."""
    from compliance.domain.rules import (
        Affirmed,
        AllOf,
        AnyOf,
        Const,
        Contains,
        Count,
        Doubtful,
        Eq,
        Every,
        Exists,
        Gte,
        In,
        Intersects,
        IsFalse,
        IsTrue,
        Lte,
        Matches,
        Not,
        Some,
        Stated,
        SubsetOf,
    )

    if isinstance(cond, AllOf):
        return _all([compile_condition(c) for c in cond.of])
    if isinstance(cond, AnyOf):
        return _any([compile_condition(c) for c in cond.of])
    if isinstance(cond, Not):
        return _not(compile_condition(cond.condition))
    if isinstance(cond, Doubtful):
        return _doubtful(compile_condition(cond.condition))
    if isinstance(cond, Const):
        value = cond.op == "true"
        return lambda scope, ctx: value
    if isinstance(cond, Every | Some):
        return _quantifier(cond)
    if isinstance(cond, Lte | Gte):
        return _compare(cond)
    if isinstance(cond, Count):
        return _count(cond)
    path = parse_path(cond.path)
    if isinstance(cond, Contains):
        wanted = cond.value
        return _collection_leaf(path, f"contains {scalar_repr(wanted)}", lambda vs: wanted in vs)
    if isinstance(cond, Intersects):
        wanted_set = set(cond.values)
        return _collection_leaf(
            path, f"intersects {scalar_repr(list(cond.values))}", lambda vs: not wanted_set.isdisjoint(vs)
        )
    if isinstance(cond, SubsetOf):
        allowed = set(cond.values)
        return _subset(path, allowed, f"subset of {scalar_repr(list(cond.values))}")
    if isinstance(cond, Exists):
        return _exists(path)
    if isinstance(cond, Eq):
        expected = cond.value
        return _scalar_leaf(path, f"= {scalar_repr(expected)}", lambda v: bool(v == expected))
    if isinstance(cond, In):
        options = list(cond.values)
        return _scalar_leaf(path, f"in {scalar_repr(options)}", lambda v: v in options)
    if isinstance(cond, IsTrue):
        return _scalar_leaf(path, "is true", lambda v: v is True)
    if isinstance(cond, Affirmed):
        return _scalar_leaf(path, "is affirmed", lambda v: True if v is True else None)
    if isinstance(cond, Stated):
        return _scalar_leaf(path, "is stated", lambda v: True)
    if isinstance(cond, IsFalse):
        return _scalar_leaf(path, "is false", lambda v: v is False)
    if isinstance(cond, Matches):
        rx = re.compile(cond.pattern, re.IGNORECASE)
        return _scalar_leaf(
            path, f"matches /{cond.pattern}/", lambda v: isinstance(v, str) and bool(rx.search(v))
        )
    raise TypeError(f"unknown condition {type(cond).__name__}")  # pragma: no cover - the union is closed


def _subset(path: ParsedPath, allowed: set[Any], test: str) -> Evaluator:
    def run(scope: Scope, ctx: Context) -> Truth:
        values, missing = resolve(path, scope, ctx)
        flat = _flatten(values)
        if any(v not in allowed for v in flat):
            result: Truth = False
        else:
            result = None if missing else True
        return _record(ctx, path, flat if path.walks_lists or not values else values[0], test, result)

    return run


def resolve_flat(scope: Scope, root: Scope, path: ParsedPath) -> tuple[list[Any], bool]:
    """Every value a path through lists reaches, flattened, and whether one was missing (for generated code)."""
    values, missing = resolve(path, scope, Context(reference={}, root=root))
    return _flatten(values), missing


def _exists(path: ParsedPath) -> Evaluator:
    def run(scope: Scope, ctx: Context) -> Truth:
        values, missing = resolve(path, scope, ctx)
        ok = bool(values) if path.walks_lists else not missing
        return _record(ctx, path, values[0] if len(values) == 1 else values or None, "is stated", ok)

    return run
