"""Organisations and API keys in PostgreSQL (no organisation scope: keys are looked up before the caller
is known, and only admins list them)."""

from __future__ import annotations

from datetime import datetime

import psycopg

from compliance.i18n.said import said
from compliance.storage.errors import AlreadyExists
from compliance.storage.postgres.audit import append_in
from compliance.storage.postgres.database import Database
from compliance.storage.records import ApiKey, AuditEvent, Organisation

_KEY_COLUMNS = "id, role, organisation, label, secret_hash, created_at, revoked_at"
INSERT_ORGANISATION = "INSERT INTO organisations (id, name, created_at) VALUES (%s, %s, %s)"
INSERT_KEY = f"INSERT INTO api_keys ({_KEY_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s)"


def organisation_values(org: Organisation) -> tuple[object, ...]:
    return (org.id, org.name, org.created_at)


def key_values(key: ApiKey) -> tuple[object, ...]:
    return (
        key.id,
        key.role.value,
        key.organisation,
        key.label,
        key.secret_hash,
        key.created_at,
        key.revoked_at,
    )


class PostgresAccess:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_organisation(self, org: Organisation, event: AuditEvent) -> None:
        try:
            with self._db.transaction() as cur:
                cur.execute(INSERT_ORGANISATION, organisation_values(org))
                append_in(cur, event, self._db.keys)
        except psycopg.errors.UniqueViolation:
            raise AlreadyExists(said("organisation_exists", organisation=org.id)) from None

    def get_organisation(self, org_id: str) -> Organisation | None:
        with self._db.transaction() as cur:
            row = cur.execute("SELECT * FROM organisations WHERE id = %s", (org_id,)).fetchone()
        return Organisation.model_validate(row) if row else None

    def list_organisations(self) -> list[Organisation]:
        with self._db.transaction() as cur:
            rows = cur.execute("SELECT * FROM organisations ORDER BY id").fetchall()
        return [Organisation.model_validate(r) for r in rows]

    def delete_organisation(self, org_id: str, event: AuditEvent) -> bool:
        """Erase the organisation record with its event; its keys go with it (the caller revoked and
        logged them)."""
        with self._db.transaction() as cur:
            if not cur.execute("DELETE FROM organisations WHERE id = %s", (org_id,)).rowcount:
                return False
            append_in(cur, event, self._db.keys)
            return True

    def add_key(self, key: ApiKey, event: AuditEvent) -> None:
        try:
            with self._db.transaction() as cur:
                cur.execute(INSERT_KEY, key_values(key))
                append_in(cur, event, self._db.keys)
        except psycopg.errors.UniqueViolation:
            raise AlreadyExists(said("key_exists", key=key.id)) from None

    def get_key(self, key_id: str) -> ApiKey | None:
        with self._db.transaction() as cur:
            row = cur.execute(f"SELECT {_KEY_COLUMNS} FROM api_keys WHERE id = %s", (key_id,)).fetchone()
        return ApiKey.model_validate(row) if row else None

    def list_keys(self) -> list[ApiKey]:
        with self._db.transaction() as cur:
            rows = cur.execute(f"SELECT {_KEY_COLUMNS} FROM api_keys ORDER BY created_at, id").fetchall()
        return [ApiKey.model_validate(r) for r in rows]

    def revoke_key(self, key_id: str, at: datetime, event: AuditEvent) -> ApiKey | None:
        with self._db.transaction() as cur:
            revoked = cur.execute(
                "UPDATE api_keys SET revoked_at = %s WHERE id = %s AND revoked_at IS NULL", (at, key_id)
            ).rowcount
            if revoked:
                append_in(cur, event, self._db.keys)
            row = cur.execute(f"SELECT {_KEY_COLUMNS} FROM api_keys WHERE id = %s", (key_id,)).fetchone()
        return ApiKey.model_validate(row) if row else None
