"""Rule conditions compiled to plain Python source, once per pack.

Each condition becomes straight-line code in one function per rule: paths are walked with inlined `.get`
calls, Kleene's `all`/`any` become nested `if`s, and every fact read appends a tuple `(leaf, value, result)`
(with the scope prefix as a fourth item inside `every`/`some`) to the trace. `leaf` numbers an entry of the
leaf table, which holds what is fixed by the pack: the path as shown and the comparison (`test`). Semantics are
those of `compliance.engine.conditions` (the closures kept for the formality router), entry for entry.

Only data from validated rule files reaches the source, and always through `repr` of plain strings and numbers
or as named constants, never as code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from compliance.domain.paths import ROOT_PREFIX, parse_path
from compliance.domain.rules import (
    Affirmed,
    AllOf,
    AnyOf,
    Condition,
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
    scalar_repr,
)
from compliance.engine.conditions import Context, compile_condition, resolve_flat

# A leaf of the trace table: the path as shown (without a scope prefix), whether it reads from the root (then
# no prefix is ever added) and the comparison applied.
Leaf = tuple[str, bool, str]


@dataclass
class Source:
    """Generated module source, its constants and the leaf table its traces refer to."""

    lines: list[str] = field(default_factory=list)
    constants: dict[str, Any] = field(default_factory=dict)
    leaves: list[Leaf] = field(default_factory=list)
    # Mappings on the way to the facts read from the root, each walked once at the start of `run` (a dict or
    # None), so that the many rules reading `ai.training.*` do not walk `ai.training` again each time.
    prelude: list[str] = field(default_factory=list)
    parents: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Facts read from the root at more than one place (counted in `reads`), each read once in the prelude.
    hoist: frozenset[tuple[str, ...]] = frozenset()
    reads: Counter[tuple[str, ...]] = field(default_factory=Counter)
    facts: dict[tuple[str, ...], str] = field(default_factory=dict)
    stem: str = "K"  # of the constants' names: two sources can share one module
    _count: int = 0  # numbers the prelude's variables (`F`, `P`): unique in the function
    _local: int = 0  # the others', unique in a rule: thousands of locals cost their clearing at each call

    def var(self, stem: str) -> str:
        if stem in ("F", "P"):
            self._count += 1
            return f"{stem}{self._count}"
        self._local += 1
        return f"{stem}{self._local}"

    def fresh_locals(self) -> None:  # each rule assigns every variable before it reads it
        self._local = 0

    def const(self, value: Any) -> str:
        name = f"{self.stem}{len(self.constants)}"
        self.constants[name] = value
        return name

    def leaf(self, text: str, from_root: bool, test: str) -> int:
        self.leaves.append((text, from_root, test))
        return len(self.leaves) - 1

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def written(self) -> list[str]:
        """The function's lines: its `def`, the prelude, then its body."""
        return self.lines[:1] + self.prelude + self.lines[1:]

    def fact(self, names: tuple[str, ...]) -> str:
        """The prelude variable holding the fact at `names` from the root (the value, or None)."""
        if names not in self.facts:
            up = "S" if len(names) == 1 else self.parent(names[:-1])
            self.facts[names] = self.var("F")
            self.prelude.append(f"    {self.facts[names]} = {up}.get({names[-1]!r})")
        return self.facts[names]

    def parent(self, names: tuple[str, ...]) -> str:
        """The prelude variable holding the mapping at `names` from the root, or an empty one where there is
        none (`EMPTY`, shared and never written), so that reading a fact is one `.get`."""
        found = self.parents.get(names)
        if found is None:
            found = self.parents[names] = self.var("P")
            if "EMPTY" not in self.constants:
                self.constants["EMPTY"] = {}
            if len(names) == 1:
                self.prelude.append(f"    {found} = S.get({names[0]!r})")
            else:
                self.prelude.append(f"    {found} = {self.parent(names[:-1])}.get({names[-1]!r})")
            self.prelude.append(f"    if type({found}) is not dict: {found} = EMPTY")
        return found


