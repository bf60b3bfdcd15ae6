"""The repository contracts. Domain and storage records go in and out, never a backend's documents.

Every adapter (memory, TinyDB, later a server database) passes the same contract tests in
tests/storage/test_contract.py; nothing above `storage/` depends on which one is used.

Every method that changes something takes the audit event(s) that record the change (ids only, never names
or e-mails): the repository writes them with the change and appends them to the audit log, so that a
change it stored always ends up in the log, even when the process dies in between (outbox.py). A new kind
of record (e.g. user accounts) follows the same pattern: `add_account(account, event)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from compliance.domain.events import Event
from compliance.domain.outcomes import Verdict
from compliance.storage.accounts import AccountTables, memory_accounts
from compliance.storage.errors import StoreCorrupted
from compliance.storage.pack_store import MemoryPacks, PackRepository
from compliance.storage.records import (
    ApiKey,
    AuditEntry,
    AuditEvent,
    Organisation,
    Project,
    ProjectPage,
    ProjectVersion,
    ReviewRecord,
    VersionStatus,
    VersionSummary,
)
from compliance.storage.signing_keys import KeyRing
from compliance.storage.webhook_records import Delivery, Webhook


class AccessRepository(Protocol):
    """Organisations and API keys."""

    def add_organisation(self, org: Organisation, event: AuditEvent) -> None:
        """Raises AlreadyExists when the id is taken."""

    def get_organisation(self, org_id: str) -> Organisation | None: ...

    def list_organisations(self) -> list[Organisation]: ...

    def delete_organisation(self, org_id: str, event: AuditEvent) -> bool:
        """Erase the organisation record (its projects, users and drafts are erased by the caller) with the
        event; False, and the event not logged, if there is no such organisation."""

    def add_key(self, key: ApiKey, event: AuditEvent) -> None:
        """Raises AlreadyExists when the id is taken."""

    def get_key(self, key_id: str) -> ApiKey | None: ...

    def list_keys(self) -> list[ApiKey]: ...

    def revoke_key(self, key_id: str, at: datetime, event: AuditEvent) -> ApiKey | None:
        """The key as revoked (unchanged, and the event not logged, if it already was), None if there is
        no such key."""


class ProjectRepository(Protocol):
    """Projects and their versions. Ids are checked by the caller's shape rules and again here."""

    def create_project(self, project: Project, event: AuditEvent) -> tuple[Project, bool]:
        """Store a new project; when its idempotency key is already used in its organisation, return that
        project instead (and log nothing). The flag tells whether the project was created."""

    def get_project(self, project_id: str) -> Project | None: ...

    def list_projects(
        self,
        organisation: str | None,
        *,
        verdict: Verdict | None = None,
        status: VersionStatus | None = None,
        offset: int = 0,
        limit: int = 20,
    ) -> ProjectPage:
        """Oldest first, then by id; `organisation=None` lists every organisation."""

    def add_version(
        self, version: ProjectVersion, event: Callable[[ProjectVersion], AuditEvent]
    ) -> tuple[ProjectVersion, bool] | None:
        """Store the next version of a project (its number is assigned here; the one given is ignored);
        `event` builds its audit event from the version as stored.
        When its idempotency key is already used in the project, return that version instead. The flag
        tells whether it was stored. None when the project does not exist."""

    def get_version(self, project_id: str, number: int) -> ProjectVersion | None: ...

    def list_versions(self, project_id: str) -> list[VersionSummary] | None: ...

    def get_review(self, project_id: str, number: int) -> ReviewRecord | None:
        """The review of a version (empty until a liaison acts); None when there is no such version."""

    def update_review(
        self,
        project_id: str,
        number: int,
        change: Callable[[ReviewRecord], ReviewRecord],
        *,
        bump_revision: bool = True,
        events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
    ) -> ReviewRecord | None:
        """Apply `change` to the current review under the project's lock and store the result, with the
        audit `events` built from it, in one write, its revision incremented here (unless `bump_revision` is false, for comments that must not
        make a concurrent action conflict). `change` may raise to refuse (e.g. a stale revision): nothing
        is written then. None when there is no such version."""

    def delete_project(self, project_id: str, event: Callable[[int], AuditEvent]) -> int | None:
        """Erase the project and every version: the data are really gone; `event` builds the tombstone
        from the number of versions erased. Returns that number, None if there was no such project."""


