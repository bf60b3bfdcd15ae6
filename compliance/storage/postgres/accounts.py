"""People's accounts, one-time links, sessions, sign-in attempts and drafts in PostgreSQL.

`PostgresTables` is the `Tables` backend of `AccountTables` (accounts.py), so the rules of those records
(unique e-mails, one use of a link, the attempt queue) are the same code as in memory and TinyDB. A change
runs in one transaction holding an advisory lock of its table: read, apply, write back only the rows
that changed, and append its audit events, so two servers changing the same table take turns and a
change is logged if and only if it is stored. Reads of one record (a session on every request, a user,
a draft) go to its row alone. Drafts belong to an organisation: each query of them sets that
organisation's scope, so row-level security keeps another organisation's drafts out of reach even of a
query that forgot its filter.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from psycopg.types.json import Jsonb

from compliance.storage.account_records import Draft, OneTimeToken, User, WebSession
from compliance.storage.accounts import AccountTables, Doc
from compliance.storage.postgres.audit import append_in
from compliance.storage.postgres.database import Cursor, Database
from compliance.storage.records import AuditEvent

TABLE_LOCK = 0x0908_7AB1  # the advisory lock class of the account tables (the table's hash is the key)
_DRAFTS = "drafts:"


def _where(table: str) -> tuple[str, str, str, tuple[str, ...]]:
    """The SQL table, its key column, the scope, and the filter values of a named table."""
    if table.startswith(_DRAFTS):
        organisation = table.removeprefix(_DRAFTS)
        return "drafts", "id", organisation, (organisation,)
    return "web_records", "key", "", (table,)


_FILTER = {"drafts": "organisation = %s", "web_records": "kind = %s"}
_UPSERT = {
    "drafts": "INSERT INTO drafts (organisation, id, doc) VALUES (%s, %s, %s) "
    "ON CONFLICT (organisation, id) DO UPDATE SET doc = EXCLUDED.doc",
    "web_records": "INSERT INTO web_records (kind, key, doc) VALUES (%s, %s, %s) "
    "ON CONFLICT (kind, key) DO UPDATE SET doc = EXCLUDED.doc",
}


class PostgresTables:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _rows(self, cur: Cursor, table: str) -> dict[str, Doc]:
        sql_table, key, _, values = _where(table)
        rows = cur.execute(f"SELECT {key} AS k, doc FROM {sql_table} WHERE {_FILTER[sql_table]}", values)
        return {r["k"]: r["doc"] for r in rows}

    def read(self, table: str) -> dict[str, Doc]:
        with self._db.transaction(scope=_where(table)[2]) as cur:
            return self._rows(cur, table)

    def get(self, table: str, key: str) -> Doc | None:
        sql_table, column, scope, values = _where(table)
        query = f"SELECT doc FROM {sql_table} WHERE {_FILTER[sql_table]} AND {column} = %s"
        with self._db.transaction(scope=scope) as cur:
            row = cur.execute(query, (*values, key)).fetchone()
        return row["doc"] if row else None

    def put(self, table: str, key: str, doc: Doc) -> None:
        """One record written alone (a session seen again): no lock, no read of the table."""
        sql_table, _, scope, values = _where(table)
        with self._db.transaction(scope=scope) as cur:
            cur.execute(_UPSERT[sql_table], (*values, key, Jsonb(doc)))

    def change(
        self, table: str, fn: Callable[[dict[str, Doc]], object], events: Sequence[AuditEvent] = ()
    ) -> None:
        sql_table, column, scope, values = _where(table)
        with self._db.transaction(scope=scope) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (TABLE_LOCK, table))
            before = self._rows(cur, table)
            after = copy.deepcopy(before)  # `fn` may change a record in place
            fn(after)
            gone = [k for k in before if k not in after]
            if gone:
                cur.execute(
                    f"DELETE FROM {sql_table} WHERE {_FILTER[sql_table]} AND {column} = ANY(%s)",
                    (*values, gone),
                )
            for key, doc in after.items():
                if before.get(key) != doc:
                    cur.execute(_UPSERT[sql_table], (*values, key, Jsonb(doc)))
            for event in events:
                append_in(cur, event, self._db.keys)


class PostgresAccounts(AccountTables):
    """`AccountTables` on `PostgresTables`, reading and writing single records by their row."""

    tables: PostgresTables

    def __init__(self, db: Database) -> None:
        super().__init__(PostgresTables(db))

    def _one(self, table: str, key: str) -> Any:
        return self.tables.get(table, key)

    def get_user(self, user_id: str) -> User | None:
        doc = self._one("users", user_id)
        return User.model_validate(doc) if doc else None

    def peek_token(self, token_hash: str) -> OneTimeToken | None:
        doc = self._one("tokens", token_hash)
        return OneTimeToken.model_validate(doc) if doc else None

    def get_session(self, id_hash: str) -> WebSession | None:
        doc = self._one("sessions", id_hash)
        return WebSession.model_validate(doc) if doc else None

    def save_session(self, session: WebSession) -> None:
        self.tables.put("sessions", session.id_hash, session.model_dump(mode="json"))

    def get_draft(self, organisation: str, draft_id: str) -> Draft | None:
        doc = self._one(_DRAFTS + organisation, draft_id)
        return Draft.model_validate(doc) if doc else None
