"""The service's Ed25519 signing keys, kept in a key folder outside the data folder.

The key signs decisions when they are made and the checkpoints of the audit log, so that whoever can edit
the data folder (or the log) cannot forge either. Layout::

    <key folder>/
      signing-key.pem      the current private key (mode 0600)
      public-keys.json     every key that ever signed: its public key, full SHA-256 fingerprint, dates
      checkpoints.jsonl    the signed checkpoints of the audit log's head (audit_file.py)
      .lock                held while the key is rotated

Rotation writes the new public key to the list first, then replaces the private key, then marks the old
one retired: a crash leaves at worst a listed key that never signed. A running server notices the replaced
key file and signs with the new key from then on; old records keep verifying with the key that signed them.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import ValidationError

from compliance.domain.base import Frozen
from compliance.i18n.said import said
from compliance.storage.atomic_files import atomic_write, fsync_dir, open_private, private_dir
from compliance.storage.errors import StoreError
from compliance.storage.records import AuditEvent

PRIVATE_KEY_FILE = "signing-key.pem"
PUBLIC_KEYS_FILE = "public-keys.json"
CHECKPOINTS_FILE = "checkpoints.jsonl"
ALGORITHM = "ed25519"


class KeyFolderError(StoreError):
    """The key folder is missing, unreadable or readable by others."""


def default_key_dir(data_dir: Path) -> Path:
    """`<data folder>-keys`, beside the data folder and never inside it (`./data` -> `./data-keys`)."""
    root = data_dir.resolve()
    return root.parent / f"{root.name}-keys"


def fingerprint_of(public_key_b64: str) -> str:
    """The full SHA-256 of the raw public key: `sha256:` and 64 hex digits."""
    return "sha256:" + hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()


class SigningKey:
    """One Ed25519 private key."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.public_key_b64 = base64.b64encode(raw).decode()
        self.fingerprint = fingerprint_of(self.public_key_b64)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    def sign(self, message: str) -> str:
        return base64.b64encode(self._private.sign(message.encode())).decode()

    def pem(self) -> bytes:
        return self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )


def verify_signature(public_key_b64: str, message: str, signature_b64: str) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64))
        public.verify(base64.b64decode(signature_b64), message.encode())
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


class PublishedKey(Frozen):
    """A key as published: what a verifier pins (its fingerprint) and when it signed."""

    algorithm: str = ALGORITHM
    public_key: str
    fingerprint: str
    created_at: datetime
    retired_at: datetime | None = None

    @classmethod
    def of(cls, key: SigningKey, created_at: datetime) -> PublishedKey:
        return cls(public_key=key.public_key_b64, fingerprint=key.fingerprint, created_at=created_at)