class FailureCounters(Protocol):
    """Failures counted per subject in fixed windows of time, for every throttle (failed API keys, failed
    sign-ins), shared by every process that serves (the memory adapter serves one process; table files on one
    data folder or a server database serve several)."""

    def add_failure(self, subject: str, now: float, window: float) -> tuple[int, float]:
        """Count one failure at `now` (seconds since the epoch: a clock every process shares): the failures
        of `subject` in its current window (this one included) and the seconds until that window ends. A
        window starts at a subject's first failure after the last one ended."""

    def failures(self, subject: str, now: float) -> int:
        """The failures of `subject` in its current window, without counting one (0 once it ended)."""

    def clear(self, subject: str) -> None: ...


class AuditRepository(Protocol):
    """An append-only, hash-chained log of changes."""

    def append(self, event: AuditEvent) -> AuditEntry: ...

    def entries(self) -> list[AuditEntry]: ...

    def raw_lines(self) -> list[str]:
        """The log as stored, one JSON document a line, for `audit verify`."""

    def checkpoint_lines(self) -> list[str]:
        """The signed checkpoints of the log's head, one JSON document a line."""

    def find(self, event_id: str) -> AuditEntry | None:
        """The entry that logged this event, searched from the end."""

    def append_missing(self, events: list[AuditEvent]) -> list[AuditEvent]:
        """Append, in order, the events whose event id the log does not hold yet; returns them."""


class WebhookRepository(Protocol):
    """Webhooks, the outbox of their deliveries, and recent events (memory, TinyDB, PostgreSQL).

    `due` may claim what it returns for the caller (PostgreSQL: so that several servers do not send the
    same delivery at once); `save_delivery` of the outcome releases the claim."""

    def add_webhook(self, hook: Webhook) -> None: ...

    def get_webhook(self, webhook_id: str) -> Webhook | None: ...

    def list_webhooks(self, owner: str | None = None) -> list[Webhook]: ...

    def delete_webhook(self, webhook_id: str) -> bool: ...

    def enqueue(self, deliveries: list[Delivery]) -> int:
        """Add the deliveries whose id is not in the outbox yet, durably; how many were added."""

    def due(self, now: datetime, limit: int) -> list[Delivery]: ...

    def save_delivery(self, delivery: Delivery) -> None: ...

    def deliveries(self, webhook_id: str, limit: int = 100) -> list[Delivery]:
        """A webhook's delivery log, newest first."""

    def record_event(self, event: Event) -> None: ...

    def events(self, organisation: str | None, limit: int = 50) -> list[Event]: ...


def _memory_webhooks() -> WebhookRepository:
    from compliance.storage.webhooks import MemoryWebhooks

    return MemoryWebhooks()


@dataclass
class Store:
    """The repositories a running service uses, and how to release them."""

    access: AccessRepository
    projects: ProjectRepository
    audit: AuditRepository
    keys: KeyRing = field(default_factory=KeyRing.ephemeral)
    accounts: AccountTables = field(default_factory=memory_accounts)  # memory_store gives it the log
    description: str = "memory"
    close: Callable[[], None] = field(default=lambda: None)
    quarantined: list[StoreCorrupted] = field(default_factory=list)  # projects set aside at start
    packs: PackRepository = field(default_factory=MemoryPacks)  # the rule packs stored assessments name
    failure_counters: FailureCounters | None = None  # shared by every process; None: each counts its own
    webhooks: WebhookRepository = field(default_factory=_memory_webhooks)
