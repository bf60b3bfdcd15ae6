"""The hash-chained audit log in PostgreSQL. Appends from every worker and server are serialised by a
transaction-scoped advisory lock, so each entry links to the one committed just before it; a change and
its entry are written in the same transaction (`append_in`), so a stored change is always logged. The
service role may only add lines (INSERT), never change or remove them. After each append the new head is
signed with the deployment's current key into `audit_checkpoints` (the same transaction, INSERT only too):
whoever edits the log or cuts its tail with the owner's rights, without the signing key, no longer
matches the last checkpoint, and `compliance audit verify` says so, as for the embedded store."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from compliance.storage.audit_chain import GENESIS, canonical, line_of, make_checkpoint, seal
from compliance.storage.postgres.database import Cursor, Database
from compliance.storage.records import AuditEntry, AuditEvent
from compliance.storage.signing_keys import KeyRing

AUDIT_LOCK = 0x0908_A0D1  # the advisory lock id of the chain's head
INSERT_ENTRY = "INSERT INTO audit_log (seq, hash, event_id, line) VALUES (%s, %s, %s, %s)"
INSERT_CHECKPOINT = "INSERT INTO audit_checkpoints (seq, line) VALUES (%s, %s)"


def append_in(cur: Cursor, event: AuditEvent, keys: KeyRing | None) -> AuditEntry:
    """Append within the caller's transaction (it commits or rolls back with the change), and sign the
    new head with `keys` (None: no checkpoint, for a store that signs nothing)."""
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
    head = cur.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head["seq"], head["hash"]) if head else (0, GENESIS)
    entry = seal(event, seq + 1, datetime.now(UTC), prev)
    cur.execute(INSERT_ENTRY, (entry.seq, entry.hash, entry.event_id, line_of(entry)))
    if keys is not None:
        cur.execute(
            INSERT_CHECKPOINT, (entry.seq, canonical(make_checkpoint(entry, keys.current())).decode())
        )
    return entry


class PostgresAudit:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def db(self) -> Database:
        return self._db

    def append(self, event: AuditEvent) -> AuditEntry:
        with self._db.transaction() as cur:
            return append_in(cur, event, self._db.keys)

    def entries(self) -> list[AuditEntry]:
        return [AuditEntry.model_validate(json.loads(line)) for line in self.raw_lines()]

    def raw_lines(self) -> list[str]:
        with self._db.transaction() as cur:
            return [r["line"] for r in cur.execute("SELECT line FROM audit_log ORDER BY seq")]

    def checkpoint_lines(self) -> list[str]:
        with self._db.transaction() as cur:
            return [r["line"] for r in cur.execute("SELECT line FROM audit_checkpoints ORDER BY seq")]

    def find(self, event_id: str) -> AuditEntry | None:
        with self._db.transaction() as cur:
            row = cur.execute("SELECT line FROM audit_log WHERE event_id = %s", (event_id,)).fetchone()
        return AuditEntry.model_validate(json.loads(row["line"])) if row else None

    def append_missing(self, events: list[AuditEvent]) -> list[AuditEvent]:
        with self._db.transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
            ids = [e.event_id for e in events]
            present = {
                r["event_id"]
                for r in cur.execute("SELECT event_id FROM audit_log WHERE event_id = ANY(%s)", (ids,))
            }
            missing = [e for e in events if e.event_id not in present]
            for event in missing:
                append_in(cur, event, self._db.keys)
        return missing
