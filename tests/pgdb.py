"""The PostgreSQL the tests run on: the server named by COMPLIANCE_TEST_DATABASE_URL (a superuser URL, e.g.
postgresql://postgres@127.0.0.1:5432/postgres). Each test session creates its own database and roles with
unique names and drops them at the end. Without the variable these tests are skipped, unless
COMPLIANCE_REQUIRE_TEST_DATABASE=1 (as in CI), which turns a missing database into a failure."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import psycopg
import pytest

from compliance.storage.postgres.provision import TemporaryDatabase

VARIABLE = "COMPLIANCE_TEST_DATABASE_URL"
REQUIRED = "COMPLIANCE_REQUIRE_TEST_DATABASE"
TABLES = (
    "organisations, api_keys, projects, versions, audit_log, failure_counters, web_records, drafts, webhooks, "
    "deliveries, events, packs, audit_checkpoints"
)


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRED) == "1":
        pytest.fail(f"{reason} and {REQUIRED}=1: the PostgreSQL tests must run here")
    pytest.skip(f"{reason}: PostgreSQL tests skipped (set {VARIABLE} to a superuser URL to run them)")


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Callable[[], TemporaryDatabase]]:
    """Make fresh migrated databases (each with its two roles), all dropped at the end of the session."""
    url = os.environ.get(VARIABLE)
    if not url:
        _unavailable(f"{VARIABLE} is not set")
        raise AssertionError  # unreachable: skip and fail raise
    made: list[TemporaryDatabase] = []

    def make(migrate: bool = True) -> TemporaryDatabase:
        database = TemporaryDatabase(url)
        made.append(database)
        try:
            return database.create(migrate=migrate)
        except psycopg.OperationalError as exc:
            _unavailable(f"cannot reach the server named by {VARIABLE} ({type(exc).__name__})")
            raise AssertionError from exc

    yield make
    for database in made:
        database.drop()


@pytest.fixture(scope="session")
def pg_database(pg_databases: Callable[[], TemporaryDatabase]) -> TemporaryDatabase:
    """The session's database for the repository tests."""
    return pg_databases()


@pytest.fixture
def pg_empty(pg_database: TemporaryDatabase) -> TemporaryDatabase:
    """The session's database with every table emptied (as the owner: the service role cannot)."""
    with psycopg.connect(pg_database.owner_url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {', '.join('compliance.' + t for t in TABLES.split(', '))} CASCADE")
    return pg_database
