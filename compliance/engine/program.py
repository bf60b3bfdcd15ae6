"""The whole pack's rules as one generated Python function, `run(S, ref)`.

For every rule, in rule id order: its `applies_when` and `require` inline (see `codegen`), the outcome decided
with what is fixed for the rule folded in (whether it may fail, whether it is best practice), the severity
overrides of a finding not met, then `(rule_id, outcome, severity, trace)` appended to the list of its outcome
and severity. It returns the findings in the order reports list them (`finding_order`), with no sort, and the
number of findings of each outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from compliance.domain.compact_form import Leaf
from compliance.domain.grades import OUTCOME_ORDER, Enforcement, Outcome, Severity

# Generating a program needs the rule language and the code generator; running a cached one (a warm check) does
# not, so they are imported by the functions that generate.
if TYPE_CHECKING:
    from compliance.domain.pack import RulePack
    from compliance.domain.rules import Condition
    from compliance.engine.codegen import Source

FILENAME = "<compliance rule pack>"


@dataclass(frozen=True)
class Program:
    """Generated source, the constants it refers to, and the leaf table of its traces; with the formality
    triggers' function `checks` and its own leaf table when generated from a pack (so that the pack cache
    keeps both compiled)."""

    source: str
    constants: dict[str, Any]
    leaves: list[Leaf]
    check_leaves: list[Leaf] = field(default_factory=list)


def generate(pack: RulePack) -> Program:
    """Generated twice: the first time counts the facts read at more than one place, the second reads those
    once at the start of `run` (`Source.hoist`)."""
    from compliance.engine.codegen import Source

    src = _generate(pack, Source(hoist=_hoisted(_generate(pack, Source()))))
    checks = _checks([t.condition for t in pack.triggers])
    lines = src.written() + checks.written()
    return Program("\n".join(lines) + "\n", src.constants | checks.constants, src.leaves, checks.leaves)


def _generate(pack: RulePack, src: Source) -> Source:
    """The function `run` written into `src`."""
    from compliance.domain.rules import Const
    from compliance.engine.codegen import emit_condition

    outcome = {o: src.const(o.value) for o in Outcome}  # plain strings: they serialise fastest
    na, passed, fail = outcome[Outcome.not_applicable], outcome[Outcome.passed], outcome[Outcome.fail]
    # Findings are listed by outcome, the most severe first, then by rule id (`finding_order`): each goes to the
    # list of its outcome and severity, rules are written in id order, and the lists are joined at the end.
    slot = src.const({o.value: rank * 4 for o, rank in OUTCOME_ORDER.items()})
    severity_slot = {s.value: 3 - s.rank for s in Severity}
    slots = len(OUTCOME_ORDER) * 4
    src.emit(0, "def run(S, ref):")
    src.emit(1, "root = S")
    src.emit(1, f"B = [{', '.join(['[]'] * slots)}]")
    blocks = []
    for rule in pack.rules:  # generated in pack order, so that the leaves keep their numbers
        start = len(src.lines)
        src.fresh_locals()
        best = rule.enforcement is Enforcement.best_practice
        missing = outcome[Outcome.advisory if best else Outcome.needs_info]
        unmet = fail if rule.can_fail else missing
        src.emit(1, f"# {rule.id}")
        src.emit(1, "trace = []")
        depth = 1  # a rule that always applies goes straight to its requirement
        if not (isinstance(rule.applies_when, Const) and rule.applies_when.op == "true"):
            applies = emit_condition(src, rule.applies_when, 1)
            src.emit(1, f"if {applies} is False:")
            src.emit(2, f"o = {na}")
            src.emit(1, f"elif {applies} is None:")
            src.emit(2, f"o = {missing}")
            src.emit(1, "else:")
            depth = 2
        met = emit_condition(src, rule.require, depth)
        src.emit(depth, f"o = {passed} if {met} is True else ({missing} if {met} is None else {unmet})")
        sev = repr(rule.severity.value)  # a constant unless an override may change it
        where = f"{slot}[o] + {severity_slot[rule.severity.value]}"
        if rule.severity_overrides:
            src.emit(1, f"sev = {sev}")
            sev = "sev"
            src.emit(1, f"if o is not {passed} and o is not {na}:")
            depth = 2
            for override in rule.severity_overrides:
                when = emit_condition(src, override.when, depth, traced=False)
                src.emit(depth, f"if {when} is True:")
                src.emit(depth + 1, f"sev = {override.severity.value!r}")
                src.emit(depth, "else:")
                depth += 1
            src.emit(depth, "pass")
            where = f"{slot}[o] + {src.const(severity_slot)}[sev]"
        src.emit(1, f"B[{where}].append(({rule.id!r}, o, {sev}, trace))")
        blocks.append((rule.id, src.lines[start:]))
        del src.lines[start:]
    for _, block in sorted(blocks):
        src.lines += block
    # The number of findings of each outcome, keyed in `Outcome` order (as `tally` counts them).
    counts = ", ".join(
        f"{o.value!r}: " + " + ".join(f"len(B[{OUTCOME_ORDER[o] * 4 + i}])" for i in range(4))
        for o in Outcome
    )
    src.emit(1, f"return list({src.const(chain.from_iterable)}(B)), {{{counts}}}")
    return src


def _checks(conditions: list[Condition]) -> Source:
    """Conditions (the formality triggers) as one function `checks(S, ref)` returning `(result, trace)` for each,
    generated twice as `run` is (facts read at more than one place read once)."""
    from compliance.engine.codegen import Source

    return _checks_into(
        conditions, Source(stem="T", hoist=_hoisted(_checks_into(conditions, Source(stem="T"))))
    )


def _hoisted(counting: Source) -> frozenset[tuple[str, ...]]:
    return frozenset(names for names, n in counting.reads.items() if n > 1)


def _checks_into(conditions: list[Condition], src: Source) -> Source:
    from compliance.engine.codegen import emit_condition

    src.emit(0, "def checks(S, ref):")
    src.emit(1, "root = S")
    src.emit(1, "out = []")
    for condition in conditions:
        src.fresh_locals()
        src.emit(1, "trace = []")
        src.emit(1, f"out.append(({emit_condition(src, condition, 1)}, trace))")
    src.emit(1, "return out")
    return src


def generate_checks(conditions: list[Condition]) -> Program:
    """The `checks` function alone (for a router built without a program)."""
    src = _checks(conditions)
    lines = src.written()
    return Program("\n".join(lines) + "\n", src.constants, [], src.leaves)


RunFunction = Any  # (facts, reference) -> (list[CompactFinding], counts by outcome), values as plain strings


def load(program: Program, code: Any = None, name: str = "run") -> RunFunction:
    """The `run` function of a program (or `checks`); `code` is its compiled form when a cache holds it."""
    return namespace_of(program, code)[name]


def namespace_of(program: Program, code: Any = None) -> dict[str, Any]:
    namespace: dict[str, Any] = dict(program.constants)
    exec(code if code is not None else compile_source(program), namespace)
    return namespace


def compile_source(program: Program) -> Any:
    return compile(program.source, FILENAME, "exec")
