"""Where a project's files are and who may touch them: paths, locks and the open-file cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import zstandard
from tinydb import TinyDB

from compliance.i18n.said import said
from compliance.storage.atomic_files import (
    DeferredJSONStorage,
    fsync_dir,
    private_dir,
    quarantine,
)
from compliance.storage.codec import version_from_parts
from compliance.storage.errors import StoreCorrupted
from compliance.storage.records import ORG_ID, PROJECT_ID, ProjectVersion
from compliance.storage.tinydb_files import (
    OPEN_PROJECT_FILES,
    PROJECT_FILE,
    TinyFiles,
    remove_tree,
)
from compliance.storage.version_journal import ProjectVersions, torn_tail_prefix


class ProjectFolders:
    """Paths, locks and open files of the projects' folders. Locks: one per project (its file and payloads),
    one per organisation (its index) and a registry lock held only for dictionary updates. Project files
    stay open (with their journals, `ProjectVersions`) up to OPEN_PROJECT_FILES, least recently used closed
    first."""

    def __init__(self, root: Path) -> None:
        self.files = TinyFiles(root)
        self.orgs_dir = root / "orgs"
        self.registry = threading.Lock()
        self.indexes: dict[str, TinyDB] = {}
        self.org_locks: dict[str, threading.RLock] = {}
        self.where: dict[str, tuple[str, int]] = {}  # project id -> (organisation, doc id in its index)
        self.project_locks: dict[str, threading.Lock] = {}
        self.open: OrderedDict[str, ProjectVersions] = OrderedDict()

    def org_dir(self, org: str) -> Path:
        if not ORG_ID.match(org):
            raise ValueError(f"not an organisation id: {org!r}")
        return self.orgs_dir / org

    def project_dir(self, org: str, project_id: str) -> Path:
        if not PROJECT_ID.match(project_id):
            raise ValueError("not a project id")
        return self.org_dir(org) / "projects" / project_id

    def erase(self, org: str, project_id: str) -> None:
        """Remove a project's folder and every copy of its files in the quarantine folder (torn tails of its
        journal, files copied aside as damaged): they hold its submissions too. The copies go first, so that
        an erasure cut short, finished at start while the folder is there, leaves none."""
        folder = self.project_dir(org, project_id)
        copied = "__".join(folder.resolve().relative_to(self.files.root.resolve()).parts) + "__"
        quarantined = self.files.quarantine
        if quarantined.is_dir():
            for prefix in (torn_tail_prefix(project_id), copied):
                for path in quarantined.glob(f"{prefix}*"):
                    path.unlink()
            fsync_dir(quarantined)
        remove_tree(folder)

    def org_lock(self, org: str) -> threading.RLock:
        with self.registry:
            return self.org_locks.setdefault(org, threading.RLock())

    def index_db(self, org: str) -> TinyDB:
        """The organisation's index; call with the organisation's lock held."""
        db = self.indexes.get(org)
        if db is None:
            folder = self.org_dir(org)
            if not (folder / "projects").is_dir():
                private_dir(folder)
                private_dir(folder / "projects")
                fsync_dir(folder)
                fsync_dir(self.orgs_dir)
            db = self.files.open(folder / "index.json", deferred=True)
            with self.registry:
                self.indexes[org] = db
        return db

    def flush_index(self, org: str) -> None:
        storage = self.index_db(org).storage
        assert isinstance(storage, DeferredJSONStorage)
        storage.flush()

    def evict(self) -> None:
        """Close the least recently used project files beyond the limit, skipping busy ones and those
        holding events that failed to reach the log (logged with the project's tombstone if it is erased
        before the next start); call with the registry lock held."""
        for project_id in list(self.open)[: max(0, len(self.open) - OPEN_PROJECT_FILES)]:
            if self.open[project_id].unlogged:
                continue
            lock = self.project_locks.get(project_id)
            if lock is not None and lock.acquire(blocking=False):
                try:
                    self.open.pop(project_id).close()
                finally:
                    lock.release()

    @contextmanager
    def project(self, project_id: str) -> Iterator[tuple[str, int, ProjectVersions] | None]:
        """Hold a project's lock and its open files; None if there is no such project. Files whose last
        append failed are read again."""
        with self.registry:
            where = self.where.get(project_id)
            lock = self.project_locks.get(project_id)
        if where is None or lock is None:
            yield None
            return
        with lock:
            with self.registry:
                if self.where.get(project_id) != where:  # erased while we waited
                    db = None
                    where = None
                else:
                    db = self.open.get(project_id)
                    unlogged = []
                    if db is not None and db.broken:  # its last append failed: read its files again
                        del self.open[project_id]
                        db.close()
                        unlogged, db = db.unlogged, None
                    if db is not None:
                        self.open.move_to_end(project_id)
            if where is None:
                yield None
                return
            org, doc_id = where
            if db is None:
                db = self.load(self.project_dir(org, project_id))
                db.unlogged += unlogged
                with self.registry:
                    self.open[project_id] = db
                    self.evict()
            yield org, doc_id, db

    def load(
        self, folder: Path, *, with_events: bool = False, logged: Callable[[], set[str]] | None = None
    ) -> ProjectVersions:
        """A project's files read: project.json, then its journal (cut after its last whole record)."""
        db = self.files.open(folder / PROJECT_FILE, rewritten=True)
        return ProjectVersions(folder, db, self.files, with_events=with_events, logged=logged)

    def read_payload(self, org: str, versions: ProjectVersions, doc: dict[str, Any]) -> ProjectVersion:
        number = int(doc["number"])
        path = versions.payload_path(number)
        try:
            return version_from_parts(doc, versions.payload(number), versions.folder.name, org)
        except FileNotFoundError:
            raise StoreCorrupted(path, said("payload_missing"), None) from None
        except (ValueError, KeyError, zstandard.ZstdError) as exc:
            reason = said("payload_unreadable", error=type(exc).__name__)
            raise StoreCorrupted(
                path, reason, quarantine(path, self.files.quarantine, self.files.root)
            ) from None
