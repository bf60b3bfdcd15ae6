"""TinyDB files under the data folder: the layout's names, opening databases on atomic storage, reading
tables, and removing a project folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB

from compliance.i18n.said import said
from compliance.storage.atomic_files import (
    AtomicJSONStorage,
    DeferredJSONStorage,
    RewrittenJSONStorage,
    fsync_dir,
    quarantine,
    remove_durably,
)
from compliance.storage.errors import StoreCorrupted
from compliance.storage.records import AuditEvent

QUARANTINE = "quarantine"
PROJECT_FILE = "project.json"
PAYLOAD_SUFFIX = ".json.zst"
OPEN_PROJECT_FILES = 64


class TinyFiles:
    """Opens TinyDB databases on atomic storage under one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.quarantine = root / QUARANTINE

    def open(self, path: Path, *, deferred: bool = False, rewritten: bool = False) -> TinyDB:
        """`deferred`: written at `flush` only (derived data); `rewritten`: a file rewritten on every change
        under its writer's lock, through a spare (`atomic_rewrite`)."""
        storage = (
            DeferredJSONStorage if deferred else RewrittenJSONStorage if rewritten else AtomicJSONStorage
        )
        db = TinyDB(str(path), quarantine_dir=self.quarantine, root=self.root, storage=storage)
        db.storage.read()  # parse now: an unreadable file fails here, not in the middle of a change
        return db

    def read(self, path: Path) -> dict[str, dict[str, Any]]:
        return AtomicJSONStorage(str(path), self.quarantine, self.root).read() or {}


def table_docs(db: TinyDB, table: str) -> dict[str, dict[str, Any]]:
    data = db.storage.read() or {}
    return data.get(table, {})


def next_doc_id(db: TinyDB, table: str) -> str:
    return str(max((int(k) for k in table_docs(db, table)), default=0) + 1)


def stored_point(event: AuditEvent) -> str:
    """The crash point between a change's write and its audit entry."""
    return f"{event.action}:stored"


def corrupt_record(path: Path, exc: ValidationError, files: TinyFiles) -> StoreCorrupted:
    fields = tuple(".".join(str(p) for p in e["loc"]) for e in exc.errors(include_input=False)[:5])
    reason = said("record_misfit", fields=fields)
    return StoreCorrupted(path, reason, quarantine(path, files.quarantine, files.root))


def remove_tree(folder: Path) -> None:
    """Remove a project folder: the project file first, so that a cut-short removal is finished at start."""
    project_file = folder / PROJECT_FILE
    if project_file.exists():
        remove_durably(project_file)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    fsync_dir(folder.parent)
