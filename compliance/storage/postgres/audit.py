"""The hash-chained audit log in PostgreSQL. Appends from every worker and server are serialised by a
transaction-scoped advisory lock, so each entry links to the one committed just before it. The service
role may only add lines (INSERT), never change or remove them."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from compliance.storage.audit_chain import GENESIS, line_of, seal
from compliance.storage.postgres.database import Database
from compliance.storage.records import AuditEntry, AuditEvent

AUDIT_LOCK = 0x0908_A0D1  # the advisory lock id of the chain's head


class PostgresAudit:
    def __init__(self, db: Database) -> None:
        self._db = db

    def append(self, event: AuditEvent) -> AuditEntry:
        with self._db.transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
            head = cur.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            seq, prev = (head["seq"], head["hash"]) if head else (0, GENESIS)
            entry = seal(event, seq + 1, datetime.now(UTC), prev)
            cur.execute(
                "INSERT INTO audit_log (seq, hash, line) VALUES (%s, %s, %s)",
                (entry.seq, entry.hash, line_of(entry)),
            )
        return entry

    def entries(self) -> list[AuditEntry]:
        return [AuditEntry.model_validate(json.loads(line)) for line in self.raw_lines()]

    def raw_lines(self) -> list[str]:
        with self._db.transaction() as cur:
            return [r["line"] for r in cur.execute("SELECT line FROM audit_log ORDER BY seq")]
