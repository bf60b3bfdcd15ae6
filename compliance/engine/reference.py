"""The engine as it was before the lean one: conditions as closures, a frozen `TraceEntry` per fact read and
every finding built in full. Kept unchanged as the reference the lean engine (`compliance.engine.assess`) is
compared with, on every example and thousands of random submissions (tests/core/test_lean_engine.py), and
measured against in the same run (bench/assess_bench.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from compliance.domain.basis import Enforcement, RefStatus, Severity
from compliance.domain.outcomes import (
    Assessment,
    Finding,
    Outcome,
    PenaltyExposure,
    finding_order,
)
from compliance.domain.pack import RulePack
from compliance.domain.rules import Rule
from compliance.domain.standing import standing
from compliance.domain.submission import Submission
from compliance.engine.conditions import Context, Evaluator, compile_condition
from compliance.engine.derive import Router


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    applies: Evaluator
    require: Evaluator
    overrides: tuple[tuple[Evaluator, Severity], ...]
    penalty: PenaltyExposure | None
    basis_status: RefStatus
    can_fail: bool


_NOT_MET = (Outcome.fail, Outcome.advisory, Outcome.needs_info)
_ASKING = (Outcome.needs_info, Outcome.advisory)


def submission_hash(submission: Submission) -> str:
    """SHA-256 of the submission's canonical JSON: fields in schema order, free-form mappings sorted when
    validated, so the same facts always give the same hash whatever the order they were written in."""
    return "sha256:" + hashlib.sha256(submission.model_dump_json().encode()).hexdigest()


def _compile(rule: Rule) -> CompiledRule:
    p = rule.penalty
    exposure = (
        PenaltyExposure(
            article=p.article,
            prison_months=p.prison_months,
            fine_mad=p.fine_mad,
            company_fine_mad=p.company_fine_mad,
            per_infringement=p.per_infringement,
        )
        if p
        else None
    )
    return CompiledRule(
        rule=rule,
        applies=compile_condition(rule.applies_when),
        require=compile_condition(rule.require),
        overrides=tuple((compile_condition(o.when), o.severity) for o in rule.severity_overrides),
        penalty=exposure,
        basis_status=rule.basis_status,
        can_fail=rule.can_fail,
    )


class ReferenceEngine:
    """Holds a pack compiled once; `assess` is then cheap and thread-safe (no shared mutable state)."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self._rules = [_compile(r) for r in pack.rules]
        self._router = Router(pack)

    def assess(self, submission: Submission) -> Assessment:
        facts = submission.model_dump(mode="json")
        digest = submission_hash(submission)
        _, plan = self._router.derive(facts)
        findings = [self._evaluate(c, facts) for c in self._rules]
        findings.sort(key=finding_order)
        verdict, counts = standing(findings)
        return Assessment.model_construct(
            project_name=submission.project_name,
            submission_hash=digest,
            pack=self.pack.info,
            verdict=verdict,
            counts=counts,
            findings=findings,
            formalities=plan,
            review=None,
        )

    def _evaluate(self, c: CompiledRule, facts: dict[str, Any]) -> Finding:
        rule = c.rule
        ctx = Context(reference=self.pack.reference, root=facts)
        applies = c.applies(facts, ctx)
        if applies is False:
            outcome = Outcome.not_applicable
        elif applies is None:
            outcome = Outcome.needs_info
        else:
            met = c.require(facts, ctx)
            if met is True:
                outcome = Outcome.passed
            elif met is None:
                outcome = Outcome.needs_info
            elif c.can_fail:
                outcome = Outcome.fail
            elif rule.enforcement is Enforcement.best_practice:
                outcome = Outcome.advisory
            else:
                # Verification discipline: an unverified or secondary basis asks for confirmation instead.
                outcome = Outcome.needs_info
        if outcome is Outcome.needs_info and rule.enforcement is Enforcement.best_practice:
            # Best practice beyond the law never holds up a verdict: a missing fact is a recommendation too.
            outcome = Outcome.advisory
        severity = rule.severity
        if outcome in _NOT_MET:  # the severity of a passing or not-applicable check decides nothing
            for when, override in c.overrides:
                if when(facts, Context(reference=self.pack.reference, root=facts)) is True:
                    severity = override
                    break
        return Finding.model_construct(
            rule_id=rule.id,
            chapter=rule.chapter,
            title=rule.title,
            outcome=outcome,
            severity=severity,
            basis_status=c.basis_status,
            references=rule.references,
            trace=ctx.trace,
            explanation=rule.explain if outcome in _NOT_MET else None,
            remediation=rule.remediation if outcome in _NOT_MET else None,
            questions=rule.questions if outcome in _ASKING else None,
            penalty=c.penalty if outcome is Outcome.fail else None,
            waiver=None,
            correction=None,
        )
