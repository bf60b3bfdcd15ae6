"""What an assessment produces: findings with their trace, the verdict and the CNDP formalities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.basis import Localized, LocalizedList, Reference, RefStatus, Severity
from compliance.domain.vocabulary import FormCode
from compliance.domain.waivers import AppliedWaiver


class Outcome(StrEnum):
    passed = "pass"
    fail = "fail"
    needs_info = "needs_info"
    not_applicable = "not_applicable"
    advisory = "advisory"  # a best-practice recommendation not met: reported, never gates


# Outcomes that leave a check open: it fails, or facts are missing. Waivers and reviews act on these.
OPEN_OUTCOMES = frozenset({Outcome.fail, Outcome.needs_info})


class Verdict(StrEnum):
    compliant = "compliant"
    non_compliant = "non_compliant"
    incomplete = "incomplete"


# How findings are listed: failures first, then missing information, advice, passes, the rest.
OUTCOME_ORDER: dict[Outcome, int] = {
    Outcome.fail: 0,
    Outcome.needs_info: 1,
    Outcome.advisory: 2,
    Outcome.passed: 3,
    Outcome.not_applicable: 4,
}


def finding_order(f: Finding) -> tuple[int, int, str]:
    """Where a finding is listed: by outcome (`OUTCOME_ORDER`), the most severe first, then by rule id."""
    return OUTCOME_ORDER[f.outcome], -f.severity.rank, f.rule_id


def verdict_of(open_outcomes: Iterable[Outcome]) -> Verdict:
    """The verdict from the outcomes still open (not waived): non-compliant on a failure, incomplete on
    missing information, else compliant. The engine and the waivers both decide it here."""
    seen = set(open_outcomes)
    if Outcome.fail in seen:
        return Verdict.non_compliant
    if Outcome.needs_info in seen:
        return Verdict.incomplete
    return Verdict.compliant


@dataclass(frozen=True, slots=True)
class TraceEntry:
    """One fact read while deciding a rule: `path` = `value` (null: not stated), the comparison applied
    (`test`, e.g. 'contains cin_number') and its `result` (true, false, or null when the fact was missing).

    A plain dataclass rather than a pydantic model: an assessment builds hundreds of them, and pydantic still
    serialises and documents it as part of `Finding`.
    """

    path: str
    value: Any
    test: str
    result: bool | None


class Person(Frozen):
    """Who did something: the stable id kept in records, and the name shown to people."""

    id: str
    name: str


class Correction(Frozen):
    """A liaison disputed the machine's outcome; the finding reports the corrected one."""

    machine_outcome: Outcome
    reason: str
    reviewer: Person


class ReviewNote(Frozen):
    """The review state of the assessed version, shown by every report."""

    version: int
    state: str = Field(description="The version's review state (submitted, in_review, approved, ...).")
    decided_by: Person | None = None
    decided_at: datetime | None = None
    judgements_applied: bool = Field(
        description="True once a decision is taken: its waivers and corrections are applied to the findings."
    )


class PenaltyExposure(Frozen):
    article: str
    prison_months: tuple[int, int] | None
    fine_mad: tuple[int, int]
    company_fine_mad: tuple[int, int] = Field(
        description="Fine range for a legal person (Art. 64 doubles it)."
    )
    per_infringement: bool = False


class Finding(Frozen):
    rule_id: str
    chapter: str
    title: Localized
    outcome: Outcome
    severity: Severity
    basis_status: RefStatus
    references: list[Reference]
    trace: list[TraceEntry]
    explanation: Localized | None = Field(
        default=None,
        description="What the law asks, for findings that are not met (the rule documents the rest).",
    )
    remediation: Localized | None = None
    questions: LocalizedList | None = None
    penalty: PenaltyExposure | None = None
    waiver: AppliedWaiver | None = Field(
        default=None, description="A waiver in force: the finding is reported but does not gate."
    )
    correction: Correction | None = Field(
        default=None, description="A liaison's decided dispute: `outcome` is the corrected one."
    )


class FormalityTrigger(Frozen):
    """A reason the project needs a given CNDP formality (e.g. Art. 12(1)(e): the CIN number)."""

    id: str
    article: str
    status: RefStatus
    reason: Localized
    certain: bool = Field(
        description="false when the trigger depends on a fact not stated (needs information)."
    )
    facts: list[TraceEntry] = Field(default_factory=list)


class TransferFiling(Frozen):
    country: str
    form: FormCode = FormCode.F118
    on_adequacy_list: bool
    list_verified: bool
    sources: list[str] = Field(
        description="Where the transfer comes from: transfers, processors, inference..."
    )
    covered_by_cndp: bool = Field(description="A CNDP transfer authorisation or receipt is on file.")
    reason: Localized


class Regime(StrEnum):
    """The CNDP formality a project needs (Art. 12)."""

    none = "none"
    declaration = "declaration"
    authorisation = "authorisation"
    undetermined = "undetermined"  # facts are missing to choose between declaration and authorisation


class FormalityPlan(Frozen):
    regime: Regime = Field(description="none, declaration, authorisation, or undetermined.")
    forms: list[FormCode]
    triggers: list[FormalityTrigger]
    possible_triggers: list[FormalityTrigger] = Field(
        default_factory=list, description="Triggers that apply if a missing fact turns out true."
    )
    transfers: list[TransferFiling]
    summary: Localized


class PackInfo(Frozen):
    id: str
    version: str
    law_version: str
    hash: str
    rule_count: int


class Assessment(Frozen):
    project_name: str
    submission_hash: str
    pack: PackInfo
    verdict: Verdict
    counts: dict[str, int]
    findings: list[Finding]
    formalities: FormalityPlan
    review: ReviewNote | None = Field(
        default=None, description="The review state of the stored version this report is about."
    )

    def _open(self, outcome: Outcome, threshold: Severity) -> list[Finding]:
        return [
            f
            for f in self.findings
            if f.outcome is outcome and f.waiver is None and f.severity.rank >= threshold.rank
        ]

    def failing(self, threshold: Severity) -> list[Finding]:
        """Failures at or above the threshold that no waiver covers."""
        return self._open(Outcome.fail, threshold)

    def missing(self, threshold: Severity) -> list[Finding]:
        """Missing information at or above the threshold that no waiver covers."""
        return self._open(Outcome.needs_info, threshold)
