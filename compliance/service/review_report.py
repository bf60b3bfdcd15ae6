"""The report of a stored version as the review left it: the one way every format gets its assessment.

Before a decision the findings are the machine's and the report shows the review state only. Once a version
is approved or rejected, the decided judgements apply: waivers still in force mark their findings waived
(with who, ground and expiry), disputes report the corrected outcome, and `standing` recomputes the verdict
and the counts from the findings.
"""

from __future__ import annotations

from datetime import date

from compliance.domain.outcomes import Assessment, Correction, Outcome, ReviewNote
from compliance.domain.review import Judgement, ReviewState
from compliance.domain.standing import in_force, settle
from compliance.domain.waivers import AppliedWaiver
from compliance.service.people import People
from compliance.storage.records import ReviewRecord


def review_note(record: ReviewRecord, status: ReviewState, people: People) -> ReviewNote:
    decision = record.decision
    return ReviewNote(
        version=record.number,
        state=status.value,
        decided_by=people.person(decision.liaison) if decision else None,
        decided_at=decision.decided_at if decision else None,
        judgements_applied=decision is not None,
    )


_NO_REVIEW = b',"review":null}'


def with_review_note(expanded: bytes, note: ReviewNote) -> bytes:
    """A fresh assessment's JSON (`expanded_json`, ending with `"review":null`) with the review state in it: the
    report of a version no decision has touched, without expanding it into models."""
    if not expanded.endswith(_NO_REVIEW):
        raise ValueError("not the JSON of an assessment without a review")
    return expanded[: -len(_NO_REVIEW)] + b',"review":' + note.__pydantic_serializer__.to_json(note) + b"}"


def reviewed_assessment(
    assessment: Assessment, record: ReviewRecord, status: ReviewState, people: People, today: date
) -> Assessment:
    decision = record.decision
    note = review_note(record, status, people)
    if decision is None:
        return settle(assessment, {}, None, note)
    waivers: dict[str, AppliedWaiver] = {}
    corrections: dict[str, tuple[Outcome, Correction]] = {}
    machine = {f.rule_id: f.outcome for f in assessment.findings}
    for rule_id, j in record.judgements.items():
        if j.judgement is Judgement.waived and j.expires and j.legal_ground and j.reason:
            if in_force(j.expires, today):
                waivers[rule_id] = AppliedWaiver(
                    approver=people.shown(j.reviewer),
                    reason=j.reason,
                    legal_ground=j.legal_ground,
                    expires=j.expires,
                )
        elif j.judgement is Judgement.disputed and j.corrected_outcome and j.reason and rule_id in machine:
            corrections[rule_id] = (
                j.corrected_outcome,
                Correction(
                    machine_outcome=machine[rule_id], reason=j.reason, reviewer=people.person(j.reviewer)
                ),
            )
    return settle(assessment, waivers, corrections, note)
