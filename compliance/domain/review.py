"""The liaison review of a project version: its states, per-finding judgements, comments and the decision.

The state machine is data (`TRANSITIONS`): who may move a version from which state to which, so that the
service, the API and the documentation read the same table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from compliance.domain.base import Frozen
from compliance.domain.outcomes import Outcome
from compliance.domain.waivers import LEGAL_GROUND_PATTERN
from compliance.i18n.languages import Lang


class ReviewState(StrEnum):
    submitted = "submitted"  # first version, waiting for a liaison
    resubmitted = "resubmitted"  # a new version answering a request for changes
    in_review = "in_review"
    changes_requested = "changes_requested"
    approved = "approved"
    rejected = "rejected"
    superseded = "superseded"  # a newer version was submitted


class ReviewAction(StrEnum):
    start_review = "start_review"
    request_changes = "request_changes"
    approve = "approve"
    reject = "reject"


# The audit actions of a change to a version's review. The store writes each with the change, in one record,
# so an audit entry of one of them names a review record that a whole copy of the store holds.
REVIEW_EVENT_ACTIONS = frozenset(
    {
        *(f"review.{action.value}" for action in ReviewAction),
        "version.decided",
        "finding.judged",
        "comment.added",
        "judgements.carried_over",
    }
)


class Actor(StrEnum):
    liaison = "liaison"
    submitter = "submitter"


# (action) -> (states it may start from, state it leads to, who may do it)
TRANSITIONS: dict[ReviewAction, tuple[frozenset[ReviewState], ReviewState, Actor]] = {
    ReviewAction.start_review: (
        frozenset({ReviewState.submitted, ReviewState.resubmitted}),
        ReviewState.in_review,
        Actor.liaison,
    ),
    ReviewAction.request_changes: (
        frozenset({ReviewState.in_review}),
        ReviewState.changes_requested,
        Actor.liaison,
    ),
    ReviewAction.approve: (frozenset({ReviewState.in_review}), ReviewState.approved, Actor.liaison),
    ReviewAction.reject: (frozenset({ReviewState.in_review}), ReviewState.rejected, Actor.liaison),
}

# States in which a liaison may judge findings and comment.
JUDGING_STATES = frozenset({ReviewState.in_review})
# States a version leaves for `superseded` when a newer version is submitted.
OPEN_STATES = frozenset(
    {ReviewState.submitted, ReviewState.resubmitted, ReviewState.in_review, ReviewState.changes_requested}
)
AWAITING_REVIEW = frozenset({ReviewState.submitted, ReviewState.resubmitted, ReviewState.in_review})


class Judgement(StrEnum):
    confirmed = "confirmed"  # the liaison agrees with the machine's outcome
    disputed = "disputed"  # the liaison corrects the outcome, with a written reason
    waived = "waived"  # the finding stands but does not block, on a legal ground, until a date


Reason = Annotated[str, StringConstraints(min_length=10, max_length=4000)]


class FindingReview(Frozen):
    rule_id: str
    judgement: Judgement
    reason: Reason | None = Field(default=None, description="Required to dispute or waive.")
    corrected_outcome: Outcome | None = Field(default=None, description="The outcome a dispute asserts.")
    legal_ground: (
        Annotated[str, StringConstraints(strip_whitespace=True, pattern=LEGAL_GROUND_PATTERN)] | None
    ) = Field(default=None, description="Article or exception a waiver rests on, e.g. 'Art. 6(b)'.")
    expires: date | None = Field(default=None, description="Last day a waiver applies.")
    reviewer: str
    at: datetime
    carried_over_from: int | None = Field(
        default=None, description="The version this judgement was made on, when carried over unchanged."
    )

    @model_validator(mode="after")
    def _complete(self) -> FindingReview:
        if missing_for(self.judgement, self.__dict__) is None:
            return self
        if self.judgement is Judgement.disputed:
            raise ValueError("a dispute needs a written 'reason' and the 'corrected_outcome'")
        raise ValueError(
            "a waiver needs a 'reason', a 'legal_ground' (e.g. 'Art. 6(b)') and an 'expires' date"
        )


# What a dispute and a waiver must give beside the judgement, in the order a missing one is named.
NEEDED: dict[Judgement, tuple[str, ...]] = {
    Judgement.disputed: ("reason", "corrected_outcome"),
    Judgement.waived: ("reason", "legal_ground", "expires"),
}


def missing_for(judgement: Judgement, given: Mapping[str, object]) -> str | None:
    """The first field a judgement needs and `given` lacks (None: complete)."""
    return next((name for name in NEEDED.get(judgement, ()) if given.get(name) is None), None)


class Comment(Frozen):
    rule_id: str | None = Field(
        default=None, description="The finding discussed; none for the whole version."
    )
    author: str
    role: Actor
    lang: Lang = Field(
        description="The language the comment is written in: the interface's when it was written."
    )
    text: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    at: datetime


class StateChange(Frozen):
    action: ReviewAction | None = Field(description="None for an automatic change (superseded).")
    from_state: ReviewState
    to_state: ReviewState
    actor: str
    at: datetime
    message: str | None = None


class Decision(Frozen):
    """The liaison's decision on a version, with the hashes that tie it to what was decided on."""

    project_id: str
    organisation: str
    version: int
    decision: ReviewState = Field(description="approved or rejected.")
    opinion: Reason
    liaison: str
    decided_at: datetime
    submission_hash: str
    assessment_hash: str
    pack_id: str
    pack_version: str
    pack_hash: str
    judgements: dict[str, Judgement] = Field(description="Rule id -> the liaison's judgement.")
    waivers: list[FindingReview] = Field(default_factory=list)
