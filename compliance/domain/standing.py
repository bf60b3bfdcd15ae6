"""Where an assessment stands after the review: the verdict and the counts, computed in one place.

Every report format reads `Assessment.verdict` and `Assessment.counts`; both come from `standing`, whether the
engine just produced the findings or a review waived or corrected some of them. A waived finding is counted as
waived and nowhere else, so a report can never say "compliant" beside "fail 1".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from compliance.domain.grades import WAIVED, counted
from compliance.domain.outcomes import (
    OPEN_OUTCOMES,
    Assessment,
    Correction,
    Finding,
    Outcome,
    ReviewNote,
    Verdict,
)
from compliance.domain.waivers import AppliedWaiver

__all__ = ["WAIVED", "counted", "in_force", "settle", "standing", "tally"]  # `grades` holds the first two

_OUTCOMES = [o.value for o in Outcome]


def standing(findings: Iterable[Finding]) -> tuple[Verdict, dict[str, int]]:
    """The verdict and the counts per outcome, a waived finding counted only as waived."""
    outcomes: list[str] = []
    waived = 0
    for f in findings:
        if f.waiver is not None:
            waived += 1
        else:
            outcomes.append(f.outcome.value)
    return tally(outcomes, waived)


def tally(outcomes: Iterable[str], waived: int = 0) -> tuple[Verdict, dict[str, int]]:
    """The verdict and the counts from the outcome values of the findings no waiver covers."""
    found = Counter(outcomes)
    return counted({o: found[o] for o in _OUTCOMES}, waived)


def settle(
    assessment: Assessment,
    waivers: Mapping[str, AppliedWaiver],
    corrections: Mapping[str, tuple[Outcome, Correction]] | None = None,
    review: ReviewNote | None = None,
) -> Assessment:
    """The assessment with waivers (on open findings) and corrected outcomes applied, verdict and counts
    recomputed by `standing`."""
    corrections = corrections or {}
    findings = []
    for f in assessment.findings:
        update: dict[str, object] = {}
        fixed = corrections.get(f.rule_id)
        if fixed is not None:
            update["outcome"], update["correction"] = fixed
        outcome = update.get("outcome", f.outcome)
        waiver = waivers.get(f.rule_id)
        if waiver is not None and outcome in OPEN_OUTCOMES:
            update["waiver"] = waiver
        findings.append(f.model_copy(update=update) if update else f)
    verdict, counts = standing(findings)
    update_all: dict[str, object] = {"findings": findings, "verdict": verdict, "counts": counts}
    if review is not None:
        update_all["review"] = review
    return assessment.model_copy(update=update_all)


def in_force(expires: date, today: date) -> bool:
    return expires >= today
