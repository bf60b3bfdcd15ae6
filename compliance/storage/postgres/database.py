"""The connection pool and the one way the repositories talk to PostgreSQL: a short transaction, with
the caller's organisation scope set in it (`set_config(..., true)`, the parameterised `SET LOCAL`).

Every database failure becomes a StoreError the API answers with 503 and Retry-After: a busy pool after
`timeout` seconds (never a hang), a server that went away (the broken connection is dropped by the pool
and a fresh one is opened on a later call, so the service recovers by itself when the database is back).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from compliance.storage.errors import StoreError
from compliance.storage.scope import current_scope
from compliance.storage.signing_keys import KeyRing

SCHEMA = "compliance"
log = logging.getLogger("compliance.storage.postgres")

Row = dict[str, Any]
Cursor = psycopg.Cursor[Row]


class StoreUnavailable(StoreError):
    """The database cannot serve the call now (down, unreachable, or every connection busy)."""


class SchemaOutdated(StoreError):
    """The database's schema is older (or newer) than this version of the service expects."""


@dataclass(frozen=True)
class PoolSettings:
    min_size: int = 1
    max_size: int = 8
    timeout: float = 2.0  # waiting for a free connection, then 503
    connect_timeout: int = 3
    statement_timeout_ms: int = 10_000


def connection_options(settings: PoolSettings) -> dict[str, Any]:
    return {
        "connect_timeout": settings.connect_timeout,
        "options": (
            f"-c search_path={SCHEMA} -c TimeZone=UTC -c statement_timeout={settings.statement_timeout_ms}"
        ),
        "application_name": "compliance",
    }


class Database:
    """A pool of the service role's connections; `keys` sign the audit log's checkpoints (None: none)."""

    def __init__(self, url: str, settings: PoolSettings | None = None, keys: KeyRing | None = None) -> None:
        self.settings = settings or PoolSettings()
        self.keys = keys
        self.pool = ConnectionPool(
            url,
            min_size=self.settings.min_size,
            max_size=self.settings.max_size,
            timeout=self.settings.timeout,
            kwargs=connection_options(self.settings) | {"row_factory": dict_row},
            open=False,
            name="compliance",
            reconnect_timeout=0,  # keep trying in the background until the database is back
        )
        self.pool.open(wait=False)

    @contextmanager
    def transaction(self, scope: str | None = None) -> Iterator[Cursor]:
        """One transaction; `scope` (default: the bound one) decides which organisations' rows it sees."""
        try:
            with self.pool.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
                cur.execute(
                    "SELECT set_config('compliance.organisation', %s, true)",
                    (current_scope() if scope is None else scope,),
                )
                yield cur
        except PoolTimeout:
            log.warning("no database connection free within %.1f s", self.settings.timeout)
            raise StoreUnavailable("every database connection is busy") from None
        except psycopg.OperationalError as exc:
            log.warning("database unavailable: %s", type(exc).__name__)
            raise StoreUnavailable("the database is unavailable") from None

    def close(self) -> None:
        self.pool.close()
