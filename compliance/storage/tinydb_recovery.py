"""The start-up of the projects' folders: quarantine what cannot be read, undo what a crash left
half-done, rebuild the indexes and log what the audit log lacks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from compliance.i18n.said import said
from compliance.storage.atomic_files import private_dir, quarantine, remove_stale_temp_files
from compliance.storage.codec import project_document, summary_from_document
from compliance.storage.errors import StoreCorrupted
from compliance.storage.outbox import OUTBOX, Outbox
from compliance.storage.records import (
    ORG_ID,
    PROJECT_ID,
    AuditEvent,
    Project,
)
from compliance.storage.tinydb_files import (
    PAYLOAD_SUFFIX,
    PROJECT_FILE,
    corrupt_record,
    remove_tree,
    table_docs,
)
from compliance.storage.tinydb_folders import ProjectFolders


def recover(
    folders: ProjectFolders, outbox: Outbox, event_ids: Callable[[], set[str]]
) -> list[StoreCorrupted]:
    """Read every index and project file once. An unreadable index stops the start; an unreadable
    project file quarantines that project only: its bytes are copied to the quarantine folder, the file
    is left as it is (never replaced), and the project is not served until the operator restores it and
    restarts. Then undo what a crash left half-done: a project folder without its project file (a
    creation or an erasure cut short) is removed, payloads of unrecorded versions are dropped, and an
    index that missed writes is rebuilt from the project files. An erasure whose tombstone is in the
    index's outbox is finished. Last, every outbox event the audit log lacks is appended. Returns the
    quarantined projects."""
    if not folders.orgs_dir.is_dir():
        private_dir(folders.orgs_dir)
        return []
    remove_stale_temp_files(folders.orgs_dir)
    pending: list[AuditEvent] = []
    quarantined: list[StoreCorrupted] = []
    logged = cache(event_ids)  # the ids the audit log holds: read when a journal's events are first checked
    for folder in sorted(p for p in folders.orgs_dir.iterdir() if p.is_dir()):
        if not ORG_ID.match(folder.name):
            continue
        org = folder.name
        intents = outbox.pending(folders.index_db(org))
        for event in intents:
            erased = event.target or ""
            cut_short = event.action == "project.deleted" and PROJECT_ID.match(erased)
            if cut_short and folders.project_dir(org, erased).is_dir():
                folders.erase(org, erased)  # an erasure cut short: finish it
        index = folders.index_db(org).table("projects")
        listed = {
            doc["id"]: (int(doc_id), doc)
            for doc_id, doc in table_docs(folders.index_db(org), "projects").items()
        }
        found: dict[str, Project] = {}
        for project_dir in sorted((folder / "projects").iterdir()):
            if not (project_dir.is_dir() and PROJECT_ID.match(project_dir.name)):
                continue
            if not (project_dir / PROJECT_FILE).is_file():
                remove_tree(project_dir)
                continue
            try:
                found[project_dir.name], events = _project_from_files(folders, project_dir, org, logged)
            except StoreCorrupted as exc:
                quarantined.append(exc)
            else:
                pending += events
        for project_id, (doc_id, _) in listed.items():
            if project_id not in found:
                index.remove(doc_ids=[doc_id])
        for project_id, project in found.items():
            doc = project_document(project)
            if project_id not in listed:
                doc_id = index.insert(doc)
            else:
                doc_id, current = listed[project_id]
                if current != doc:
                    index.update(doc, doc_ids=[doc_id])
            folders.where[project_id] = (org, doc_id)
            folders.project_locks[project_id] = threading.Lock()
        folders.flush_index(org)
        pending += intents
    outbox.recover(pending)
    return quarantined


def _project_from_files(
    folders: ProjectFolders, project_dir: Path, org: str, logged: Callable[[], set[str]]
) -> tuple[Project, list[AuditEvent]]:
    """The project as its files hold it, and the events of its outbox and journal the log may lack. A
    record cut short at the end of the journal is set aside (it was never acknowledged)."""
    path = project_dir / PROJECT_FILE
    try:
        versions = folders.load(project_dir, with_events=True, logged=logged)
    except (KeyError, TypeError, ValueError):  # a summary in project.json without its number
        held = quarantine(path, folders.files.quarantine, folders.files.root)
        raise StoreCorrupted(path, said("store_not_document"), held) from None
    try:
        data = versions.db.storage.read() or {}
        meta = data["project"]["1"]
        summaries = sorted((summary_from_document(v) for v in versions.docs.values()), key=lambda s: s.number)
        outboxed = [AuditEvent.model_validate(e) for e in data.get(OUTBOX, {}).values()]
        journaled = [
            AuditEvent.model_validate(e) for e in versions.events or [] if e.get("event_id") not in logged()
        ]
    except KeyError as exc:
        held = quarantine(path, folders.files.quarantine, folders.files.root)
        raise StoreCorrupted(path, said("store_missing_key", key=exc), held) from None
    except ValidationError as exc:
        raise corrupt_record(path, exc, folders.files) from None
    finally:
        versions.close()
    recorded = {str(n) for n, doc in versions.docs.items() if n not in versions.payloads}
    for payload in project_dir.glob(f"v*{PAYLOAD_SUFFIX}"):
        if payload.name[1 : -len(PAYLOAD_SUFFIX)] not in recorded:
            payload.unlink()  # written just before a crash, never recorded nor acknowledged
    latest = summaries[-1] if summaries else None
    project = Project.model_validate(
        meta
        | {
            "organisation": org,
            "version_count": len(summaries),
            "latest": latest.model_dump(mode="json") if latest else None,
            "updated_at": latest.submitted_at.isoformat() if latest else meta["created_at"],
        }
    )
    return project, outboxed + journaled
