"""The embedded default store: TinyDB files under one data folder, written atomically.

Layout (no write touches more than one project's file and its organisation's index)::

    data/
      .server.lock                  held by the one server process for its lifetime
      access.json, access.lock      organisations and API keys (the admin commands write it, under the lock)
      audit.log                     the hash-chained audit log (audit_file.py); its signed checkpoints
                                    and the signing key live in the key folder, outside this one
      orgs/<org>/index.json         one compact summary per project of the organisation
      orgs/<org>/projects/<id>/project.json  one project: its metadata and its versions' summaries
      orgs/<org>/projects/<id>/v<n>.json.zst a version's submission and assessment, compressed, written once
      quarantine/                   bytes of any file found unreadable

A submission writes its payload, then the project file, then the organisation index, each atomically:
nothing else is rewritten, so its cost does not grow with the store. TinyDB is not thread-safe, so every
call holds the repository's lock. The project file is the truth; the index is derived from it and
repaired at start if a crash fell between the writes.

Every change is written together with its audit events (the outbox of each file, outbox.py) and the
events are appended to the log after, under the same locks; the start-up appends whatever a crash kept
out of the log. An erasure writes its tombstone into the organisation's index before removing the project
(the intent): the start-up finishes an erasure cut short and logs its tombstone.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import zstandard
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import ValidationError
from tinydb import TinyDB

from compliance.domain.outcomes import Verdict
from compliance.storage.accounts import tinydb_accounts
from compliance.storage.atomic_files import (
    AtomicJSONStorage,
    DeferredJSONStorage,
    atomic_write,
    fsync_dir,
    open_private,
    private_dir,
    quarantine,
    remove_durably,
    remove_stale_temp_files,
)
from compliance.storage.audit_file import AuditLogFile
from compliance.storage.codec import (
    project_document,
    project_from_document,
    review_from_document,
    review_into_document,
    summary_from_document,
    version_from_parts,
    version_payload,
    version_summary_document,
)
from compliance.storage.errors import AlreadyExists, StoreCorrupted, StoreLocked
from compliance.storage.faults import crash_point
from compliance.storage.outbox import OUTBOX, Outbox
from compliance.storage.pack_store import FilePacks
from compliance.storage.protocol import Store
from compliance.storage.records import (
    ORG_ID,
    PROJECT_ID,
    ApiKey,
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
from compliance.storage.signing_keys import KeyRing, SigningKey, default_key_dir, published_key_events

QUARANTINE = "quarantine"
PROJECT_FILE = "project.json"
PAYLOAD_SUFFIX = ".json.zst"
OPEN_PROJECT_FILES = 64


class _Files:
    """Opens TinyDB databases on atomic storage under one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.quarantine = root / QUARANTINE

    def open(self, path: Path, *, deferred: bool = False) -> TinyDB:
        storage = DeferredJSONStorage if deferred else AtomicJSONStorage
        db = TinyDB(str(path), quarantine_dir=self.quarantine, root=self.root, storage=storage)
        db.storage.read()  # parse now: an unreadable file fails here, not in the middle of a change
        return db

    def read(self, path: Path) -> dict[str, dict[str, Any]]:
        return AtomicJSONStorage(str(path), self.quarantine, self.root).read() or {}


def _docs(db: TinyDB, table: str) -> dict[str, dict[str, Any]]:
    data = db.storage.read() or {}
    return data.get(table, {})


def _next_doc_id(db: TinyDB, table: str) -> str:
    return str(max((int(k) for k in _docs(db, table)), default=0) + 1)


def _stored(event: AuditEvent) -> str:
    """The crash point between a change's write and its audit entry."""
    return f"{event.action}:stored"


def _corrupt_record(path: Path, exc: ValidationError, files: _Files) -> StoreCorrupted:
    fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors(include_input=False)[:5])
    return StoreCorrupted(
        path, f"a record does not fit the format ({fields})", quarantine(path, files.quarantine, files.root)
    )


