"""What a backup copies of the data folder beside the projects and the audit log, and how it checks it.

Everything acknowledged to someone is copied: the web app's tables (`web/users.json`, `tokens.json`,
`sessions.json`, `attempts.json`: accounts, invitation and reset links, signed-in browsers, failed sign-in
counters), each organisation's drafts (`orgs/<org>/drafts.json`), the rule packs stored assessments name
(`packs/`: without them an assessment made by an earlier pack no longer reads), the webhooks with the outbox of
their deliveries (`webhooks.json`) and the recent events the app lists (`events.jsonl`). Left out: the locks
(`.server.lock`, `*.lock`), temporary and spare files of interrupted writes, the organisation indexes (rebuilt
from the project files when the copy is opened) and `quarantine/` (bytes already found unreadable, kept for
whoever investigates, never read back by the store). The signing key lives in the key folder, outside the data
folder, and is backed up apart.

These files are copied after the audit log and the projects, in the order the store writes: every one is
replaced atomically (never torn) and written before its change is logged; a pack is stored before any
assessment made with it; an event is recorded and its deliveries enqueued after its change is stored. So every
audit entry of the copy about an account, a draft or a webhook describes a change the copy holds, every
pack a copied assessment names is copied, and a delivery in the copy is of a change the copy holds.
`events.jsonl` is appended line by line (not atomically): it is copied up to its last whole line, as the store
reads it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from compliance.i18n.said import said
from compliance.storage.account_records import Draft, OneTimeToken, User, WebSession
from compliance.storage.accounts import tinydb_table_files
from compliance.storage.atomic_files import private_dir, read_document
from compliance.storage.errors import BackupFailed
from compliance.storage.outbox import OUTBOX
from compliance.storage.pack_store import PACKS_DIR, read_pack_document
from compliance.storage.webhook_records import Delivery, DeliveryState, Webhook
from compliance.storage.webhooks import EVENTS_FILE, WEBHOOKS_FILE, read_events

# The records of each table file, by its name (a table not named here is checked as a TinyDB file only).
_MODELS: dict[str, dict[str, type[BaseModel]]] = {
    "users.json": {"records": User},
    "tokens.json": {"records": OneTimeToken},
    "sessions.json": {"records": WebSession},
    "drafts.json": {"records": Draft},
    WEBHOOKS_FILE: {"webhooks": Webhook, "deliveries": Delivery},
}


@dataclass
class TablesReport:
    users: int = 0
    drafts: int = 0
    webhooks: int = 0
    pending: int = 0  # deliveries still to be made
    events: int = 0  # recent events, as the app lists them
    packs: int = 0


def whole_lines(data: bytes) -> bytes:
    """`data` up to its last newline: a line being appended is left out."""
    return data[: data.rfind(b"\n") + 1]


def write_private(target: Path, data: bytes) -> None:
    if not target.parent.is_dir():
        private_dir(target.parent)
    target.write_bytes(data)
    os.chmod(target, 0o600)


def _copy_whole(source: Path, target: Path) -> None:
    """A file the store replaces atomically: one read gives one whole version of it."""
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        return
    write_private(target, data)


def copy_tables(root: Path, output: Path) -> None:
    """Copy the files beside the projects; call after the audit log and the projects are copied."""
    for path in tinydb_table_files(root):
        _copy_whole(path, output / path.relative_to(root))
    for path in sorted((root / PACKS_DIR).glob("*.json")):
        _copy_whole(path, output / PACKS_DIR / path.name)
    try:
        events = (root / EVENTS_FILE).read_bytes()
    except FileNotFoundError:
        events = b""
    if events:
        write_private(output / EVENTS_FILE, whole_lines(events))
    _copy_whole(root / WEBHOOKS_FILE, output / WEBHOOKS_FILE)


def _unreadable(path: Path, output: Path, error: object) -> BackupFailed:
    return BackupFailed(said("backup_file_unreadable", file=path.relative_to(output), error=error))


def _records(path: Path, output: Path) -> dict[str, dict[str, Any]]:
    """The file's tables, each record checked as the store will read it."""
    data, reason = read_document(path.read_bytes())
    if reason is not None:
        raise _unreadable(path, output, reason)
    for table, model in _MODELS.get(path.name, {}).items():
        for key, doc in data.get(table, {}).items():
            try:
                model.model_validate(doc)
            except ValidationError as exc:
                fields = ".".join(str(part) for part in exc.errors()[0]["loc"])
                raise _unreadable(path, output, f"{table} {key}: {fields or type(exc).__name__}") from None
    return {table: docs for table, docs in data.items() if table != OUTBOX}


def check_tables(output: Path) -> TablesReport:
    """Read the copied files back as the store will when the copy is opened; a file it would refuse to open
    (or a record it could not read) refuses the backup, by the file's name."""
    report = TablesReport()
    for path in tinydb_table_files(output):
        tables = _records(path, output)
        if path.name == "users.json":
            report.users = len(tables.get("records", {}))
        elif path.name == "drafts.json":
            report.drafts += len(tables.get("records", {}))
    for path in sorted((output / PACKS_DIR).glob("*.json")):
        if read_pack_document(path.read_bytes(), "sha256:" + path.stem) is None:
            raise BackupFailed(said("backup_pack_mismatch", file=path.relative_to(output)))
        report.packs += 1
    if (output / WEBHOOKS_FILE).exists():
        tables = _records(output / WEBHOOKS_FILE, output)
        report.webhooks = len(tables.get("webhooks", {}))
        report.pending = sum(
            1 for d in tables.get("deliveries", {}).values() if d.get("state") == DeliveryState.pending
        )
    if (output / EVENTS_FILE).exists():
        try:
            report.events = len(read_events(output / EVENTS_FILE))
        except UnicodeDecodeError as exc:
            raise _unreadable(output / EVENTS_FILE, output, type(exc).__name__) from None
    return report
