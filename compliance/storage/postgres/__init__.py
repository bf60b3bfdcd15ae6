"""The PostgreSQL store: several workers and servers on one database (see docs/deployment.md).

One module a repository (access, projects, audit, accounts, webhooks, packs, failure counters), all on `Database.transaction`, which sets the caller's
organisation scope. A new storage protocol (accounts and sessions, throttling counters, a notification
queue, a pack store) got the same, and a new one gets it too: its module here, its tables in the next numbered file of
`migrations/` (with row-level security when its rows belong to an organisation), its rights in
`grants.sql`, a field in `open_postgres_store`, and the contract suite's `postgresql` parameter. Whatever
must hold across processes goes in the database: unique constraints, row locks or advisory locks, never
a Python lock.
"""

from __future__ import annotations

import psycopg

from compliance.storage.errors import StoreError
from compliance.storage.postgres.access import PostgresAccess
from compliance.storage.postgres.accounts import PostgresAccounts, PostgresTables
from compliance.storage.postgres.audit import PostgresAudit
from compliance.storage.postgres.database import Database, PoolSettings, SchemaOutdated
from compliance.storage.postgres.failure_counters import PostgresFailureCounters
from compliance.storage.postgres.migrate import expected_version
from compliance.storage.postgres.packs import PostgresPacks
from compliance.storage.postgres.projects import PostgresProjects
from compliance.storage.postgres.webhooks import PostgresWebhooks
from compliance.storage.protocol import Store
from compliance.storage.signing_keys import KeyRing, published_key_events


def check_schema(db: Database) -> None:
    """Refuse to serve on a schema this version does not expect (run `compliance db upgrade`)."""
    with db.transaction(scope="") as cur:
        try:
            row = cur.execute("SELECT max(version) AS v FROM schema_migrations").fetchone()
        except (psycopg.errors.UndefinedTable, psycopg.errors.InsufficientPrivilege) as exc:
            raise SchemaOutdated(
                f"the database has no compliance schema ({type(exc).__name__}): run 'compliance db upgrade'"
            ) from None
    found, wanted = (row or {}).get("v"), expected_version()
    if found != wanted:
        raise SchemaOutdated(
            f"the database schema is at version {found}, this service needs {wanted}: "
            "run 'compliance db upgrade' (as the owner role)"
        )


def open_postgres_store(url: str, keys: KeyRing | None = None, settings: PoolSettings | None = None) -> Store:
    """The store of a server; `keys` is the key folder every server of the deployment shares (default: a
    key that dies with the process, for tests)."""
    keys = keys or KeyRing.ephemeral()
    db = Database(url, settings, keys)
    try:
        check_schema(db)
        audit = PostgresAudit(db)
        audit.append_missing(published_key_events(keys))  # a first key or a rotation, logged once
    except StoreError:
        db.close()
        raise
    return Store(
        access=PostgresAccess(db),
        projects=PostgresProjects(db),
        audit=audit,
        keys=keys,
        failure_counters=PostgresFailureCounters(db),
        accounts=PostgresAccounts(db),
        packs=PostgresPacks(db),
        webhooks=PostgresWebhooks(db),
        description="postgresql",
        close=db.close,
    )


def open_admin_postgres(url: str, keys: KeyRing | None = None) -> tuple[PostgresAccess, PostgresAudit]:
    """Keys, organisations and the audit log for the admin commands (a pool of one connection); `keys`
    sign the checkpoints of what they append (None: the commands only read)."""
    db = Database(url, PoolSettings(max_size=1), keys)
    check_schema(db)
    return PostgresAccess(db), PostgresAudit(db)


def open_admin_postgres_accounts(audit: PostgresAudit) -> PostgresAccounts:
    """People's accounts on the admin commands' connection (`compliance admin create-user`)."""
    return PostgresAccounts(audit.db)


__all__ = [
    "Database",
    "PoolSettings",
    "PostgresAccess",
    "PostgresAccounts",
    "PostgresAudit",
    "PostgresFailureCounters",
    "PostgresPacks",
    "PostgresProjects",
    "PostgresTables",
    "PostgresWebhooks",
    "SchemaOutdated",
    "check_schema",
    "open_admin_postgres",
    "open_admin_postgres_accounts",
    "open_postgres_store",
]
