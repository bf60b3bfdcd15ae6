"""Changes and their audit events written together: the transactional outbox of the TinyDB files.

A change to a store file and the audit events that record it are written in one atomic write (the events
in the file's outbox table); the events are appended to the audit log after, then dropped from the outbox at
the file's next write. If the process dies in between, the start-up appends every outbox event the log
does not hold yet (`AuditLogFile.append_missing`, by event id): a change that was stored always ends up
with its entry, and one that was not stored never has one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from tinydb import TinyDB
from tinydb.storages import Storage

from compliance.storage.atomic_files import DeferredJSONStorage
from compliance.storage.faults import crash_point
from compliance.storage.records import AuditEntry, AuditEvent

OUTBOX = "_audit_outbox"

# table -> doc id -> the new document, or None to remove it
Changes = Mapping[str, Mapping[str, dict[str, Any] | None]]


class EventLog(Protocol):
    """What the outbox needs of the audit log (the log file, or the memory log of the tests)."""

    def append(self, event: AuditEvent) -> AuditEntry: ...

    def append_missing(self, events: list[AuditEvent]) -> list[AuditEvent]: ...


class Outbox:
    def __init__(self, audit: EventLog) -> None:
        self.audit = audit
        self._lock = threading.Lock()
        self._appended: set[str] = set()  # outbox events known to be in the log

    def commit(self, db: TinyDB, changes: Changes, events: Iterable[AuditEvent], *, point: str) -> None:
        """Write the changes and the events in one atomic write of the file behind `db`."""
        data = db.storage.read() or {}
        new = dict(data)
        for table, docs in changes.items():
            rows = dict(new.get(table, {}))
            for doc_id, doc in docs.items():
                if doc is None:
                    rows.pop(doc_id, None)
                else:
                    rows[doc_id] = doc
            new[table] = rows
        self.write(db.storage, new, events, point=point)
        for cached in db._tables.values():  # documents were written under TinyDB's tables: drop their caches
            cached._next_id = None
            cached.clear_cache()

    def write(
        self, storage: Storage, data: dict[str, Any], events: Iterable[AuditEvent], *, point: str
    ) -> None:
        """Write `data` (a file's whole content) with the events added to its outbox, in one atomic write;
        the outbox events already in the log are dropped."""
        with self._lock:
            outbox = {k: v for k, v in data.get(OUTBOX, {}).items() if k not in self._appended}
            self._appended.difference_update(data.get(OUTBOX, {}).keys() - outbox.keys())
        for event in events:
            outbox[event.event_id] = event.model_dump(mode="json")
        storage.write({**data, OUTBOX: outbox})
        if isinstance(storage, DeferredJSONStorage):
            storage.flush()  # an index keeps changes in memory; an intent must be on disk at once
        crash_point(point)

    def publish(self, events: Iterable[AuditEvent]) -> list[AuditEntry]:
        """Append committed events to the log."""
        entries = []
        for event in events:
            entries.append(self.audit.append(event))
            with self._lock:
                self._appended.add(event.event_id)
        return entries

    def pending(self, db: TinyDB | Storage) -> list[AuditEvent]:
        """The events of a file's outbox that are not known to be in the log."""
        data = (db.storage if isinstance(db, TinyDB) else db).read() or {}
        with self._lock:
            docs = [v for k, v in data.get(OUTBOX, {}).items() if k not in self._appended]
        return [AuditEvent.model_validate(d) for d in docs]

    def recover(self, events: list[AuditEvent]) -> list[AuditEvent]:
        """At start: append what the log lacks; everything in the outboxes is then in the log."""
        missing = self.audit.append_missing(events)
        with self._lock:
            self._appended.update(e.event_id for e in events)
        return missing
