"""What the store keeps: organisations, API keys, projects, their versions and audit entries.

Only what is needed is kept: a submission, its assessment, ids, timestamps, the organisation and hashes.
A version carries its review `status` (submitted or resubmitted, then the states of the review workflow) and
a `revision` counter for optimistic locking.
"""

from __future__ import annotations

import json
import re
import secrets
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from compliance.domain.base import Frozen, Memoizing
from compliance.domain.compact import CompactAssessment, compact_from_json, expand, is_compact, view_for
from compliance.domain.expanded_json import expanded_json
from compliance.domain.outcomes import Assessment, Verdict
from compliance.domain.review import Comment, Decision, FindingReview, ReviewState, StateChange

ORG_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
PROJECT_ID = re.compile(r"^prj_[0-9a-f]{16}$")
KEY_ID = re.compile(r"^key_[0-9a-f]{12}$")


class Role(StrEnum):
    submitter = "submitter"  # submits and reads the projects of one organisation
    liaison = "liaison"  # reads every organisation (and will review)
    admin = "admin"  # manages organisations and keys
    ci = (
        "ci"  # a pipeline of one organisation: evaluates, and submits versions to its projects; reads nothing
    )


# A version's status is its place in the liaison review (compliance.domain.review).
VersionStatus = ReviewState


class Organisation(Frozen):
    id: str
    name: str
    created_at: datetime


class ApiKey(Frozen):
    id: str
    role: Role
    organisation: str | None = Field(description="The organisation a submitter key is bound to.")
    label: str
    secret_hash: str = Field(description="sha256 of the secret; the secret itself is never stored.")
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class VersionSummary(Frozen):
    number: int
    status: VersionStatus
    revision: int
    verdict: Verdict
    submission_hash: str
    submitted_at: datetime
    submitted_by: str


class Project(Frozen):
    id: str
    organisation: str
    name: str
    created_at: datetime
    created_by: str
    updated_at: datetime
    version_count: int = 0
    latest: VersionSummary | None = None
    idempotency_key: str | None = None
    request_hash: str | None = None


class StoredAssessment(Memoizing):
    """An assessment as kept: its bytes as stored, and the few facts the store indexes.

    The bytes are the compact form (`compliance.domain.compact`: findings with their rule id, outcome, severity
    and trace, the pack named by the hash of its logic), or the full JSON of versions stored before it. Both
    read back as the full assessment: `parsed` (for reports and reviews) and `expanded_json` (for the API)."""

    json_bytes: bytes = Field(repr=False)
    verdict: Verdict
    submission_hash: str
    pack: str = Field(description="Rule pack id@version.")

    @classmethod
    def of(cls, assessment: Assessment | CompactAssessment) -> StoredAssessment:
        compact = isinstance(assessment, CompactAssessment)
        stored = cls(
            json_bytes=assessment.to_json()
            if isinstance(assessment, CompactAssessment)
            else assessment.__pydantic_serializer__.to_json(assessment),
            verdict=assessment.verdict,
            submission_hash=assessment.submission_hash,
            pack=f"{assessment.pack.id}@{assessment.pack.version}",
        )
        return stored if compact else stored.knowing(parsed=assessment)

    @property
    def compact(self) -> CompactAssessment | None:
        """The compact form, None for an assessment stored in full."""
        return self._memoized(
            "compact", lambda: compact_from_json(self.json_bytes) if is_compact(self.json_bytes) else None
        )

    @property
    def parsed(self) -> Assessment:
        return self._memoized("parsed", self._parse)

    def _parse(self) -> Assessment:
        compact = self.compact
        if compact is None:
            return Assessment.model_validate_json(self.json_bytes)
        return expand(compact, view_for(compact.logic))

    @property
    def expanded_json(self) -> bytes:
        """The full assessment's JSON, as the API sends it."""
        return self._memoized("expanded_json", self._expand)

    def _expand(self) -> bytes:
        compact = self.compact
        if compact is None:
            return self.json_bytes
        return expanded_json(compact, view_for(compact.logic))


class ProjectVersion(Memoizing):
    project_id: str
    organisation: str
    number: int = Field(description="1 for the first version; assigned by the repository.")
    status: VersionStatus = VersionStatus.submitted
    revision: int = 1
    submitted_at: datetime
    submitted_by: str = Field(description="Id of the API key that submitted it.")
    submission: dict[str, Any] = Field(description="The facts as validated, 'not stated' left out.")
    assessment: StoredAssessment
    idempotency_key: str | None = None
    request_hash: str | None = None

    @property
    def submission_json(self) -> bytes:
        """The submission as compact JSON, for the stored payload and the HTTP answer."""
        return self._memoized(
            "submission_json",
            lambda: json.dumps(self.submission, ensure_ascii=False, separators=(",", ":")).encode(),
        )

    @property
    def summary(self) -> VersionSummary:
        return VersionSummary(
            number=self.number,
            status=self.status,
            revision=self.revision,
            verdict=self.assessment.verdict,
            submission_hash=self.assessment.submission_hash,
            submitted_at=self.submitted_at,
            submitted_by=self.submitted_by,
        )


class ProjectPage(Frozen):
    items: list[Project]
    total: int


def new_event_id() -> str:
    return "evt_" + secrets.token_hex(12)


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_SPACE = re.compile(r"\s")  # for str patterns, what str.isspace() calls white space


class AuditEvent(Frozen):
    """A change worth keeping a trace of. Never the contents of a submission: ids, hashes and outcomes.

    People and organisations appear by their stable ids only (key, account or organisation ids), never by
    a name or an e-mail address: erasing a person never requires rewriting the chain. `event_id` ties the
    entry to the stored change it records (the recovery after a crash looks for it)."""

    event_id: str = Field(default_factory=new_event_id, pattern=r"^evt_[0-9a-f]{8,64}$")
    actor: str = Field(
        description="Key or account id, 'cli' for a command run on the server machine, 'system'."
    )
    action: str = Field(description="e.g. version.submitted, project.deleted, key.created.")
    organisation: str | None = None
    target: str | None = Field(default=None, description="The project, version, key or account concerned.")
    details: dict[str, str | int | None] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ids_only(self) -> AuditEvent:
        values = [self.actor, self.organisation, self.target, *self.details.values()]
        for value in values:
            if isinstance(value, str) and (_EMAIL.search(value) or _SPACE.search(value)):
                raise ValueError(
                    "an audit event names people and organisations by id, never by name or e-mail"
                )
        return self


class AuditEntry(AuditEvent):
    seq: int
    at: datetime
    prev_hash: str
    hash: str


class ReviewRecord(Frozen):
    """The review of one version: its status and revision (for optimistic locking), the liaison's
    judgements per finding, the comment threads, the history of states and, once decided, the decision
    with the audit entry that sealed it."""

    project_id: str
    organisation: str
    number: int
    status: VersionStatus
    revision: int
    judgements: dict[str, FindingReview] = Field(default_factory=dict)
    comments: list[Comment] = Field(default_factory=list)
    history: list[StateChange] = Field(default_factory=list)
    decision: Decision | None = None
    signature: dict[str, Any] | None = Field(
        default=None, description="The decision's hash and its signature, made when the decision was made."
    )
    seal: dict[str, Any] | None = Field(default=None, description="The audit entry that sealed the decision.")
    latest_version: int = Field(
        default=0, description="How many versions the project has, read under the same lock (not stored)."
    )

    def review_document(self) -> dict[str, Any]:
        """The mutable part, as kept beside the version's summary."""
        return self.model_dump(
            mode="json", include={"judgements", "comments", "history", "decision", "signature", "seal"}
        )
