"""The audit log as a file: one JSON entry a line, appended and fsynced, chained by hashes.

The server and the admin commands may both append: each append takes an exclusive file lock and reads the
previous entry's hash under it. A line torn by a crash (no final newline) is moved to the quarantine
folder before the next append, so the chain always continues from a whole entry.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from compliance.storage.atomic_files import atomic_write, fsync_dir, private_dir
from compliance.storage.audit_chain import GENESIS, line_of, seal
from compliance.storage.errors import StoreCorrupted
from compliance.storage.records import AuditEntry, AuditEvent

_TAIL_BYTES = 64 * 1024


class AuditLogFile:
    def __init__(self, path: Path, quarantine_dir: Path) -> None:
        self.path = path
        self.quarantine_dir = quarantine_dir
        self._lock = threading.Lock()
        self._known: tuple[int, int, str] | None = None  # (file size, last seq, last hash)
        with self._lock:
            fd = self._open()
            try:
                self._tail(fd)
            finally:
                os.close(fd)

    def _open(self) -> int:
        existed = self.path.exists()
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        if not existed:
            fsync_dir(self.path.parent)
        return fd

    def _tail(self, fd: int) -> tuple[int, str]:
        """The last whole entry's seq and hash; called with the file lock held."""
        size = os.fstat(fd).st_size
        if self._known is not None and self._known[0] == size:
            return self._known[1], self._known[2]
        if size == 0:
            self._known = (0, 0, GENESIS)
            return 0, GENESIS
        start = max(0, size - _TAIL_BYTES)
        chunk = os.pread(fd, size - start, start)
        if not chunk.endswith(b"\n"):
            cut = chunk.rfind(b"\n")
            torn_from = start + cut + 1 if cut >= 0 else start
            self._set_aside(fd, torn_from, size)
            size = torn_from
            chunk = chunk[: cut + 1] if cut >= 0 else b""
            if size == 0:
                self._known = (0, 0, GENESIS)
                return 0, GENESIS
        lines = chunk.rstrip(b"\n").split(b"\n")
        try:
            last = json.loads(lines[-1])
            seq, digest = int(last["seq"]), str(last["hash"])
        except (ValueError, KeyError, TypeError):
            raise StoreCorrupted(self.path, "its last entry is not a valid audit entry", None) from None
        self._known = (size, seq, digest)
        return seq, digest

    def _set_aside(self, fd: int, start: int, end: int) -> None:
        torn = os.pread(fd, end - start, start)
        private_dir(self.quarantine_dir)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        atomic_write(self.quarantine_dir / f"audit.log.torn-tail.{stamp}", torn)
        os.ftruncate(fd, start)
        os.fsync(fd)

    def append(self, event: AuditEvent) -> AuditEntry:
        with self._lock:
            fd = self._open()
            try:
                seq, prev = self._tail(fd)
                entry = seal(event, seq + 1, datetime.now(UTC), prev)
                data = (line_of(entry) + "\n").encode()
                os.write(fd, data)
                os.fsync(fd)
                size = os.fstat(fd).st_size
                self._known = (size, entry.seq, entry.hash)
                return entry
            finally:
                os.close(fd)

    def raw_lines(self) -> list[str]:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return text.splitlines()

    def entries(self) -> list[AuditEntry]:
        out = []
        for number, line in enumerate(self.raw_lines(), start=1):
            try:
                out.append(AuditEntry.model_validate_json(line))
            except ValidationError:
                raise StoreCorrupted(self.path, f"line {number} is not a valid audit entry", None) from None
        return out