class TinyDBAccess:
    """Organisations and keys in access.json. Written by the admin commands, possibly while the server
    runs: writers take a file lock, readers reopen the file whenever it changed on disk."""

    def __init__(self, root: Path, outbox: Outbox) -> None:
        self._files = _Files(root)
        self._outbox = outbox
        self._path = root / "access.json"
        self._lock_path = root / "access.lock"
        self._lock = threading.Lock()
        self._db: TinyDB | None = None
        self._seen: tuple[int, int, int] | None = None
        self._keys: dict[str, ApiKey] | None = None  # parsed once per version of the file
        with self._writing() as db:  # a change whose audit entry a crash cut short is logged now
            self._outbox.recover(self._outbox.pending(db))

    def _identity(self) -> tuple[int, int, int] | None:
        try:
            st = self._path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _current(self) -> TinyDB:
        seen = self._identity()
        if self._db is None or seen != self._seen:
            self._db = self._files.open(self._path)
            self._seen = seen
            self._keys = None
        return self._db

    @contextmanager
    def _writing(self) -> Iterator[TinyDB]:
        with self._lock, open_private(self._lock_path) as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            db = self._current()
            try:
                yield db
            finally:
                self._seen = self._identity()
                self._keys = None

    def _table(self, name: str) -> dict[str, dict[str, Any]]:
        with self._lock:
            return dict(_docs(self._current(), name))

    def _put(self, db: TinyDB, table: str, doc_id: str, doc: dict[str, Any], event: AuditEvent) -> None:
        """Write one document and its audit event, then log the event; call inside `_writing`. Accounts
        (or anything else kept here) are written the same way, with their own event."""
        self._outbox.commit(db, {table: {doc_id: doc}}, [event], point=_stored(event))
        self._outbox.publish([event])

    def add_organisation(self, org: Organisation, event: AuditEvent) -> None:
        with self._writing() as db:
            if any(d["id"] == org.id for d in _docs(db, "organisations").values()):
                raise AlreadyExists(f"organisation '{org.id}' already exists")
            self._put(
                db, "organisations", _next_doc_id(db, "organisations"), org.model_dump(mode="json"), event
            )

    def get_organisation(self, org_id: str) -> Organisation | None:
        found = [d for d in self._table("organisations").values() if d["id"] == org_id]
        return Organisation.model_validate(found[0]) if found else None

    def list_organisations(self) -> list[Organisation]:
        orgs = [Organisation.model_validate(d) for d in self._table("organisations").values()]
        return sorted(orgs, key=lambda o: o.id)

    def delete_organisation(self, org_id: str) -> bool:
        with self._writing() as db:
            found = [int(i) for i, d in _docs(db, "organisations").items() if d["id"] == org_id]
            if found:
                db.table("organisations").remove(doc_ids=found)
            return bool(found)

    def add_key(self, key: ApiKey, event: AuditEvent) -> None:
        with self._writing() as db:
            if any(d["id"] == key.id for d in _docs(db, "keys").values()):
                raise AlreadyExists(f"key '{key.id}' already exists")
            self._put(db, "keys", _next_doc_id(db, "keys"), key.model_dump(mode="json"), event)

    def get_key(self, key_id: str) -> ApiKey | None:
        """Called on every request: served from the parsed keys while the file is unchanged."""
        with self._lock:
            db = self._current()
            if self._keys is None:
                self._keys = {d["id"]: ApiKey.model_validate(d) for d in _docs(db, "keys").values()}
            return self._keys.get(key_id)

    def list_keys(self) -> list[ApiKey]:
        keys = [ApiKey.model_validate(d) for d in self._table("keys").values()]
        return sorted(keys, key=lambda k: (k.created_at, k.id))

    def revoke_key(self, key_id: str, at: datetime, event: AuditEvent) -> ApiKey | None:
        with self._writing() as db:
            for doc_id, doc in _docs(db, "keys").items():
                if doc["id"] != key_id:
                    continue
                key = ApiKey.model_validate(doc)
                if key.revoked_at is not None:
                    return key
                revoked = key.model_copy(update={"revoked_at": at})
                self._put(db, "keys", doc_id, revoked.model_dump(mode="json"), event)
                return revoked
        return None


