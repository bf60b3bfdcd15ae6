"""What every review use case shares: the conflict error, the effective state of a version, the view an
action produces, the revision check and the audit event of a change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NoReturn

from compliance.domain.outcomes import Person
from compliance.domain.review import OPEN_STATES, REVIEW_EVENT_ACTIONS, ReviewState
from compliance.i18n.said import Choice, Said, said
from compliance.service.access import Principal
from compliance.service.errors import NO_VERSION, Forbidden, NotFound, ServiceError
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, Project, ReviewRecord

SYSTEM_ACTOR = "system"


class Conflict(ServiceError):
    """The version changed since the caller read it, or its state does not allow the action."""

    def __init__(self, message: Said, current_revision: int | None = None, status: str | None = None) -> None:
        self.current_revision = current_revision
        self.status = status
        super().__init__(message)


def effective_status(record: ReviewRecord) -> ReviewState:
    """An open version that is no longer the latest has been superseded; nothing is rewritten for that.
    `latest_version` is read by the store under the same lock as the record."""
    if record.number < record.latest_version and record.status in OPEN_STATES:
        return ReviewState.superseded
    return record.status


@dataclass(frozen=True)
class ReviewView:
    project: Project
    record: ReviewRecord
    status: ReviewState
    latest: int
    people: dict[str, Person] = field(default_factory=dict)  # every id in the review, with its name

    @classmethod
    def of(
        cls, project: Project, record: ReviewRecord, people: dict[str, Person] | None = None
    ) -> ReviewView:
        return cls(project, record, effective_status(record), record.latest_version, people or {})


def check_revision(current: ReviewRecord, revision: int) -> ReviewState:
    """The version's state, once sure the caller acts on the latest version at the revision it read."""
    status = effective_status(current)
    if status is ReviewState.superseded:
        raise Conflict(
            said("superseded", number=current.number, latest=current.latest_version),
            current.revision,
            status.value,
        )
    if revision != current.revision:
        raise Conflict(
            said("revision_changed", revision=revision, current=current.revision),
            current.revision,
            status.value,
        )
    return status


def update_review(
    store: Store,
    project_id: str,
    number: int,
    change: Callable[[ReviewRecord], ReviewRecord],
    *,
    bump_revision: bool = True,
    events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
) -> ReviewRecord:
    """The change stored with its audit events (see the store's `update_review`)."""
    updated = store.projects.update_review(
        project_id, number, change, bump_revision=bump_revision, events=events
    )
    if updated is None:
        raise NotFound(NO_VERSION)
    return updated


def review_event(
    actor: str,
    action: str,
    record: ReviewRecord,
    details: dict[str, str | int | None],
    event_id: str | None = None,
) -> AuditEvent:
    if action not in REVIEW_EVENT_ACTIONS:  # the backup checks that the copy holds the change of each
        raise ValueError(f"{action} is not one of REVIEW_EVENT_ACTIONS")
    extra = {"event_id": event_id} if event_id is not None else {}
    return AuditEvent(
        actor=actor,
        action=action,
        organisation=record.organisation,
        target=f"{record.project_id}/{record.number}",
        details=details,
        **extra,
    )


def raise_forbidden(principal: Principal, message: Said) -> NoReturn:
    raise Forbidden(said("role_is", refusal=message, role=Choice(principal.role.value)))
