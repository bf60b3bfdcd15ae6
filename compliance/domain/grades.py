"""The plain values every assessment and report shares, without pydantic: severities, the legal basis's status,
outcomes, verdicts, the formality regime and a trace entry.

`compliance.domain.basis` and `compliance.domain.outcomes` re-export them beside their models; a warm text
`check`, which builds no model, imports them from here (see `compliance.service.plain_check`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


class Severity(StrEnum):
    blocker = "blocker"
    major = "major"
    minor = "minor"
    info = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: blocker 3, major 2, minor 1, info 0."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.blocker: 3, Severity.major: 2, Severity.minor: 1, Severity.info: 0}


class RefStatus(StrEnum):
    """How sure we are of the legal basis, as defined in docs/legal-basis.md §2."""

    verified = "verified"  # [V-TEXT], [V-CNDP]
    inferred = "inferred"  # [V-TEXT*], decree read in Arabic only, or our interpretation of a verified text
    secondary = "secondary"  # [SEC]
    unverified = "unverified"  # [UNVERIFIED]

    @property
    def can_fail(self) -> bool:
        """Only a verified or inferred basis may make a project fail."""
        return self in (RefStatus.verified, RefStatus.inferred)


class Enforcement(StrEnum):
    legal = "legal"  # a duty of Law 09-08 or its decree
    best_practice = "best_practice"  # beyond the law (DPIA, DPO, breach notification...): never fails


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


class FormCode(StrEnum):  # the CNDP forms a plan calls for (no docstring: the published schema has none)
    F211 = "F211"
    F214 = "F214"
    F112 = "F112"
    F113 = "F113"
    F118 = "F118"


class Regime(StrEnum):
    """The CNDP formality a project needs (Art. 12)."""

    none = "none"
    declaration = "declaration"
    authorisation = "authorisation"
    undetermined = "undetermined"  # facts are missing to choose between declaration and authorisation


# How findings are listed: failures first, then missing information, advice, passes, the rest.
OUTCOME_ORDER: dict[Outcome, int] = {
    Outcome.fail: 0,
    Outcome.needs_info: 1,
    Outcome.advisory: 2,
    Outcome.passed: 3,
    Outcome.not_applicable: 4,
}


class Ordered(Protocol):
    """What `finding_order` reads of a finding (the model or its plain form)."""

    @property
    def outcome(self) -> Outcome: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def rule_id(self) -> str: ...


def finding_order(f: Ordered) -> tuple[int, int, str]:
    """Where a finding is listed: by outcome (`OUTCOME_ORDER`), the most severe first, then by rule id."""
    return OUTCOME_ORDER[f.outcome], -f.severity.rank, f.rule_id


def verdict_of(open_outcomes: Iterable[Outcome]) -> Verdict:
    """The verdict from the outcomes still open (not waived): non-compliant on a failure, incomplete on
    missing information, else compliant. The engine and the waivers both decide it here."""
    seen = set(open_outcomes)
    return _verdict(Outcome.fail in seen, Outcome.needs_info in seen)


def _verdict(failing: bool, missing: bool) -> Verdict:
    """Non-compliant on a failure, incomplete on missing information, else compliant."""
    if failing:
        return Verdict.non_compliant
    return Verdict.incomplete if missing else Verdict.compliant


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


WAIVED = "waived"


def counted(counts: dict[str, int], waived: int = 0) -> tuple[Verdict, dict[str, int]]:
    """The verdict and the counts from the number of findings of each outcome (every outcome value a key, in
    `Outcome` order): the lean engine's generated rules count them as they go. `verdict_of` the outcomes
    counted, read from the two counts that decide it (its callers give outcome values alone)."""
    counts[WAIVED] = waived
    return _verdict(bool(counts.get(Outcome.fail)), bool(counts.get(Outcome.needs_info))), counts


def scalar_repr(value: Any) -> str:
    """A short, stable rendering of a fact value for traces and reports."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(scalar_repr(v) for v in value) + "]"
    return str(value)