class TinyDBProjects:
    """Locks: one per project (its file and payloads), one per organisation (its index) and a registry lock
    held only for dictionary updates. Different projects write in parallel; a project's writes are
    serialised. The index is kept in memory and written when a project is created or erased (and at
    close): it is derived from the project files, which recovery re-reads at start."""

    def __init__(self, root: Path, outbox: Outbox) -> None:
        self._files = _Files(root)
        self._outbox = outbox
        self._orgs_dir = root / "orgs"
        self._registry = threading.Lock()
        self._indexes: dict[str, TinyDB] = {}
        self._org_locks: dict[str, threading.RLock] = {}
        self._where: dict[str, tuple[str, int]] = {}  # project id -> (organisation, doc id in its index)
        self._project_locks: dict[str, threading.Lock] = {}
        self._open: OrderedDict[str, TinyDB] = OrderedDict()
        self.quarantined: list[StoreCorrupted] = []  # projects set aside at start, never served
        self._recover()

    # -- paths, files and locks ------------------------------------------------------------------------
    def _org_dir(self, org: str) -> Path:
        if not ORG_ID.match(org):
            raise ValueError(f"not an organisation id: {org!r}")
        return self._orgs_dir / org

    def _project_dir(self, org: str, project_id: str) -> Path:
        if not PROJECT_ID.match(project_id):
            raise ValueError("not a project id")
        return self._org_dir(org) / "projects" / project_id

    def _payload_path(self, org: str, project_id: str, number: int) -> Path:
        return self._project_dir(org, project_id) / f"v{number}{PAYLOAD_SUFFIX}"

    def _org_lock(self, org: str) -> threading.RLock:
        with self._registry:
            return self._org_locks.setdefault(org, threading.RLock())

    def _index_db(self, org: str) -> TinyDB:
        """The organisation's index; call with the organisation's lock held."""
        db = self._indexes.get(org)
        if db is None:
            folder = self._org_dir(org)
            if not (folder / "projects").is_dir():
                private_dir(folder)
                private_dir(folder / "projects")
                fsync_dir(folder)
                fsync_dir(self._orgs_dir)
            db = self._files.open(folder / "index.json", deferred=True)
            with self._registry:
                self._indexes[org] = db
        return db

    def _flush_index(self, org: str) -> None:
        storage = self._index_db(org).storage
        assert isinstance(storage, DeferredJSONStorage)
        storage.flush()

    def _evict(self) -> None:
        """Close the least recently used project files beyond the limit, skipping busy ones; call with
        the registry lock held."""
        for project_id in list(self._open)[: max(0, len(self._open) - OPEN_PROJECT_FILES)]:
            lock = self._project_locks.get(project_id)
            if lock is not None and lock.acquire(blocking=False):
                try:
                    self._open.pop(project_id).close()
                finally:
                    lock.release()

    @contextmanager
    def _project(self, project_id: str) -> Iterator[tuple[str, int, TinyDB] | None]:
        """Hold a project's lock and its open file; None if there is no such project."""
        with self._registry:
            where = self._where.get(project_id)
            lock = self._project_locks.get(project_id)
        if where is None or lock is None:
            yield None
            return
        with lock:
            with self._registry:
                if self._where.get(project_id) != where:  # erased while we waited
                    db = None
                    where = None
                else:
                    db = self._open.get(project_id)
                    if db is not None:
                        self._open.move_to_end(project_id)
            if where is None:
                yield None
                return
            org, doc_id = where
            if db is None:
                db = self._files.open(self._project_dir(org, project_id) / PROJECT_FILE)
                with self._registry:
                    self._open[project_id] = db
                    self._evict()
            yield org, doc_id, db

    def _read_payload(self, org: str, project_id: str, doc: dict[str, Any]) -> ProjectVersion:
        path = self._payload_path(org, project_id, int(doc["number"]))
        try:
            payload = path.read_bytes()
            return version_from_parts(doc, payload, project_id, org)
        except FileNotFoundError:
            raise StoreCorrupted(path, "the version's payload file is missing", None) from None
        except (ValueError, KeyError, zstandard.ZstdError) as exc:
            reason = f"the version's payload cannot be read ({type(exc).__name__})"
            raise StoreCorrupted(
                path, reason, quarantine(path, self._files.quarantine, self._files.root)
            ) from None

    # -- recovery at start -----------------------------------------------------------------------------
    def _recover(self) -> None:
        """Read every index and project file once. An unreadable index stops the start; an unreadable
        project file quarantines that project only: its bytes are copied to the quarantine folder, the file
        is left as it is (never replaced), and the project is not served until the operator restores it and
        restarts. Then undo what a crash left half-done: a project folder without its project file (a
        creation or an erasure cut short) is removed, payloads of unrecorded versions are dropped, and an
        index that missed writes is rebuilt from the project files. An erasure whose tombstone is in the
        index's outbox is finished. Last, every outbox event the audit log lacks is appended."""
        if not self._orgs_dir.is_dir():
            private_dir(self._orgs_dir)
            return
        remove_stale_temp_files(self._orgs_dir)
        pending: list[AuditEvent] = []
        for folder in sorted(p for p in self._orgs_dir.iterdir() if p.is_dir()):
            if not ORG_ID.match(folder.name):
                continue
            org = folder.name
            intents = self._outbox.pending(self._index_db(org))
            for event in intents:
                erased = event.target or ""
                cut_short = event.action == "project.deleted" and PROJECT_ID.match(erased)
                if cut_short and self._project_dir(org, erased).is_dir():
                    _remove_tree(self._project_dir(org, erased))  # an erasure cut short: finish it
            index = self._index_db(org).table("projects")
            listed = {
                doc["id"]: (int(doc_id), doc)
                for doc_id, doc in _docs(self._index_db(org), "projects").items()
            }
            found: dict[str, Project] = {}
            for project_dir in sorted((folder / "projects").iterdir()):
                if not (project_dir.is_dir() and PROJECT_ID.match(project_dir.name)):
                    continue
                if not (project_dir / PROJECT_FILE).is_file():
                    _remove_tree(project_dir)
                    continue
                try:
                    found[project_dir.name], events = self._project_from_file(project_dir, org)
                except StoreCorrupted as exc:
                    self.quarantined.append(exc)
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
                self._where[project_id] = (org, doc_id)
                self._project_locks[project_id] = threading.Lock()
            self._flush_index(org)
            pending += intents
        self._outbox.recover(pending)

    def _project_from_file(self, project_dir: Path, org: str) -> tuple[Project, list[AuditEvent]]:
        path = project_dir / PROJECT_FILE
        data = self._files.read(path)
        try:
            meta = data["project"]["1"]
            summaries = [summary_from_document(v) for v in data.get("versions", {}).values()]
        except KeyError as exc:
            held = quarantine(path, self._files.quarantine, self._files.root)
            raise StoreCorrupted(path, f"missing {exc}", held) from None
        except ValidationError as exc:
            raise _corrupt_record(path, exc, self._files) from None
        numbers = {s.number for s in summaries}
        for payload in project_dir.glob(f"v*{PAYLOAD_SUFFIX}"):
            number = payload.name[1 : -len(PAYLOAD_SUFFIX)]
            if not number.isdigit() or int(number) not in numbers:
                payload.unlink()  # written just before a crash, never recorded nor acknowledged
        latest = max(summaries, key=lambda s: s.number) if summaries else None
        try:
            events = [AuditEvent.model_validate(e) for e in data.get(OUTBOX, {}).values()]
        except ValidationError as exc:
            raise _corrupt_record(path, exc, self._files) from None
        project = Project.model_validate(
            meta
            | {
                "organisation": org,
                "version_count": len(summaries),
                "latest": latest.model_dump(mode="json") if latest else None,
                "updated_at": latest.submitted_at.isoformat() if latest else meta["created_at"],
            }
        )
        return project, events

    # -- the contract ----------------------------------------------------------------------------------
    def create_project(self, project: Project, event: AuditEvent) -> tuple[Project, bool]:
        org = project.organisation
        with self._org_lock(org):
            index_db = self._index_db(org)
            if project.idempotency_key is not None:
                for doc in _docs(index_db, "projects").values():
                    if doc.get("idempotency_key") == project.idempotency_key:
                        return project_from_document(dict(doc)), False
            with self._registry:
                if project.id in self._where:
                    raise AlreadyExists(f"project '{project.id}' already exists")
            meta = project.model_dump(
                mode="json",
                include={"id", "name", "created_at", "created_by", "idempotency_key", "request_hash"},
            )
            folder = self._project_dir(org, project.id)
            folder.mkdir(mode=0o700)
            fsync_dir(folder.parent)
            db = self._files.open(folder / PROJECT_FILE)
            self._outbox.commit(db, {"project": {"1": meta}}, [event], point=_stored(event))
            doc_id = index_db.table("projects").insert(project_document(project))
            self._flush_index(org)
            with self._registry:
                self._where[project.id] = (org, doc_id)
                self._project_locks[project.id] = threading.Lock()
                self._open[project.id] = db
                self._evict()
            self._outbox.publish([event])
            return project, True

    def get_project(self, project_id: str) -> Project | None:
        with self._registry:
            where = self._where.get(project_id)
        if where is None:
            return None
        org, doc_id = where
        with self._org_lock(org):
            doc = self._index_db(org).table("projects").get(doc_id=doc_id)
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
        with self._registry:
            known = sorted(self._indexes)
        orgs = known if organisation is None else [o for o in known if o == organisation]
        docs: list[dict[str, Any]] = []
        for org in orgs:
            with self._org_lock(org):
                docs += [dict(doc) for doc in _docs(self._index_db(org), "projects").values()]
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
        with self._project(version.project_id) as held:
            if held is None:
                return None
            org, doc_id, db = held
            existing = _docs(db, "versions")
            if version.idempotency_key is not None:
                for doc in existing.values():
                    if doc.get("idempotency_key") == version.idempotency_key:
                        return self._read_payload(org, version.project_id, doc), False
            number = len(existing) + 1
            stored = version.model_copy(update={"number": number, "organisation": org})
            # The payload first, then its record: a crash between leaves an unrecorded payload, which
            # recovery removes; nothing recorded is ever missing.
            atomic_write(self._payload_path(org, version.project_id, number), payload)
            submitted = event(stored)
            self._outbox.commit(
                db,
                {"versions": {str(number): version_summary_document(stored)}},
                [submitted],
                point=_stored(submitted),
            )
            self._outbox.publish([submitted])
        latest = stored.summary.model_dump(mode="json")

        def newer(doc: dict[str, Any]) -> None:  # concurrent submissions may reach the index out of order
            if (doc.get("version_count") or 0) < number:
                doc.update({"version_count": number, "latest": latest, "updated_at": latest["submitted_at"]})

        with self._org_lock(org):
            self._index_db(org).table("projects").update(newer, doc_ids=[doc_id])  # type: ignore[arg-type]
        return stored, True

    def get_version(self, project_id: str, number: int) -> ProjectVersion | None:
        with self._project(project_id) as held:
            if held is None:
                return None
            org, _, db = held
            doc = _docs(db, "versions").get(str(number))
            if doc is None:
                return None
            return self._read_payload(org, project_id, doc)

    def list_versions(self, project_id: str) -> list[VersionSummary] | None:
        with self._project(project_id) as held:
            if held is None:
                return None
            docs = _docs(held[2], "versions")
            return sorted((summary_from_document(d) for d in docs.values()), key=lambda s: s.number)

    def get_review(self, project_id: str, number: int) -> ReviewRecord | None:
        with self._project(project_id) as held:
            if held is None:
                return None
            org, _, db = held
            docs = _docs(db, "versions")
            doc = docs.get(str(number))
            return None if doc is None else review_from_document(doc, project_id, org, len(docs))

    def update_review(
        self,
        project_id: str,
        number: int,
        change: Callable[[ReviewRecord], ReviewRecord],
        *,
        bump_revision: bool = True,
        events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
    ) -> ReviewRecord | None:
        with self._project(project_id) as held:
            if held is None:
                return None
            org, doc_id, db = held
            docs = _docs(db, "versions")
            doc = docs.get(str(number))
            if doc is None:
                return None
            current = review_from_document(doc, project_id, org, len(docs))
            updated = change(current).model_copy(
                update={"revision": current.revision + 1 if bump_revision else current.revision}
            )
            new_doc = dict(doc)
            review_into_document(new_doc, updated)
            # One write of the project's file: status, revision, review and the change's audit events
            # together or not at all.
            logged = events(updated) if events is not None else []
            point = _stored(logged[0]) if logged else "review:stored"
            self._outbox.commit(db, {"versions": {str(number): new_doc}}, logged, point=point)
            self._outbox.publish(logged)
            is_latest = number == len(docs)
        if is_latest:

            def restate(doc: dict[str, Any]) -> None:
                latest = doc.get("latest")
                if latest and latest.get("number") == number:
                    doc["latest"] = latest | {"status": updated.status.value, "revision": updated.revision}

            with self._org_lock(org):
                self._index_db(org).table("projects").update(restate, doc_ids=[doc_id])  # type: ignore[arg-type]
        return updated

    def delete_project(self, project_id: str, event: Callable[[int], AuditEvent]) -> int | None:
        with self._project(project_id) as held:
            if held is None:
                return None
            org, doc_id, db = held
            count = len(_docs(db, "versions"))
            # The intent first: the tombstone (and any event of the project not yet logged) goes into the
            # organisation's index, written at once, with the project gone from the listing. From there
            # on the erasure is finished at start-up whatever happens.
            events = [*self._outbox.pending(db), event(count)]
            with self._org_lock(org):
                self._outbox.commit(
                    self._index_db(org),
                    {"projects": {str(doc_id): None}},
                    events,
                    point="project.deleted:intent",
                )
            with self._registry:
                self._open.pop(project_id, None)
                del self._where[project_id]
                self._project_locks.pop(project_id, None)
            db.close()
            _remove_tree(self._project_dir(org, project_id))  # the data first: erasure is real
            crash_point("project.deleted:stored")
            self._outbox.publish(events)
        return count

    def close(self) -> None:
        with self._registry:
            orgs = list(self._indexes)
        for org in orgs:
            with self._org_lock(org):
                self._flush_index(org)
        with self._registry:
            for db in [*self._open.values(), *self._indexes.values()]:
                db.close()
            self._open.clear()
            self._indexes.clear()


