"""The embedded default store: TinyDB files under one data folder, written atomically.

Layout (no write touches more than one project's file and its organisation's index)::

    data/
      .server.lock                  held by the one server process for its lifetime
      access.json, access.lock      organisations and API keys (the admin commands write it, under the lock)
      audit.log                     the hash-chained audit log (audit_file.py); its signed checkpoints
                                    and the signing key live in the key folder, outside this one
      webhooks.json                 webhooks and the outbox of their deliveries (webhooks.py)
      events.jsonl                  recent notifications, one line each (shown in the app)
      web/<table>.json, .lock       the web app's users, tokens, sessions and failed sign-in counters
      packs/<hash>.json             the rule packs stored assessments name (pack_store.py)
      orgs/<org>/index.json         one compact summary per project of the organisation
      orgs/<org>/drafts.json        the organisation's questionnaire drafts (accounts.py)
      orgs/<org>/projects/<id>/project.json      one project's metadata (and, from before the journal,
                                                 its versions' summaries)
      orgs/<org>/projects/<id>/versions.journal  its versions, appended: per new version one record of
                                                 its summary, its audit event and its payload (the
                                                 submission and assessment, compressed); per review
                                                 change one record of the new summary and its events
      orgs/<org>/projects/<id>/v<n>.json.zst     a version's payload as stored before the journal
      quarantine/                   bytes of any file found unreadable

A submission appends one record to its project's journal (one write, one fsync) and changes the organisation
index in memory: nothing is rewritten, so its cost grows neither with the store nor with the project. TinyDB
is not thread-safe, so every call holds the repository's lock. The project's files are the truth; the index
is derived from them and repaired at start if a crash fell between the writes.

Every change is written together with its audit events (the outbox of each file, outbox.py, or the record
of the journal, version_journal.py) and the events are appended to the log after, under the same locks; the start-up appends whatever a crash kept
out of the log. An erasure writes its tombstone into the organisation's index before removing the project
(the intent): the start-up finishes an erasure cut short and logs its tombstone.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from compliance.i18n.said import said
from compliance.storage.accounts import tinydb_accounts
from compliance.storage.atomic_files import open_private, private_dir, remove_durably
from compliance.storage.audit_file import AuditLogFile
from compliance.storage.errors import StoreLocked
from compliance.storage.outbox import Outbox
from compliance.storage.pack_store import PACKS_DIR, FilePacks
from compliance.storage.protocol import Store
from compliance.storage.signing_keys import KeyRing, SigningKey, default_key_dir, published_key_events
from compliance.storage.tinydb_access import TinyDBAccess
from compliance.storage.tinydb_files import QUARANTINE
from compliance.storage.tinydb_projects import TinyDBProjects
from compliance.storage.webhooks import TinyDBWebhooks


class ServerLock:
    """One process per data folder: a second server, or a second worker, is refused at start."""

    def __init__(self, root: Path) -> None:
        self._file: IO[str] | None = open_private(root / ".server.lock")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            self._file = None
            raise StoreLocked(said("store_locked", folder=root)) from None
        self._file.truncate(0)
        self._file.write(f"{os.getpid()}\n")
        self._file.flush()

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def prepare_data_dir(data_dir: Path) -> Path:
    """The data folder, created or made readable by its owner only (0700)."""
    root = data_dir.resolve()
    private_dir(root)
    return root


def open_admin_repositories(data_dir: Path, key_dir: Path | None = None) -> tuple[TinyDBAccess, AuditLogFile]:
    """What the admin commands need; safe while a server runs on the same folder. The key folder
    defaults to `<data folder>-keys` beside the data folder."""
    root = prepare_data_dir(data_dir)
    keys = KeyRing(key_dir.resolve() if key_dir is not None else default_key_dir(root))
    _retire_legacy_key(root, keys)
    audit = AuditLogFile(root / "audit.log", root / QUARANTINE, keys)
    audit.append_missing(published_key_events(keys))
    return TinyDBAccess(root, Outbox(audit)), audit


def _retire_legacy_key(root: Path, keys: KeyRing) -> None:
    """Earlier versions kept the decision key inside the data folder, where whoever edits the data could
    use it: its public key is published as retired (old exports still verify) and the file removed."""
    legacy = root / "keys" / "decision-signing-key.pem"
    if not legacy.is_file():
        return
    private = serialization.load_pem_private_key(legacy.read_bytes(), password=None)
    if isinstance(private, Ed25519PrivateKey):
        old = SigningKey(private)
        keys.retire_foreign(old.public_key_b64, datetime.fromtimestamp(legacy.stat().st_mtime, UTC))
    remove_durably(legacy)


def open_tinydb_store(data_dir: Path, key_dir: Path | None = None) -> Store:
    """Open the data folder for a server: take the process lock, check every file, repair the indexes
    and log what a crash kept out of the audit log."""
    root = prepare_data_dir(data_dir)
    lock = ServerLock(root)
    try:
        access, audit = open_admin_repositories(root, key_dir)
        projects = TinyDBProjects(root, Outbox(audit), audit.event_ids)
        accounts = tinydb_accounts(root, root / QUARANTINE, audit)
        webhooks = TinyDBWebhooks(root, root / QUARANTINE)
    except BaseException:
        lock.release()
        raise

    def close() -> None:
        projects.close()
        webhooks.close()
        lock.release()

    assert audit.keys is not None
    return Store(
        access=access,
        projects=projects,
        audit=audit,
        keys=audit.keys,
        description=f"tinydb:{root}",
        close=close,
        quarantined=projects.quarantined,
        accounts=accounts,
        packs=FilePacks(root / PACKS_DIR),
        webhooks=webhooks,
    )
