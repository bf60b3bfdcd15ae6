"""In-memory repositories: for tests and dry runs. Same contract as the TinyDB store, nothing on disk."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from compliance.domain.outcomes import Verdict
from compliance.i18n.said import said
from compliance.storage.accounts import memory_accounts
from compliance.storage.audit_chain import GENESIS, line_of, seal
from compliance.storage.errors import AlreadyExists
from compliance.storage.protocol import Store
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
from compliance.storage.selection import select_projects


class MemoryAccess:
    def __init__(self, audit: MemoryAudit) -> None:
        self._audit = audit
        self._lock = threading.Lock()
        self._orgs: dict[str, Organisation] = {}
        self._keys: dict[str, ApiKey] = {}

    def add_organisation(self, org: Organisation, event: AuditEvent) -> None:
        with self._lock:
            if org.id in self._orgs:
                raise AlreadyExists(said("organisation_exists", organisation=org.id))
            self._orgs[org.id] = org
            self._audit.append(event)

    def get_organisation(self, org_id: str) -> Organisation | None:
        with self._lock:
            return self._orgs.get(org_id)

    def list_organisations(self) -> list[Organisation]:
        with self._lock:
            return sorted(self._orgs.values(), key=lambda o: o.id)

    def delete_organisation(self, org_id: str, event: AuditEvent) -> bool:
        with self._lock:
            if self._orgs.pop(org_id, None) is None:
                return False
            self._audit.append(event)
            return True

    def add_key(self, key: ApiKey, event: AuditEvent) -> None:
        with self._lock:
            if key.id in self._keys:
                raise AlreadyExists(said("key_exists", key=key.id))
            self._keys[key.id] = key
            self._audit.append(event)

    def get_key(self, key_id: str) -> ApiKey | None:
        with self._lock:
            return self._keys.get(key_id)

    def list_keys(self) -> list[ApiKey]:
        with self._lock:
            return sorted(self._keys.values(), key=lambda k: (k.created_at, k.id))

    def revoke_key(self, key_id: str, at: datetime, event: AuditEvent) -> ApiKey | None:
        with self._lock:
            key = self._keys.get(key_id)
            if key is None or key.revoked_at is not None:
                return key
            revoked = key.model_copy(update={"revoked_at": at})
            self._keys[key_id] = revoked
            self._audit.append(event)
            return revoked


class MemoryProjects:
    def __init__(self, audit: MemoryAudit) -> None:
        self._audit = audit
        self._lock = threading.Lock()
        self._projects: dict[str, Project] = {}
        self._versions: dict[str, list[ProjectVersion]] = {}
        self._reviews: dict[tuple[str, int], ReviewRecord] = {}

    def create_project(self, project: Project, event: AuditEvent) -> tuple[Project, bool]:
        with self._lock:
            if project.idempotency_key is not None:
                for existing in self._projects.values():
                    if (
                        existing.organisation == project.organisation
                        and existing.idempotency_key == project.idempotency_key
                    ):
                        return existing, False
            if project.id in self._projects:
                raise AlreadyExists(said("project_exists", project=project.id))
            self._projects[project.id] = project
            self._versions[project.id] = []
            self._audit.append(event)
            return project, True

    def get_project(self, project_id: str) -> Project | None:
        with self._lock:
            return self._projects.get(project_id)

    def list_projects(
        self,
        organisation: str | None,
        *,
        verdict: Verdict | None = None,
        status: VersionStatus | None = None,
        offset: int = 0,
        limit: int = 20,
    ) -> ProjectPage:
        with self._lock:
            projects = [p for p in self._projects.values() if organisation in (None, p.organisation)]
        return select_projects(projects, verdict=verdict, status=status, offset=offset, limit=limit)

    def add_version(
        self, version: ProjectVersion, event: Callable[[ProjectVersion], AuditEvent]
    ) -> tuple[ProjectVersion, bool] | None:
        with self._lock:
            project = self._projects.get(version.project_id)
            if project is None:
                return None
            versions = self._versions[project.id]
            if version.idempotency_key is not None:
                for existing in versions:
                    if existing.idempotency_key == version.idempotency_key:
                        return existing, False
            stored = version.model_copy(update={"number": len(versions) + 1})
            versions.append(stored)
            self._projects[project.id] = project.model_copy(
                update={
                    "version_count": len(versions),
                    "latest": stored.summary,
                    "updated_at": stored.submitted_at,
                }
            )
            self._audit.append(event(stored))
            return stored, True

    def get_version(self, project_id: str, number: int) -> ProjectVersion | None:
        with self._lock:
            versions = self._versions.get(project_id, [])
            return versions[number - 1] if 1 <= number <= len(versions) else None

    def list_versions(self, project_id: str) -> list[VersionSummary] | None:
        with self._lock:
            if project_id not in self._projects:
                return None
            return [v.summary for v in self._versions[project_id]]

    def _review(self, project_id: str, number: int) -> ReviewRecord | None:
        versions = self._versions.get(project_id, [])
        if not 1 <= number <= len(versions):
            return None
        v = versions[number - 1]
        stored = self._reviews.get((project_id, number)) or ReviewRecord(
            project_id=project_id,
            organisation=v.organisation,
            number=number,
            status=v.status,
            revision=v.revision,
        )
        return stored.model_copy(update={"latest_version": len(versions)})

    def get_review(self, project_id: str, number: int) -> ReviewRecord | None:
        with self._lock:
            return self._review(project_id, number)

    def update_review(
        self,
        project_id: str,
        number: int,
        change: Callable[[ReviewRecord], ReviewRecord],
        *,
        bump_revision: bool = True,
        events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
    ) -> ReviewRecord | None:
        with self._lock:
            current = self._review(project_id, number)
            if current is None:
                return None
            updated = change(current).model_copy(
                update={"revision": current.revision + 1 if bump_revision else current.revision}
            )
            self._reviews[(project_id, number)] = updated
            versions = self._versions[project_id]
            versions[number - 1] = versions[number - 1].model_copy(
                update={"status": updated.status, "revision": updated.revision}
            )
            if number == len(versions):
                project = self._projects[project_id]
                self._projects[project_id] = project.model_copy(update={"latest": versions[-1].summary})
            for event in events(updated) if events is not None else []:
                self._audit.append(event)
            return updated

    def delete_project(self, project_id: str, event: Callable[[int], AuditEvent]) -> int | None:
        with self._lock:
            if self._projects.pop(project_id, None) is None:
                return None
            for key in [k for k in self._reviews if k[0] == project_id]:
                del self._reviews[key]
            count = len(self._versions.pop(project_id, []))
            self._audit.append(event(count))
            return count


class MemoryAudit:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[AuditEntry] = []

    def append(self, event: AuditEvent) -> AuditEntry:
        with self._lock:
            prev = self._entries[-1].hash if self._entries else GENESIS
            entry = seal(event, len(self._entries) + 1, datetime.now(UTC), prev)
            self._entries.append(entry)
            return entry

    def entries(self) -> list[AuditEntry]:
        with self._lock:
            return list(self._entries)

    def raw_lines(self) -> list[str]:
        return [line_of(e) for e in self.entries()]

    def checkpoint_lines(self) -> list[str]:
        return []  # nothing outlives the process: there is nothing to pin

    def append_missing(self, events: list[AuditEvent]) -> list[AuditEvent]:
        present = {e.event_id for e in self.entries()}
        missing = [e for e in events if e.event_id not in present]
        for event in missing:
            self.append(event)
        return missing

    def find(self, event_id: str) -> AuditEntry | None:
        return next((e for e in reversed(self.entries()) if e.event_id == event_id), None)


def memory_store() -> Store:
    audit = MemoryAudit()
    return Store(
        access=MemoryAccess(audit),
        projects=MemoryProjects(audit),
        audit=audit,
        accounts=memory_accounts(audit),
        description="memory",
    )
