"""Organisations and API keys in access.json (see tinydb_store for the layout)."""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from compliance.i18n.said import said
from compliance.storage.atomic_files import open_private
from compliance.storage.errors import AlreadyExists
from compliance.storage.outbox import Outbox
from compliance.storage.records import ApiKey, AuditEvent, Organisation
from compliance.storage.tinydb_files import (
    TinyFiles,
    next_doc_id,
    stored_point,
    table_docs,
)


class TinyDBAccess:
    """Organisations and keys in access.json. Written by the admin commands, possibly while the server
    runs: writers take a file lock, readers reopen the file whenever it changed on disk."""

    def __init__(self, root: Path, outbox: Outbox) -> None:
        self._files = TinyFiles(root)
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
            return dict(table_docs(self._current(), name))

    def _put(self, db: TinyDB, table: str, doc_id: str, doc: dict[str, Any], event: AuditEvent) -> None:
        """Write one document and its audit event, then log the event; call inside `_writing`. Accounts
        (or anything else kept here) are written the same way, with their own event."""
        self._outbox.commit(db, {table: {doc_id: doc}}, [event], point=stored_point(event))
        self._outbox.publish([event])

    def add_organisation(self, org: Organisation, event: AuditEvent) -> None:
        with self._writing() as db:
            if any(d["id"] == org.id for d in table_docs(db, "organisations").values()):
                raise AlreadyExists(said("organisation_exists", organisation=org.id))
            self._put(
                db, "organisations", next_doc_id(db, "organisations"), org.model_dump(mode="json"), event
            )

    def get_organisation(self, org_id: str) -> Organisation | None:
        found = [d for d in self._table("organisations").values() if d["id"] == org_id]
        return Organisation.model_validate(found[0]) if found else None

    def list_organisations(self) -> list[Organisation]:
        orgs = [Organisation.model_validate(d) for d in self._table("organisations").values()]
        return sorted(orgs, key=lambda o: o.id)

    def delete_organisation(self, org_id: str, event: AuditEvent) -> bool:
        with self._writing() as db:
            found = [i for i, d in table_docs(db, "organisations").items() if d["id"] == org_id]
            if found:
                self._outbox.commit(
                    db, {"organisations": dict.fromkeys(found)}, [event], point=stored_point(event)
                )
                self._outbox.publish([event])
            return bool(found)

    def add_key(self, key: ApiKey, event: AuditEvent) -> None:
        with self._writing() as db:
            if any(d["id"] == key.id for d in table_docs(db, "keys").values()):
                raise AlreadyExists(said("key_exists", key=key.id))
            self._put(db, "keys", next_doc_id(db, "keys"), key.model_dump(mode="json"), event)

    def get_key(self, key_id: str) -> ApiKey | None:
        """Called on every request: served from the parsed keys while the file is unchanged."""
        with self._lock:
            db = self._current()
            if self._keys is None:
                self._keys = {d["id"]: ApiKey.model_validate(d) for d in table_docs(db, "keys").values()}
            return self._keys.get(key_id)

    def list_keys(self) -> list[ApiKey]:
        keys = [ApiKey.model_validate(d) for d in self._table("keys").values()]
        return sorted(keys, key=lambda k: (k.created_at, k.id))

    def revoke_key(self, key_id: str, at: datetime, event: AuditEvent) -> ApiKey | None:
        with self._writing() as db:
            for doc_id, doc in table_docs(db, "keys").items():
                if doc["id"] != key_id:
                    continue
                key = ApiKey.model_validate(doc)
                if key.revoked_at is not None:
                    return key
                revoked = key.model_copy(update={"revoked_at": at})
                self._put(db, "keys", doc_id, revoked.model_dump(mode="json"), event)
                return revoked
        return None
