"""Durable file writes and the quarantine of unreadable files.

A write goes to a temporary file in the same folder, which is fsynced, renamed over the target with
`os.replace` and followed by an fsync of the folder: a crash leaves either the old file or the new one,
never a torn one. A file rewritten on every change (a project's file) instead keeps a spare beside it and
swaps the two (`atomic_rewrite`): the same guarantee without creating and freeing a file each time, which
costs most of a write's system time on ext4. A file that cannot be parsed is copied, bytes intact, into the
quarantine folder.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from tinydb.storages import Storage

from compliance.i18n.said import Said, said
from compliance.storage.errors import StoreCorrupted

TEMP_SUFFIX = ".tmp"
SPARE_SUFFIX = ".spare"


def private_dir(folder: Path) -> None:
    """Create a folder only its owner may enter (0700), or make an existing one so."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)


def open_private(path: Path) -> IO[str]:
    """Open a small text file (a lock file) for appending, readable by its owner only."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "a")


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_fully(fd: int, data: bytes) -> None:
    """`os.write` until every byte is written (a write may take fewer)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def set_aside_tail(fd: int, start: int, end: int, quarantine_dir: Path, prefix: str) -> None:
    """Cut an append-only file's torn tail (bytes `start` to `end`, never acknowledged) after copying them into
    the quarantine folder as `<prefix><time>`."""
    torn = os.pread(fd, end - start, start)
    private_dir(quarantine_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    atomic_write(quarantine_dir / f"{prefix}{stamp}", torn)
    os.ftruncate(fd, start)
    os.fsync(fd)


def atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}{TEMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            write_fully(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def _load_renameat2() -> Callable[..., int] | None:
    try:
        return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc >= 2.28
    except OSError:
        return None


_renameat2 = _load_renameat2()
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`); False where the system or
    the file system cannot, or when `b` does not exist yet."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.ENOENT, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


def spare_of(path: Path) -> Path:
    return path.with_name(f".{path.name}{SPARE_SUFFIX}")


def atomic_rewrite(path: Path, data: bytes) -> None:
    """`atomic_write` for a file rewritten again and again by one writer at a time (the caller holds its
    lock): the new content goes into a spare file kept beside it, fsynced, then the two names are swapped
    and the folder fsynced. A crash leaves the old file or the new one; the spare then holds the previous
    content, to be overwritten by the next write. A reader in another process (the backup) holds a shared
    lock on the file it reads; a spare so held is not overwritten: that write takes a new temporary file."""
    spare = spare_of(path)
    fd = os.open(spare, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            fd = -1
            atomic_write(path, data)
            return
        view = memoryview(data)
        offset = 0
        while offset < len(view):
            offset += os.pwrite(fd, view[offset:], offset)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
        if not _exchange(spare, path):
            os.replace(spare, path)  # the first write, or no exchange here: the spare becomes the file
    finally:
        if fd >= 0:
            os.close(fd)
    fsync_dir(path.parent)


def read_shared(path: Path) -> bytes:
    """A file's bytes read under a shared lock, for a reader in another process than its writer: the
    writer of `atomic_rewrite` does not reuse an inode so held (see there). An inode that became the spare
    between the open and the lock may have been rewritten (or torn by a crash) meanwhile: opened again."""
    while True:
        with open(path, "rb") as fh:
            fcntl.flock(fh, fcntl.LOCK_SH)
            if os.fstat(fh.fileno()).st_ino == os.stat(path).st_ino:
                return fh.read()


def remove_durably(path: Path) -> None:
    path.unlink(missing_ok=True)
    fsync_dir(path.parent)


def remove_stale_temp_files(root: Path) -> None:
    """Temporary files left by a crash mid-write: never the acknowledged state, so safe to drop."""
    for tmp in root.rglob(f".*{TEMP_SUFFIX}"):
        tmp.unlink(missing_ok=True)


def quarantine(path: Path, quarantine_dir: Path, root: Path) -> Path | None:
    """Copy the file's bytes into the quarantine folder and return where; None if even that failed."""
    try:
        relative = path.resolve().relative_to(root.resolve())
    except ValueError:
        relative = Path(path.name)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = quarantine_dir / f"{'__'.join(relative.parts)}.{stamp}.corrupt"
    try:
        private_dir(quarantine_dir)
        atomic_write(target, path.read_bytes())  # 0600, like every store file
    except OSError:
        return None
    return target


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _is_tinydb_document(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


def read_document(raw: bytes) -> tuple[dict[str, dict[str, Any]], Said | None]:
    """A store file's tables, or why it is unreadable (what a store refuses to open, a backup refuses)."""
    if not raw.strip():
        return {}, said("store_truncated")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return {}, said("store_not_json", error=exc)
    if not _is_tinydb_document(data):
        return {}, said("store_not_document")
    return data, None


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and durably, keeps the last state in memory (this process
    is the only writer) and refuses, rather than empties, a file it cannot parse."""

    def __init__(self, path: str, quarantine_dir: Path, root: Path) -> None:
        self.path = Path(path)
        self.quarantine_dir = quarantine_dir
        self.root = root
        self._cache: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._cache is not None:
            return self._cache
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        data, reason = read_document(raw)
        if reason is not None:
            raise StoreCorrupted(self.path, reason, quarantine(self.path, self.quarantine_dir, self.root))
        self._cache = data
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            self._put(self.path, self._encoded(data))
        except BaseException:
            self._cache = None  # TinyDB changed the cached tables in place: re-read what is on disk
            raise
        self._cache = data

    def _encoded(self, data: dict[str, dict[str, Any]]) -> bytes:
        return _json(data).encode()

    def close(self) -> None:
        self._cache = None

    _put = staticmethod(atomic_write)


class RewrittenJSONStorage(AtomicJSONStorage):
    """For a file rewritten on every change under its writer's lock (a project's file): `atomic_rewrite`.

    Its changes replace documents, never edit one in place (`Outbox.commit` writes a new top-level dict with
    new documents for those that change), so the JSON of every document written is kept, by the document
    itself, and a rewrite encodes only the new ones: a project's file holds a summary per version, and
    encoding them all again made each submission cost more than the one before. The bytes are those of one
    `json.dumps` of the whole. A write through TinyDB's own tables (which edit the cached data in place)
    encodes everything again."""

    _put = staticmethod(atomic_rewrite)

    def __init__(self, path: str, quarantine_dir: Path, root: Path) -> None:
        super().__init__(path, quarantine_dir, root)
        self._texts: dict[tuple[str, str], tuple[Any, str]] = {}  # (table, doc id) -> (document, its JSON)
        self._next: dict[tuple[str, str], tuple[Any, str]] = {}

    def _encoded(self, data: dict[str, dict[str, Any]]) -> bytes:
        if data is self._cache or not all(
            isinstance(table, str) and isinstance(docs, dict) and all(isinstance(k, str) for k in docs)
            for table, docs in data.items()
        ):
            self._next = {}
            return super()._encoded(data)
        known, texts = self._texts, {}
        tables = []
        for table, docs in data.items():
            parts = []
            for key, doc in docs.items():
                seen = known.get((table, key))
                text = seen[1] if seen is not None and seen[0] is doc else _json(doc)
                texts[(table, key)] = (doc, text)
                parts.append(f"{_json(key)}:{text}")
            tables.append(f"{_json(table)}:{{{','.join(parts)}}}")
        self._next = texts
        return f"{{{','.join(tables)}}}".encode()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            super().write(data)
        except BaseException:
            self._texts = {}
            raise
        self._texts, self._next = self._next, {}

    def close(self) -> None:
        self._texts = {}
        super().close()


class DeferredJSONStorage(AtomicJSONStorage):
    """For derived data (an organisation's index): changes stay in memory until `flush`, which writes
    atomically. Whatever was not flushed before a crash is rebuilt from the files it derives from."""

    def __init__(self, path: str, quarantine_dir: Path, root: Path) -> None:
        super().__init__(path, quarantine_dir, root)
        self._dirty = False

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._cache = data
        self._dirty = True

    def flush(self) -> None:
        if self._dirty and self._cache is not None:
            super().write(self._cache)
            self._dirty = False

    def close(self) -> None:
        self.flush()
        super().close()
