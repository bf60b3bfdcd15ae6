"""A project's versions appended to one file, `versions.journal` in its folder: a record for each new version
and for each change of a version's review, written with one write and one fsync whatever the project holds.

A record is a line of JSON (the version's summary document and the audit events of the change) followed, for
a new version, by its payload (the compressed submission and assessment, `codec.version_payload`) and a
newline; the line gives the payload's size. A later record of the same number replaces the summary (a review
changed); the payload stays the one first written. The events stay in the file: at start the audit log is
given those it lacks (the project file's outbox, in append-only form).

A crash mid-append leaves the file ending inside its last record: that record was never acknowledged (the
answer follows the fsync), so a reader ignores it and the server, the only writer, sets it aside in the
quarantine folder and cuts it off when it opens the file. A whole record that cannot be read is damage, never
cut: the project is refused. Projects stored before the journal keep their earlier summaries in project.json
and their payloads in `v<n>.json.zst` files; both are still read, and later changes are appended here.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tinydb import TinyDB

from compliance.i18n.said import said
from compliance.storage.atomic_files import fsync_dir, quarantine, set_aside_tail, write_fully
from compliance.storage.errors import StoreCorrupted
from compliance.storage.records import AuditEvent
from compliance.storage.tinydb_files import PAYLOAD_SUFFIX, TinyFiles, table_docs

JOURNAL_FILE = "versions.journal"


def torn_tail_prefix(project_id: str) -> str:
    """How the quarantine folder names the torn tails set aside from a project's journal."""
    return f"{project_id}.{JOURNAL_FILE}.torn-tail."


@dataclass(frozen=True)
class Record:
    doc: dict[str, Any]  # the version's summary document, as in project.json
    events: list[dict[str, Any]]  # the audit events of the change
    payload: tuple[int, int] | None  # (offset, size) of the new version's payload in the file


def record_bytes(doc: dict[str, Any], events: Iterable[AuditEvent], payload: bytes | None) -> bytes:
    head: dict[str, Any] = {"version": doc, "events": [e.model_dump(mode="json") for e in events]}
    if payload is None:
        return _line(head)
    head["payload"] = len(payload)
    return b"".join((_line(head), payload, b"\n"))


def _line(value: dict[str, Any]) -> bytes:
    """Compact JSON has no raw newline: a record's line is whole exactly when its newline was written."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False) + "\n"
    ).encode()


def scan(fh: BinaryIO, size: int, path: Path) -> tuple[list[Record], int]:
    """The whole records among the first `size` bytes of a journal, and where the last of them ends (`size`
    unless the file ends inside a record). Payloads are skipped, not read. Raises StoreCorrupted on a whole
    record that cannot be read."""
    records: list[Record] = []
    at = 0
    fh.seek(0)
    while at < size:
        line = fh.readline(size - at)
        if not line.endswith(b"\n"):
            break  # the line of a record cut short
        start = at + len(line)
        try:
            head = json.loads(line)
            doc, events, length = head["version"], head["events"], head.get("payload")
            if not (isinstance(doc, dict) and isinstance(doc["number"], int) and isinstance(events, list)):
                raise TypeError
            if length is not None and not (isinstance(length, int) and length >= 0):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            raise StoreCorrupted(
                path, said("store_not_json", error=f"record {len(records) + 1}"), None
            ) from None
        if length is None:
            records.append(Record(doc, events, None))
            at = start
            continue
        if start + length + 1 > size:
            break  # its payload cut short
        fh.seek(start + length)
        if fh.read(1) != b"\n":
            raise StoreCorrupted(path, said("store_not_json", error=f"record {len(records) + 1}"), None)
        records.append(Record(doc, events, (start, length)))
        at = start + length + 1
    return records, at


def read_whole(path: Path) -> tuple[list[Record], bytes]:
    """For a reader in another process than the server (the backup): the whole records and their bytes."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], b""
    records, end = scan(io.BytesIO(data), len(data), path)
    return records, data[:end]


