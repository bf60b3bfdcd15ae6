"""The rule packs that stored assessments name, in PostgreSQL: one row per hash of a pack's logic, its
document kept as the exact text written and checked against that hash on every read (as the files of the
embedded store are). The texts are the latest seen for a logic, so a translation fix reaches every server."""

from __future__ import annotations

from typing import Any

from compliance.domain.compact import hash_logic
from compliance.storage.pack_store import pack_document, read_pack_document
from compliance.storage.postgres.database import Database

_PUT = """
INSERT INTO packs AS p (logic_hash, doc) VALUES (%s, %s)
ON CONFLICT (logic_hash) DO UPDATE SET doc = EXCLUDED.doc WHERE p.doc <> EXCLUDED.doc
"""


class PostgresPacks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, logic: dict[str, Any], texts: dict[str, Any]) -> str:
        name = hash_logic(logic)
        with self._db.transaction(scope="") as cur:
            cur.execute(_PUT, (name, pack_document(logic, texts).decode()))
        return name

    def get(self, logic_hash: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        with self._db.transaction(scope="") as cur:
            row = cur.execute("SELECT doc FROM packs WHERE logic_hash = %s", (logic_hash,)).fetchone()
        return read_pack_document(row["doc"], logic_hash) if row else None
