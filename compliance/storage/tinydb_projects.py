"""Projects, versions and reviews: a folder per project, its metadata in a TinyDB file and its versions in an
append-only journal (see tinydb_store for the layout)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from compliance.domain.outcomes import Verdict
from compliance.i18n.said import said
from compliance.storage.atomic_files import fsync_dir
from compliance.storage.codec import (
    project_document,
    project_from_document,
    review_from_document,
    review_into_document,
    summary_from_document,
    version_payload,
    version_summary_document,
)
from compliance.storage.errors import AlreadyExists
from compliance.storage.faults import crash_point
from compliance.storage.outbox import Outbox
from compliance.storage.records import (
    AuditEvent,
    Project,
    ProjectPage,
    ProjectVersion,
    ReviewRecord,
    VersionStatus,
    VersionSummary,
)
from compliance.storage.selection import select_projects
from compliance.storage.tinydb_files import (
    PROJECT_FILE,
    stored_point,
    table_docs,
)
from compliance.storage.tinydb_folders import ProjectFolders
from compliance.storage.tinydb_recovery import recover
from compliance.storage.version_journal import ProjectVersions


class TinyDBProjects:
    """Projects, versions and reviews in the projects' folders. Different projects write in parallel; a
    project's writes are serialised. The index is kept in memory and written when a project is created or
    erased (and at close): it is derived from the project files, which recovery re-reads at start."""

    def __init__(self, root: Path, outbox: Outbox, event_ids: Callable[[], set[str]]) -> None:
        """`event_ids`: those the audit log holds (read at start, to log what a crash kept out of it)."""
        self.folders = ProjectFolders(root)
        self._outbox = outbox
        self.quarantined = recover(self.folders, outbox, event_ids)  # set aside at start, never served

    # -- the contract ----------------------------------------------------------------------------------
    def create_project(self, project: Project, event: AuditEvent) -> tuple[Project, bool]:
        org = project.organisation
        with self.folders.org_lock(org):
            index_db = self.folders.index_db(org)
            if project.idempotency_key is not None:
                for doc in table_docs(index_db, "projects").values():
                    if doc.get("idempotency_key") == project.idempotency_key:
                        return project_from_document(dict(doc)), False
            with self.folders.registry:
                if project.id in self.folders.where:
                    raise AlreadyExists(said("project_exists", project=project.id))
            meta = project.model_dump(
                mode="json",
                include={"id", "name", "created_at", "created_by", "idempotency_key", "request_hash"},
            )
            folder = self.folders.project_dir(org, project.id)
            folder.mkdir(mode=0o700)
            fsync_dir(folder.parent)
            db = self.folders.files.open(folder / PROJECT_FILE, rewritten=True)
            self._outbox.commit(db, {"project": {"1": meta}}, [event], point=stored_point(event))
            doc_id = index_db.table("projects").insert(project_document(project))
            self.folders.flush_index(org)
            with self.folders.registry:
                self.folders.where[project.id] = (org, doc_id)
                self.folders.project_locks[project.id] = threading.Lock()
                self.folders.open[project.id] = ProjectVersions(folder, db, self.folders.files)
                self.folders.evict()
            self._outbox.publish([event])
            return project, True

    def get_project(self, project_id: str) -> Project | None:
        with self.folders.registry:
            where = self.folders.where.get(project_id)
        if where is None:
            return None
        org, doc_id = where
        with self.folders.org_lock(org):
            doc = self.folders.index_db(org).table("projects").get(doc_id=doc_id)
            return project_from_document(dict(doc)) if doc is not None else None

    def list_projects(
        self,
        organisation: str | None,
        *,
        verdict: Verdict | None = None,
        status: VersionStatus | None = None,
        offset: int = 0,
        limit: int = 20,
    ) -> ProjectPage:
        with self.folders.registry:
            known = sorted(self.folders.indexes)
        orgs = known if organisation is None else [o for o in known if o == organisation]
        docs: list[dict[str, Any]] = []
        for org in orgs:
            with self.folders.org_lock(org):
                docs += [dict(doc) for doc in table_docs(self.folders.index_db(org), "projects").values()]
        return select_projects(
            (project_from_document(d) for d in docs),
            verdict=verdict,
            status=status,
            offset=offset,
            limit=limit,
        )

    def add_version(
        self, version: ProjectVersion, event: Callable[[ProjectVersion], AuditEvent]
    ) -> tuple[ProjectVersion, bool] | None:
        payload = version_payload(version)  # the costly part, done before taking any lock
        with self.folders.project(version.project_id) as held:
            if held is None:
                return None
            org, doc_id, versions = held
            if version.idempotency_key is not None:
                known = versions.keys.get(version.idempotency_key)
                if known is not None:
                    return self.folders.read_payload(org, versions, versions.docs[known]), False
            number = len(versions.docs) + 1
            stored = version.model_copy(update={"number": number, "organisation": org})
            submitted = event(stored)
            # One record, one fsync: the summary, its audit event and the payload together or not at all.
            versions.append(version_summary_document(stored), [submitted], payload)
            crash_point(stored_point(submitted))
            self._log(versions, [submitted])
        latest = stored.summary.model_dump(mode="json")

        def newer(doc: dict[str, Any]) -> None:  # concurrent submissions may reach the index out of order
            if (doc.get("version_count") or 0) < number:
                doc.update({"version_count": number, "latest": latest, "updated_at": latest["submitted_at"]})

        with self.folders.org_lock(org):
            self.folders.index_db(org).table("projects").update(newer, doc_ids=[doc_id])  # type: ignore[arg-type]
        return stored, True

    def _log(self, versions: ProjectVersions, events: list[AuditEvent]) -> None:
        """Append a journal record's events to the audit log; those it failed to take are logged at start
        (or with the project's tombstone)."""
        for n, logged in enumerate(events):
            try:
                self._outbox.audit.append(logged)
            except BaseException:
                versions.unlogged += events[n:]
                raise

    def get_version(self, project_id: str, number: int) -> ProjectVersion | None:
        with self.folders.project(project_id) as held:
            if held is None:
                return None
            org, _, versions = held
            doc = versions.docs.get(number)
            if doc is None:
                return None
            return self.folders.read_payload(org, versions, doc)

    def list_versions(self, project_id: str) -> list[VersionSummary] | None:
        with self.folders.project(project_id) as held:
            if held is None:
                return None
            docs = held[2].docs
            return [summary_from_document(docs[n]) for n in sorted(docs)]

    def get_review(self, project_id: str, number: int) -> ReviewRecord | None:
        with self.folders.project(project_id) as held:
            if held is None:
                return None
            org, _, versions = held
            doc = versions.docs.get(number)
            return None if doc is None else review_from_document(doc, project_id, org, len(versions.docs))

    def update_review(
        self,
        project_id: str,
        number: int,
        change: Callable[[ReviewRecord], ReviewRecord],
        *,
        bump_revision: bool = True,
        events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
    ) -> ReviewRecord | None:
        with self.folders.project(project_id) as held:
            if held is None:
                return None
            org, doc_id, versions = held
            doc = versions.docs.get(number)
            if doc is None:
                return None
            current = review_from_document(doc, project_id, org, len(versions.docs))
            updated = change(current).model_copy(
                update={"revision": current.revision + 1 if bump_revision else current.revision}
            )
            new_doc = dict(doc)
            review_into_document(new_doc, updated)
            # One record: status, revision, review and the change's audit events together or not at all.
            logged = events(updated) if events is not None else []
            versions.append(new_doc, logged)
            crash_point(stored_point(logged[0]) if logged else "review:stored")
            self._log(versions, logged)
            is_latest = number == len(versions.docs)
        if is_latest:

            def restate(doc: dict[str, Any]) -> None:
                latest = doc.get("latest")
                if latest and latest.get("number") == number:
                    doc["latest"] = latest | {"status": updated.status.value, "revision": updated.revision}

            with self.folders.org_lock(org):
                self.folders.index_db(org).table("projects").update(restate, doc_ids=[doc_id])  # type: ignore[arg-type]
        return updated

    def delete_project(self, project_id: str, event: Callable[[int], AuditEvent]) -> int | None:
        with self.folders.project(project_id) as held:
            if held is None:
                return None
            org, doc_id, versions = held
            count = len(versions.docs)
            # The intent first: the tombstone (and any event of the project not yet logged) goes into the
            # organisation's index, written at once, with the project gone from the listing. From there
            # on the erasure is finished at start-up whatever happens.
            events = [*self._outbox.pending(versions.db), *versions.unlogged, event(count)]
            with self.folders.org_lock(org):
                self._outbox.commit(
                    self.folders.index_db(org),
                    {"projects": {str(doc_id): None}},
                    events,
                    point="project.deleted:intent",
                )
            with self.folders.registry:
                self.folders.open.pop(project_id, None)
                del self.folders.where[project_id]
                self.folders.project_locks.pop(project_id, None)
            versions.close()
            self.folders.erase(org, project_id)  # the data first: erasure is real
            crash_point("project.deleted:stored")
            self._outbox.publish(events)
        return count

    def close(self) -> None:
        with self.folders.registry:
            orgs = list(self.folders.indexes)
        for org in orgs:
            with self.folders.org_lock(org):
                self.folders.flush_index(org)
        with self.folders.registry:
            for versions in self.folders.open.values():
                versions.close()
            for index in self.folders.indexes.values():
                index.close()
            self.folders.open.clear()
            self.folders.indexes.clear()