class ProjectVersions:
    """A project's versions as the server holds them open: the summary documents by number (project.json's,
    then the journal's), where each payload is and the idempotency keys. Call with the project's lock held."""

    def __init__(
        self,
        folder: Path,
        db: TinyDB,
        files: TinyFiles,
        *,
        with_events: bool = False,
        logged: Callable[[], set[str]] | None = None,
    ) -> None:
        """`with_events`: keep the events of every record (`events`), for the start-up's check of the log.
        `logged`: the event ids the audit log holds, to tell a torn tail from a whole record damaged."""
        self.folder = folder
        self.db = db  # project.json: the metadata, the summaries written before the journal, an outbox
        self.path = folder / JOURNAL_FILE
        self.files = files
        self.docs: dict[int, dict[str, Any]] = {
            int(d["number"]): d for d in table_docs(db, "versions").values()
        }
        self.payloads: dict[int, tuple[int, int]] = {}
        self.events: list[dict[str, Any]] | None = [] if with_events else None
        self.unlogged: list[AuditEvent] = []  # written, but their append to the log failed
        self.broken = False  # a failed append: the open state is dropped and the file read again
        self.size = 0
        self._fd: int | None = None
        self._logged = logged
        if self.path.exists():
            try:
                self._load()
            except StoreCorrupted as exc:
                self.close()
                kept = quarantine(self.path, files.quarantine, files.root)
                raise StoreCorrupted(exc.path, exc.reason, kept) from None
            except BaseException:
                self.close()
                raise
        self.keys = {d["idempotency_key"]: n for n, d in self.docs.items() if d.get("idempotency_key")}

    def _load(self) -> None:
        fd = self._descriptor()
        size = os.fstat(fd).st_size
        with open(fd, "rb", closefd=False) as fh:
            records, end = scan(fh, size, self.path)
        if end < size:
            if self._was_logged(os.pread(fd, size - end, end)):
                raise StoreCorrupted(
                    self.path, said("store_not_json", error=f"record {len(records) + 1}"), None
                )
            # a record cut short by a crash (never acknowledged): its bytes go to the quarantine folder
            set_aside_tail(fd, end, size, self.files.quarantine, torn_tail_prefix(self.folder.name))
        for record in records:
            number = int(record.doc["number"])
            self.docs[number] = record.doc
            if record.payload is not None:
                self.payloads[number] = record.payload
            if self.events is not None:
                self.events += record.events
        self.size = end

    def _was_logged(self, tail: bytes) -> bool:
        """Whether a record that looks cut short has an event in the audit log: its append was then whole
        (the log follows the fsync) and acknowledged, so what shortened it is damage, never to be cut. A line
        without its newline counts too: a torn one never parses, and one whole but for it is told by the log."""
        line = tail.partition(b"\n")[0]
        if self._logged is None:
            return False
        try:
            events = json.loads(line)["events"]
            ids = {e["event_id"] for e in events}
        except (ValueError, KeyError, TypeError):
            return False
        return not ids.isdisjoint(self._logged())

    def _descriptor(self) -> int:
        if self._fd is None:
            existed = self.path.exists()
            self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            if not existed:
                fsync_dir(self.folder)
        return self._fd

    def append(self, doc: dict[str, Any], events: list[AuditEvent], payload: bytes | None = None) -> None:
        """Write a record and fsync it; the summary is then the version's. A failed write is undone."""
        data = record_bytes(doc, events, payload)
        fd = self._descriptor()
        start = self.size
        try:
            write_fully(fd, data)
            os.fdatasync(fd)
        except BaseException:
            self.broken = True
            with contextlib.suppress(OSError):  # else cut when the file is opened again
                os.ftruncate(fd, start)
            raise
        self.size = start + len(data)
        number = int(doc["number"])
        self.docs[number] = doc
        if payload is not None:
            self.payloads[number] = (self.size - len(payload) - 1, len(payload))
        if doc.get("idempotency_key"):
            self.keys[doc["idempotency_key"]] = number

    def payload_path(self, number: int) -> Path:
        """The file a version's payload is in: the journal, or its own file from before the journal."""
        return self.path if number in self.payloads else self.folder / f"v{number}{PAYLOAD_SUFFIX}"

    def payload(self, number: int) -> bytes:
        """A version's payload (FileNotFoundError when missing)."""
        where = self.payloads.get(number)
        if where is None:
            return self.payload_path(number).read_bytes()
        offset, length = where
        parts, fd = [], self._descriptor()
        while length > 0:
            chunk = os.pread(fd, length, offset)
            if not chunk:
                raise FileNotFoundError(self.path)
            parts.append(chunk)
            offset, length = offset + len(chunk), length - len(chunk)
        return b"".join(parts)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self.db.close()
