"""The audit log as a file: one JSON entry a line, appended and fsynced, chained by hashes, and after each
append a checkpoint of the head signed with the service's key into the key folder.

The server and the admin commands may both append: each append holds the log's exclusive file lock from
reading the previous entry's hash until its checkpoint is written, so checkpoints follow the log's order.
Events appended by several threads at once are written together (group commit): one write and one fsync
of the log for all of them, then one signed checkpoint of the last, which pins every entry before it.
"""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from compliance.i18n.said import said
from compliance.storage.audit_chain import GENESIS, make_checkpoint, seal
from compliance.storage.errors import StoreCorrupted
from compliance.storage.faults import crash_point
from compliance.storage.jsonl_file import JsonLinesFile
from compliance.storage.records import AuditEntry, AuditEvent
from compliance.storage.signing_keys import KeyRing

_EVENT_ID = re.compile(rb'"event_id":"(evt_[0-9a-f]+)"')


class _Waiting:
    """An event waiting to be appended, and then its entry (or the error that stopped its batch)."""

    def __init__(self, event: AuditEvent) -> None:
        self.event = event
        self.entry: AuditEntry | None = None
        self.error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self.entry is not None or self.error is not None


class AuditLogFile:
    def __init__(self, path: Path, quarantine_dir: Path, keys: KeyRing | None = None) -> None:
        self.path = path
        self.keys = keys
        self._writer = threading.Lock()  # the thread writing a batch
        self._queue_lock = threading.Lock()
        self._queue: list[_Waiting] = []  # events waiting for the next batch
        self._log = JsonLinesFile(path, quarantine_dir)
        checkpoints = keys.checkpoints_path if keys is not None else None
        self._checkpoints = (
            JsonLinesFile(checkpoints, checkpoints.parent / "quarantine") if checkpoints is not None else None
        )
        with self._log.locked() as fd:
            self._tail(fd)  # sets aside a line torn by a crash, in the log and in the checkpoints
            if self._checkpoints is not None:
                with self._checkpoints.locked() as cfd:
                    self._checkpoints.last(cfd)

    def _tail(self, fd: int) -> tuple[int, str]:
        last = self._log.last(fd)
        if last is None:
            return 0, GENESIS
        try:
            return int(last["seq"]), str(last["hash"])
        except (ValueError, KeyError, TypeError):
            raise StoreCorrupted(self.path, said("bad_last_audit_entry"), None) from None

    def append(self, event: AuditEvent) -> AuditEntry:
        """Append the event once it is in the log (with the events of other threads waiting meanwhile)."""
        waiting = _Waiting(event)
        with self._queue_lock:
            self._queue.append(waiting)
        with self._writer:
            if not waiting.done:
                with self._queue_lock:
                    batch, self._queue = self._queue, []
                try:
                    for written, entry in zip(batch, self._append_all([w.event for w in batch]), strict=True):
                        written.entry = entry
                except BaseException as exc:
                    for written in batch:
                        written.error = exc
                    raise
        if waiting.error is not None:
            raise waiting.error
        assert waiting.entry is not None
        return waiting.entry

    def _append_all(self, events: list[AuditEvent]) -> list[AuditEntry]:
        with self._log.locked() as fd:
            seq, prev = self._tail(fd)
            entries = []
            for event in events:
                entry = seal(event, seq + 1, datetime.now(UTC), prev)
                seq, prev = entry.seq, entry.hash
                entries.append(entry)
            self._log.write_all(fd, [e.model_dump(mode="json") for e in entries])
            crash_point("audit:appended")
            if self._checkpoints is not None and self.keys is not None:
                with self._checkpoints.locked() as cfd:
                    self._checkpoints.last(cfd)  # sets aside a checkpoint torn by a crash
                    self._checkpoints.write(cfd, make_checkpoint(entries[-1], self.keys.current()))
            return entries

    def append_missing(self, events: list[AuditEvent]) -> list[AuditEvent]:
        """Append the events the log does not hold yet (found by their event ids), in order: the recovery
        of changes stored before a crash cut their audit entry short. Returns those appended."""
        if not events:
            return []
        with self._log.locked():
            present = self.event_ids()
        missing = [e for e in events if e.event_id not in present]
        for event in missing:
            self.append(event)
        return missing

    def event_ids(self) -> set[str]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return set()
        return {m.decode() for m in _EVENT_ID.findall(data)}

    def find(self, event_id: str) -> AuditEntry | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        at = data.rfind(f'"event_id":"{event_id}"'.encode())
        if at < 0:
            return None
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        return AuditEntry.model_validate_json(data[start : end if end >= 0 else len(data)])

    def raw_lines(self) -> list[str]:
        return self._log.lines()

    def checkpoint_lines(self) -> list[str]:
        return self._checkpoints.lines() if self._checkpoints is not None else []

    def entries(self) -> list[AuditEntry]:
        out = []
        for number, line in enumerate(self.raw_lines(), start=1):
            try:
                out.append(AuditEntry.model_validate_json(line))
            except ValidationError:
                raise StoreCorrupted(self.path, said("bad_audit_entry", line=number), None) from None
        return out
