"""The compact assessment and the pack's view it is expanded with, without pydantic (see
`compliance.domain.compact`, which re-exports them and expands into the models; a warm text `check` expands
into `compliance.domain.plain_forms` with the same `expand_into`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from compliance.domain.grades import Outcome, Severity, TraceEntry, Verdict

if TYPE_CHECKING:
    from compliance.domain.basis import Localized, LocalizedList, Reference
    from compliance.domain.grades import RefStatus
    from compliance.domain.outcomes import FormalityPlan, PackInfo, PenaltyExposure
    from compliance.domain.plain_forms import (
        PlainPackInfo,
        PlainPenalty,
        PlainPlan,
        PlainReference,
        PlainTextList,
        PlainTexts,
    )

COMPACT_FORM = "law0908-compact/1"
NOT_MET = (Outcome.fail, Outcome.advisory, Outcome.needs_info)
ASKING = (Outcome.needs_info, Outcome.advisory)

# (path as shown without a scope prefix, reads from the root, comparison)
Leaf = tuple[str, bool, str]
CompactFinding = tuple[str, str, str, list[tuple[Any, ...]]]  # rule id, outcome, severity (values), trace
_OUTCOME = {o.value: o for o in Outcome}
_SEVERITY = {s.value: s for s in Severity}


@dataclass(frozen=True, slots=True)
class RuleView:
    """What a finding of one rule takes from the pack: models, or their plain forms (`plain_forms`)."""

    chapter: str
    title: Localized | PlainTexts
    basis_status: RefStatus
    references: list[Reference] | list[PlainReference]
    explanation: Localized | PlainTexts
    remediation: Localized | PlainTexts
    questions: LocalizedList | PlainTextList
    penalty: PenaltyExposure | PlainPenalty | None


@dataclass(frozen=True, slots=True)
class PackView:
    """A pack as expansion needs it: its logic hash, its rules and its leaf table."""

    logic: str
    rules: Mapping[str, RuleView]
    leaves: list[Leaf]


@dataclass(slots=True)
class CompactAssessment:
    project_name: str
    submission_hash: str
    pack: PackInfo | PlainPackInfo
    logic: str
    verdict: Verdict
    counts: dict[str, int]
    findings: list[CompactFinding]
    formalities: FormalityPlan | PlainPlan

    def to_json(self) -> bytes:
        """The stored form: one JSON object, trace entries as arrays."""
        import pydantic_core

        return pydantic_core.to_json(
            {
                "form": COMPACT_FORM,
                "logic": self.logic,
                "project_name": self.project_name,
                "submission_hash": self.submission_hash,
                "pack": self.pack,
                "verdict": self.verdict,
                "counts": self.counts,
                "findings": self.findings,
                "formalities": self.formalities,
            }
        )


def expand_trace(trace: list[tuple[Any, ...]], leaves: list[Leaf]) -> list[TraceEntry]:
    out = []
    for entry in trace:
        text, from_root, test = leaves[entry[0]]
        shown = text if from_root or len(entry) == 3 else entry[3] + text
        out.append(TraceEntry(shown, entry[1], test, entry[2]))
    return out


class UnknownRule(LookupError):
    """A stored finding names a rule its pack view does not hold (a damaged pack store)."""


A = TypeVar("A")


def expand_into(
    compact: CompactAssessment,
    view: PackView,
    finding: Callable[..., Any],
    assessment: Callable[..., A],
) -> A:
    """The full assessment, as the engine before compact assessments built it: built by `finding` and
    `assessment` (the models' `model_construct`, or the plain forms)."""
    findings = []
    for rule_id, outcome_value, severity, trace in compact.findings:
        rule = view.rules.get(rule_id)
        outcome = _OUTCOME[outcome_value]
        if rule is None:
            raise UnknownRule(f"rule {rule_id} is not in the pack {view.logic}")
        not_met = outcome in NOT_MET
        findings.append(
            finding(
                rule_id=rule_id,
                chapter=rule.chapter,
                title=rule.title,
                outcome=outcome,
                severity=_SEVERITY[severity],
                basis_status=rule.basis_status,
                references=rule.references,
                trace=expand_trace(trace, view.leaves),
                explanation=rule.explanation if not_met else None,
                remediation=rule.remediation if not_met else None,
                questions=rule.questions if outcome in ASKING else None,
                penalty=rule.penalty if outcome is Outcome.fail else None,
                waiver=None,
                correction=None,
            )
        )
    return assessment(
        project_name=compact.project_name,
        submission_hash=compact.submission_hash,
        pack=compact.pack,
        verdict=compact.verdict,
        counts=compact.counts,
        findings=findings,
        formalities=compact.formalities,
        review=None,
    )