class _Function:
    """Generates the body of one function; `traced` False drops the trace (severity overrides keep none)."""

    prefixes = 8  # items of a list at the root whose trace prefix (`processings[0].`) is a constant

    def __init__(self, src: Source, traced: bool) -> None:
        self.src = src
        self.traced = traced

    # -- helpers ------------------------------------------------------------------------------------------
    def _leaf(self, path_text: str, test: str) -> tuple[int, bool]:
        from_root = path_text.startswith(ROOT_PREFIX)
        shown = path_text.removeprefix(ROOT_PREFIX)
        return self.src.leaf(shown, from_root, test), from_root

    def _record(
        self, ind: int, leaf: int, from_root: bool, value: str, result: str, prefix: str | None
    ) -> None:
        if not self.traced:
            return
        if prefix is None or from_root:
            self.src.emit(ind, f"trace.append(({leaf}, {value}, {result}))")
        else:
            self.src.emit(ind, f"trace.append(({leaf}, {value}, {result}, {prefix}))")

    def _walk(self, ind: int, path_text: str, scope: str) -> str:
        """Code reading a plain dotted path (no `[]`) into a fresh variable: the value, or None."""
        path = parse_path(path_text)
        base = "root" if path.from_root else scope
        v = self.src.var("v")
        names = tuple(path.names)
        if base in ("root", "S"):  # `S` is the root outside `every`/`some`
            self.src.reads[names] += 1
            if names in self.src.hoist:
                return self.src.fact(names)
            if len(names) > 1:
                self.src.emit(ind, f"{v} = {self.src.parent(names[:-1])}.get({names[-1]!r})")
                return v
        self.src.emit(ind, f"{v} = {base}.get({names[0]!r})")
        for name in names[1:]:
            self.src.emit(ind, f"{v} = {v}.get({name!r}) if type({v}) is dict else None")
        return v

    def _walk_lists(self, ind: int, path: Any, scope: str) -> tuple[str, str]:
        """Code reading every value a path through lists reaches, flattened, and whether one was missing."""
        items, missing = self.src.var("items"), self.src.var("miss")
        fn = self.src.const(resolve_flat)
        self.src.emit(ind, f"{items}, {missing} = {fn}({scope}, root, {self.src.const(path)})")
        return items, missing

    # -- conditions ---------------------------------------------------------------------------------------
    def cond(self, c: Condition, ind: int, scope: str, prefix: str | None) -> str:
        """Emit code evaluating `c`; returns the name of the variable holding True, False or None."""
        if isinstance(c, AllOf | AnyOf):
            return self._junction(c, ind, scope, prefix)
        if isinstance(c, Not):
            inner = self.cond(c.condition, ind, scope, prefix)
            r = self.src.var("r")
            self.src.emit(ind, f"{r} = None if {inner} is None else not {inner}")
            return r
        if isinstance(c, Doubtful):  # true becomes unknown, false stays false
            inner = self.cond(c.condition, ind, scope, prefix)
            r = self.src.var("r")
            self.src.emit(ind, f"{r} = False if {inner} is False else None")
            return r
        if isinstance(c, Const):
            r = self.src.var("r")
            self.src.emit(ind, f"{r} = {c.op == 'true'}")
            return r
        if isinstance(c, Every | Some):
            return self._quantifier(c, ind, scope, prefix)
        return self._leaf_cond(c, ind, scope, prefix)

    def _junction(self, c: AllOf | AnyOf, ind: int, scope: str, prefix: str | None) -> str:
        """Kleene's all/any: the deciding value (False for all, True for any) stops, the result starts as the
        other one; a negated child's operand is tested for the other value (results are True, False or None)."""
        decisive = isinstance(c, AnyOf)
        out = self.src.var("r")
        self.src.emit(ind, f"{out} = {not decisive}")
        depth = ind
        for child in c.of:
            r = self.cond(child.condition if isinstance(child, Not) else child, depth, scope, prefix)
            tested = decisive is not isinstance(child, Not)
            self.src.emit(depth, f"if {r} is {tested}:")
            self.src.emit(depth + 1, f"{out} = {decisive}")
            self.src.emit(depth, "else:")
            depth += 1
            self.src.emit(depth, f"if {r} is None:")
            self.src.emit(depth + 1, f"{out} = None")
        return out

    def _quantifier(self, c: Every | Some, ind: int, scope: str, prefix: str | None) -> str:
        is_every = isinstance(c, Every)
        path = parse_path(c.path)
        leaf, from_root = self._leaf(c.path, f"{'every' if is_every else 'some'} item")
        if path.walks_lists:
            items, missing = self._walk_lists(ind, path, scope)
        else:
            items, missing = self.src.var("items"), self.src.var("miss")
            v = self._walk(ind, c.path, scope)
            self.src.emit(ind, f"if {v} is None:")
            self.src.emit(ind + 1, f"{items}, {missing} = (), True")
            self.src.emit(ind, "else:")
            self.src.emit(ind + 1, f"{items}, {missing} = ({v} if isinstance({v}, list) else ({v},)), False")
        unknown, decided, i, item, px = (self.src.var(s) for s in ("u", "d", "i", "it", "px"))
        self.src.emit(ind, f"{unknown}, {decided} = {missing}, None")
        self.src.emit(ind, f"for {i}, {item} in enumerate({items}):")
        self.src.emit(ind + 1, f"if type({item}) is not dict:")
        self.src.emit(ind + 2, f"{item} = {{'value': {item}}}")
        built = f"{prefix + ' + ' if prefix else ''}{c.path + '['!r} + str({i}) + '].'"
        if prefix is None:  # the first prefixes written once, as constants
            known = self.src.const(tuple(f"{c.path}[{n}]." for n in range(self.prefixes)))
            built = f"{known}[{i}] if {i} < {self.prefixes} else {built}"
        self.src.emit(ind + 1, f"{px} = {built}")
        r = self.cond(c.condition, ind + 1, item, px)
        self.src.emit(ind + 1, f"if {r} is None:")
        self.src.emit(ind + 2, f"{unknown} = True")
        self.src.emit(ind + 1, f"elif {r} is not {is_every}:")
        self.src.emit(ind + 2, f"{decided} = {r}")
        self.src.emit(ind + 2, "break")
        out = self.src.var("r")
        self.src.emit(
            ind, f"{out} = {decided} if {decided} is not None else (None if {unknown} else {is_every})"
        )
        if self.traced:
            self.src.emit(ind, f"if not {items}:")
            self._record(ind + 1, leaf, from_root, f"None if {missing} else []", out, prefix)
        return out

    def _leaf_cond(self, c: Condition, ind: int, scope: str, prefix: str | None) -> str:
        path_text: str = c.path  # type: ignore[union-attr]
        path = parse_path(path_text)
        emit = self.src.emit
        r = self.src.var("r")
        if isinstance(c, Eq | In | IsTrue | Affirmed | Stated | IsFalse | Matches):
            test, predicate = self._scalar(c)
            leaf, from_root = self._leaf(path_text, test)
            v = self._walk(ind, path_text, scope)
            emit(ind, f"{r} = None if {v} is None else {predicate.format(v=v)}")
            self._record(ind, leaf, from_root, v, r, prefix)
            return r
        if isinstance(c, Contains | Intersects):
            if isinstance(c, Contains):
                test = f"contains {scalar_repr(c.value)}"
                check = f"{self.src.const(c.value)} in {{vs}}"
            else:
                test = f"intersects {scalar_repr(list(c.values))}"
                check = f"not {self.src.const(set(c.values))}.isdisjoint({{vs}})"
            leaf, from_root = self._leaf(path_text, test)
            if path.walks_lists:  # every value reached, flattened; not found is unknown when one was missing
                items, missing = self._walk_lists(ind, path, scope)
                emit(ind, f"{r} = {check.format(vs=items)}")
                emit(ind, f"if {r} is False and {missing}: {r} = None")
                self._record(ind, leaf, from_root, items, r, prefix)
                return r
            v = self._walk(ind, path_text, scope)
            one = f"({v} if isinstance({v}, list) else ({v},))"
            emit(ind, f"{r} = None if {v} is None else {check.format(vs=one)}")
            self._record(ind, leaf, from_root, v, r, prefix)
            return r
        if isinstance(c, Count) and path.walks_lists:
            leaf, from_root = self._leaf(path_text, _count_test(c))
            items, missing = self._walk_lists(ind, path, scope)
            n = self.src.var("n")
            low = f"{n} >= {c.min}" if c.min is not None else "True"
            emit(ind, f"{n} = len({items})")
            emit(ind, f"if {missing}:")  # more may be unstated: only a minimum met, with no maximum, holds
            if c.max is None:
                emit(ind + 1, f"{r} = True if ({low} and {n} > 0) else None")
            else:
                emit(ind + 1, f"{r} = False if {n} > {c.max} else None")
            emit(ind, "else:")
            emit(ind + 1, f"{r} = {low}" + (f" and {n} <= {c.max}" if c.max is not None else ""))
            self._record(ind, leaf, from_root, n, r, prefix)
            return r
        if isinstance(c, Exists) and not path.walks_lists:
            leaf, from_root = self._leaf(path_text, "is stated")
            v = self._walk(ind, path_text, scope)
            emit(ind, f"{r} = {v} is not None")
            self._record(ind, leaf, from_root, v, r, prefix)
            return r
        if isinstance(c, Count) and not path.walks_lists:
            leaf, from_root = self._leaf(path_text, _count_test(c))
            v, n = self._walk(ind, path_text, scope), self.src.var("n")
            bounds = [f"{n} >= {c.min}"] if c.min is not None else []
            bounds += [f"{n} <= {c.max}"] if c.max is not None else []
            emit(ind, f"if {v} is None:")
            emit(ind + 1, f"{n}, {r} = 0, None")
            emit(ind, "else:")
            emit(ind + 1, f"{n} = len({v}) if isinstance({v}, list) else 1")
            emit(ind + 1, f"{r} = {' and '.join(bounds)}")
            self._record(ind, leaf, from_root, n, r, prefix)
            return r
        if isinstance(c, Lte | Gte) and not path.walks_lists and not _walks(c.to_path):
            leaf, from_root = self._leaf(path_text, _closure_test(c))
            v = self._walk(ind, path_text, scope)
            w = self._walk(ind, c.to_path, scope) if c.to_path else self.src.const(c.value)
            sign = "<=" if isinstance(c, Lte) else ">="
            emit(ind, f"if {v} is None or {w} is None:")  # a bound of None is never compared
            emit(ind + 1, f"{r} = None")
            emit(ind, "else:")
            emit(ind + 1, "try:")
            emit(ind + 2, f"{r} = {v} {sign} {w}")
            emit(ind + 1, "except TypeError:")
            emit(ind + 2, f"{r} = None")
            self._record(ind, leaf, from_root, v, r, prefix)
            return r
        if isinstance(c, SubsetOf) and not path.walks_lists:
            leaf, from_root = self._leaf(path_text, _closure_test(c))
            v = self._walk(ind, path_text, scope)
            allowed = self.src.const(set(c.values))
            emit(
                ind,
                f"{r} = None if {v} is None else {allowed}.issuperset({v} if isinstance({v}, list) else ({v},))",
            )
            self._record(ind, leaf, from_root, f"([] if {v} is None else {v})", r, prefix)
            return r
        # Everything else runs the closure of `conditions` on a private context: the same code, same trace.
        ev = self.src.const(ClosureLeaf(c))
        tr = self.src.var("t")
        emit(ind, f"{r}, {tr} = {ev}({scope}, root, ref)")
        leaf, from_root = self._leaf(path_text, _closure_test(c))
        v = f"{tr}.value"
        self._record(ind, leaf, from_root, v, r, prefix)
        return r

    def _scalar(self, c: Condition) -> tuple[str, str]:
        """The test shown and the predicate on a stated value `{v}`."""
        if isinstance(c, Eq):
            return f"= {scalar_repr(c.value)}", f"{{v}} == {self.src.const(c.value)}"
        if isinstance(c, In):
            return f"in {scalar_repr(list(c.values))}", f"{{v}} in {self.src.const(list(c.values))}"
        if isinstance(c, IsTrue):
            return "is true", "{v} is True"
        if isinstance(c, Affirmed):
            return "is affirmed", "(True if {v} is True else None)"
        if isinstance(c, Stated):
            return "is stated", "True"
        if isinstance(c, IsFalse):
            return "is false", "{v} is False"
        assert isinstance(c, Matches)
        rx = self.src.const(re.compile(c.pattern, re.IGNORECASE))
        return f"matches /{c.pattern}/", f"(isinstance({{v}}, str) and bool({rx}.search({{v}})))"