def _remove_tree(folder: Path) -> None:
    """Remove a project folder: the project file first, so that a cut-short removal is finished at start."""
    project_file = folder / PROJECT_FILE
    if project_file.exists():
        remove_durably(project_file)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    fsync_dir(folder.parent)


class ServerLock:
    """One process per data folder: a second server, or a second worker, is refused at start."""

    def __init__(self, root: Path) -> None:
        self._file: IO[str] | None = open_private(root / ".server.lock")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            self._file = None
            raise StoreLocked(
                f"{root} is in use by another compliance server process. Run one server with one worker "
                "per data folder (the embedded store is single-process)."
            ) from None
        self._file.truncate(0)
        self._file.write(f"{os.getpid()}\n")
        self._file.flush()

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def prepare_data_dir(data_dir: Path) -> Path:
    """The data folder, created or made readable by its owner only (0700)."""
    root = data_dir.resolve()
    private_dir(root)
    return root


def open_admin_repositories(data_dir: Path, key_dir: Path | None = None) -> tuple[TinyDBAccess, AuditLogFile]:
    """What the admin commands need; safe while a server runs on the same folder. The key folder
    defaults to `<data folder>-keys` beside the data folder."""
    root = prepare_data_dir(data_dir)
    keys = KeyRing(key_dir.resolve() if key_dir is not None else default_key_dir(root))
    _retire_legacy_key(root, keys)
    audit = AuditLogFile(root / "audit.log", root / QUARANTINE, keys)
    audit.append_missing(published_key_events(keys))
    return TinyDBAccess(root, Outbox(audit)), audit


