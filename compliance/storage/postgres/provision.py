"""A throw-away database with its two roles, for tests and benchmarks: created through a superuser URL
with unique names (so runs in parallel never collide), migrated, and dropped with its roles at the end."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from compliance.storage.postgres.migrate import upgrade


@dataclass
class TemporaryDatabase:
    admin_url: str
    prefix: str = "compliance_t"
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = f"{self.prefix}_{secrets.token_hex(5)}"

    @property
    def owner_role(self) -> str:
        return self.name + "_owner"

    @property
    def app_role(self) -> str:
        return self.name + "_app"

    def url(self, role: str | None = None) -> str:
        """A connection string to this database as `role` (default: the service role)."""
        return make_conninfo(self.admin_url, dbname=self.name, user=role or self.app_role)

    @property
    def owner_url(self) -> str:
        return self.url(self.owner_role)

    @property
    def superuser_url(self) -> str:
        return make_conninfo(self.admin_url, dbname=self.name)

    def create(self, *, migrate: bool = True) -> TemporaryDatabase:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            for role in (self.owner_role, self.app_role):
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(self.name), sql.Identifier(self.owner_role)
                )
            )
        with psycopg.connect(self.superuser_url, autocommit=True) as conn:
            conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(self.name)))
            conn.execute(
                sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                    sql.Identifier(self.name), sql.Identifier(self.app_role)
                )
            )
            conn.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        if migrate:
            upgrade(self.owner_url, self.app_role)
        return self

    def drop(self) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name)))
            for role in (self.app_role, self.owner_role):
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
