"""An append-only file of JSON lines shared by processes: each append takes an exclusive file lock, reads
the last whole record under it and is fsynced. A line torn by a crash (no final newline) is moved to the
quarantine folder before the next append, so the file always continues from a whole record."""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from compliance.i18n.said import said
from compliance.storage.atomic_files import fsync_dir, set_aside_tail, write_fully
from compliance.storage.errors import StoreCorrupted

_TAIL_BYTES = 64 * 1024


class JsonLinesFile:
    def __init__(self, path: Path, quarantine_dir: Path) -> None:
        self.path = path
        self.quarantine_dir = quarantine_dir
        self._lock = threading.Lock()
        self._known: tuple[int, dict[str, Any] | None] | None = None  # (file size, its last record)

    @contextmanager
    def locked(self) -> Iterator[int]:
        """The file open for appending, under this process's lock and the exclusive file lock."""
        with self._lock:
            existed = self.path.exists()
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                if not existed:
                    fsync_dir(self.path.parent)
                yield fd
            finally:
                os.close(fd)

    def last(self, fd: int) -> dict[str, Any] | None:
        """The last whole record (None for an empty file); call inside `locked`."""
        size = os.fstat(fd).st_size
        if self._known is not None and self._known[0] == size:
            return self._known[1]
        start = max(0, size - _TAIL_BYTES)
        chunk = os.pread(fd, size - start, start)
        if chunk and not chunk.endswith(b"\n"):
            cut = chunk.rfind(b"\n")
            torn_from = start + cut + 1 if cut >= 0 else start
            set_aside_tail(fd, torn_from, size, self.quarantine_dir, f"{self.path.name}.torn-tail.")
            size = torn_from
            chunk = chunk[: cut + 1] if cut >= 0 else b""
        record: dict[str, Any] | None = None
        if chunk:
            try:
                record = json.loads(chunk.rstrip(b"\n").rsplit(b"\n", 1)[-1])
            except ValueError:
                record = None
            if not isinstance(record, dict):
                raise StoreCorrupted(self.path, said("bad_last_record"), None)
        self._known = (size, record)
        return record

    def write(self, fd: int, record: dict[str, Any]) -> None:
        """Append one record and fsync; call inside `locked`, after `last`."""
        self.write_all(fd, [record])

    def write_all(self, fd: int, records: list[dict[str, Any]]) -> None:
        """Append records in one write and one fsync; call inside `locked`, after `last`."""
        text = "".join(
            json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
            for record in records
        )
        write_fully(fd, text.encode())
        os.fsync(fd)
        self._known = (os.fstat(fd).st_size, records[-1])

    def lines(self) -> list[str]:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return text.splitlines()