def _walks(path_text: str | None) -> bool:
    return path_text is not None and parse_path(path_text).walks_lists


def _count_test(c: Count) -> str:
    return f"count in [{c.min if c.min is not None else 0}, {c.max if c.max is not None else '∞'}]"


def _closure_test(c: Condition) -> str:
    """The test a closure of `conditions` records for this leaf (read back from one evaluation)."""
    ctx = Context(reference={}, root={})
    compile_condition(c)({}, ctx)
    return ctx.trace[-1].test


class ClosureLeaf:
    """A leaf evaluated by its closure; pickled as its condition (the pack cache keeps programs)."""

    def __init__(self, cond: Condition) -> None:
        self.cond = cond
        self._run = compile_condition(cond)

    def __call__(self, scope: dict[str, Any], root: dict[str, Any], ref: Any) -> tuple[Any, Any]:
        ctx = Context(reference=ref, root=root)
        result = self._run(scope, ctx)
        return result, ctx.trace[-1]

    def __reduce__(self) -> tuple[Any, ...]:
        return (ClosureLeaf, (self.cond,))


def emit_condition(src: Source, cond: Condition, indent: int, traced: bool = True) -> str:
    """Emit code evaluating `cond` on `S` (the facts, also `root`) at `indent`; returns the result variable."""
    return _Function(src, traced).cond(cond, indent, "S", None)