class KeyRing:
    """The current signing key and every published key. `folder=None` keeps them in memory only (a store
    that keeps nothing)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._current: SigningKey | None = None
        self._seen: tuple[int, int] | None = None
        self._published: list[PublishedKey] = []
        if folder is None:
            self._current = SigningKey.generate()
            self._published = [PublishedKey.of(self._current, datetime.now(UTC))]
            return
        with self._locked():
            if not (folder / PRIVATE_KEY_FILE).exists():
                self._install(SigningKey.generate())
        self.current()

    @classmethod
    def ephemeral(cls) -> KeyRing:
        return cls(None)

    # -- reading -----------------------------------------------------------------------------------------
    def current(self) -> SigningKey:
        """The key new signatures are made with, reloaded when the key file was replaced (a rotation)."""
        with self._lock:
            if self.folder is None:
                assert self._current is not None
                return self._current
            path = self.folder / PRIVATE_KEY_FILE
            try:
                st = path.stat()
            except FileNotFoundError:
                raise KeyFolderError(said("key_missing", path=path)) from None
            if self._current is None or self._seen != (st.st_ino, st.st_mtime_ns):
                if st.st_mode & 0o077:
                    raise KeyFolderError(said("key_too_open", path=path))
                key = serialization.load_pem_private_key(path.read_bytes(), password=None)
                if not isinstance(key, Ed25519PrivateKey):
                    raise KeyFolderError(said("key_not_ed25519", path=path))
                self._current = SigningKey(key)
                self._seen = (st.st_ino, st.st_mtime_ns)
            return self._current

    def published(self) -> list[PublishedKey]:
        """Every key that signed, oldest first."""
        if self.folder is None:
            return list(self._published)
        return read_published(self.folder)

    def public_key(self, fingerprint: str) -> str | None:
        return next((k.public_key for k in self.published() if k.fingerprint == fingerprint), None)

    @property
    def checkpoints_path(self) -> Path | None:
        return None if self.folder is None else self.folder / CHECKPOINTS_FILE

    # -- changing ----------------------------------------------------------------------------------------
    def rotate(self) -> tuple[PublishedKey, PublishedKey]:
        """A new current key; the old one is retired (still published, never used to sign again)."""
        if self.folder is None:
            old = self.current()
            new = SigningKey.generate()
            now = datetime.now(UTC)
            with self._lock:
                self._published = [
                    k.model_copy(update={"retired_at": now}) if k.fingerprint == old.fingerprint else k
                    for k in self._published
                ] + [PublishedKey.of(new, now)]
                self._current = new
            return self._published[-2], self._published[-1]
        with self._locked():
            old = self.current()
            new = SigningKey.generate()
            self._install(new)
            now = datetime.now(UTC)
            keys = [
                k.model_copy(update={"retired_at": now}) if k.fingerprint == old.fingerprint else k
                for k in read_published(self.folder)
            ]
            self._write_published(keys)
        self.current()
        by_print = {k.fingerprint: k for k in keys}
        return by_print[old.fingerprint], by_print[new.fingerprint]

    def retire_foreign(self, public_key_b64: str, created_at: datetime) -> PublishedKey:
        """Publish a key that signed before this folder existed (it stays only to verify old records)."""
        assert self.folder is not None
        with self._locked():
            keys = read_published(self.folder)
            fp = fingerprint_of(public_key_b64)
            found = next((k for k in keys if k.fingerprint == fp), None)
            if found is None:
                now = datetime.now(UTC)
                found = PublishedKey(
                    public_key=public_key_b64, fingerprint=fp, created_at=created_at, retired_at=now
                )
                self._write_published([found, *keys])
            return found

    @contextmanager
    def _locked(self) -> Iterator[None]:
        assert self.folder is not None
        try:
            private_dir(self.folder)
        except OSError as exc:
            raise KeyFolderError(said("key_folder_failed", folder=self.folder, reason=exc.strerror)) from None
        with open_private(self.folder / ".lock") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            yield

    def _install(self, key: SigningKey) -> None:
        """Publish the key, then make it current; call with the folder's lock held."""
        assert self.folder is not None
        keys = read_published(self.folder)
        if all(k.fingerprint != key.fingerprint for k in keys):
            self._write_published([*keys, PublishedKey.of(key, datetime.now(UTC))])
        atomic_write(self.folder / PRIVATE_KEY_FILE, key.pem())  # created with mode 0600
        fsync_dir(self.folder)

    def _write_published(self, keys: list[PublishedKey]) -> None:
        assert self.folder is not None
        data = [k.model_dump(mode="json") for k in keys]
        atomic_write(self.folder / PUBLIC_KEYS_FILE, (json.dumps(data, indent=2) + "\n").encode())


def published_key_events(keys: KeyRing) -> list[AuditEvent]:
    """One audit event per published key, its id derived from the key: appending the missing ones logs a
    rotation (or a first key) exactly once, even if the process died between the change and its entry."""
    return [
        AuditEvent(
            event_id="evt_" + k.fingerprint.removeprefix("sha256:")[:24],
            actor="system",
            action="signing_key.published",
            target=k.fingerprint,
        )
        for k in keys.published()
    ]


def read_published(folder: Path) -> list[PublishedKey]:
    path = folder / PUBLIC_KEYS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [PublishedKey.model_validate(k) for k in raw]
    except FileNotFoundError:
        return []
    except (ValueError, ValidationError, TypeError):
        raise KeyFolderError(said("published_unreadable", path=path)) from None