PACKS_DIR = "packs"


def _retire_legacy_key(root: Path, keys: KeyRing) -> None:
    """Earlier versions kept the decision key inside the data folder, where whoever edits the data could
    use it: its public key is published as retired (old exports still verify) and the file removed."""
    legacy = root / "keys" / "decision-signing-key.pem"
    if not legacy.is_file():
        return
    private = serialization.load_pem_private_key(legacy.read_bytes(), password=None)
    if isinstance(private, Ed25519PrivateKey):
        old = SigningKey(private)
        keys.retire_foreign(old.public_key_b64, datetime.fromtimestamp(legacy.stat().st_mtime, UTC))
    remove_durably(legacy)


def open_tinydb_store(data_dir: Path, key_dir: Path | None = None) -> Store:
    """Open the data folder for a server: take the process lock, check every file, repair the indexes
    and log what a crash kept out of the audit log."""
    root = prepare_data_dir(data_dir)
    lock = ServerLock(root)
    try:
        access, audit = open_admin_repositories(root, key_dir)
        projects = TinyDBProjects(root, Outbox(audit))
    except BaseException:
        lock.release()
        raise

    def close() -> None:
        projects.close()
        lock.release()

    assert audit.keys is not None
    return Store(
        access=access,
        projects=projects,
        audit=audit,
        keys=audit.keys,
        accounts=tinydb_accounts(root, root / QUARANTINE),
        description=f"tinydb:{root}",
        close=close,
        quarantined=projects.quarantined,
        packs=FilePacks(root / PACKS_DIR),
    )
