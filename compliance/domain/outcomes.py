"""What an assessment produces: findings with their trace, the verdict and the CNDP formalities."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.basis import Localized, LocalizedList, Reference, RefStatus, Severity
from compliance.domain.grades import (
    OPEN_OUTCOMES,
    OUTCOME_ORDER,
    FormCode,
    Outcome,
    Regime,
    TraceEntry,
    Verdict,
    finding_order,
    verdict_of,
)
from compliance.domain.plain_forms import Gating
from compliance.domain.waivers import AppliedWaiver

# What lives in `compliance.domain.grades` (no pydantic) is re-exported: its importers here keep working.
__all__ = [
    "OPEN_OUTCOMES",
    "OUTCOME_ORDER",
    "Assessment",
    "Correction",
    "Finding",
    "FormalityPlan",
    "FormalityTrigger",
    "Outcome",
    "PackInfo",
    "PenaltyExposure",
    "Person",
    "Regime",
    "ReviewNote",
    "TraceEntry",
    "TransferFiling",
    "Verdict",
    "finding_order",
    "verdict_of",
]


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


class Assessment(Frozen, Gating):
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
