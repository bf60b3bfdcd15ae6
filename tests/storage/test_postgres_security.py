"""Least privilege and organisation isolation in the database itself, on a real PostgreSQL."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest

from compliance.service.access import bind_caller_scope
from compliance.storage.audit_chain import verify_lines
from compliance.storage.postgres import open_postgres_store
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, Project, Role
from compliance.storage.scope import scoped

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _project(n: int, org: str) -> Project:
    return Project(
        id=f"prj_{n:016x}", organisation=org, name=f"p{n}", created_at=T0, created_by="key_a", updated_at=T0
    )


@pytest.fixture
def store(pg_empty: TemporaryDatabase) -> Iterator[Store]:
    opened = open_postgres_store(pg_empty.url())
    for n, org in enumerate(["atlas", "atlas", "sahara"]):
        with scoped(org):
            opened.projects.create_project(_project(n, org), AuditEvent(actor="k", action="project.created"))
    yield opened
    opened.close()


def test_a_query_without_its_organisation_filter_still_sees_only_its_organisation(store: Store) -> None:
    with scoped("atlas"):
        # The application's filter removed: `None` asks for every organisation.
        everything = store.projects.list_projects(None, limit=100)
        assert {p.organisation for p in everything.items} == {"atlas"} and everything.total == 2
        assert store.projects.get_project(_project(2, "sahara").id) is None
        assert store.projects.list_versions(_project(2, "sahara").id) is None
        erased = AuditEvent(actor="k", action="project.deleted")
        assert store.projects.delete_project(_project(2, "sahara").id, lambda _: erased) is None
    with scoped(None, every=True):  # the liaison side sees every organisation through its policy
        assert store.projects.list_projects(None, limit=100).total == 3
    with scoped(None):  # no organisation bound (a caller that is neither submitter nor liaison): nothing
        assert store.projects.list_projects(None).total == 0


def test_raw_sql_as_the_service_role_is_held_to_the_scope(pg_empty: TemporaryDatabase, store: Store) -> None:
    with psycopg.connect(pg_empty.url()) as conn:
        conn.execute("SET search_path = compliance")
        conn.execute("SET LOCAL compliance.organisation = 'sahara'")
        rows = conn.execute("SELECT organisation FROM projects").fetchall()
        assert rows == [("sahara",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                "INSERT INTO projects (id, organisation, name, created_at, created_by) "
                "VALUES ('prj_00000000000000ff', 'atlas', 'x', now(), 'k')"
            )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET line = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "UPDATE projects SET organisation = 'sahara'",
        "CREATE TABLE extra (x int)",
        "ALTER TABLE projects DISABLE ROW LEVEL SECURITY",
        "DROP POLICY own_organisation ON projects",
        "UPDATE schema_migrations SET version = 99",
        "UPDATE audit_checkpoints SET line = 'x'",
        "DELETE FROM audit_checkpoints",
        "UPDATE packs SET logic_hash = 'x'",
        "UPDATE webhooks SET owner = 'sahara'",
        "UPDATE deliveries SET owner = 'sahara'",
        "UPDATE events SET organisation = 'sahara'",
        "UPDATE drafts SET organisation = 'sahara'",
        "ALTER TABLE drafts NO FORCE ROW LEVEL SECURITY",
    ],
)
def test_the_service_role_runs_no_ddl_and_only_adds_to_the_audit_log(
    pg_empty: TemporaryDatabase, store: Store, statement: str
) -> None:
    before = len(store.audit.raw_lines())
    with psycopg.connect(pg_empty.url()) as conn:
        conn.execute("SET search_path = compliance")
        conn.execute("SET LOCAL compliance.organisation = '*'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    assert verify_lines(store.audit.raw_lines()).entries == before


def test_the_service_role_owns_nothing(pg_empty: TemporaryDatabase) -> None:
    with psycopg.connect(pg_empty.url()) as conn:
        owned = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user"
        ).fetchone()
        super_or_bypass = conn.execute(
            "SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb FROM pg_roles "
            "WHERE rolname = current_user"
        ).fetchone()
    assert owned == (0,) and super_or_bypass == (False,)


def test_drafts_webhooks_and_events_of_another_organisation_stay_out_of_an_unfiltered_query(
    pg_empty: TemporaryDatabase, store: Store
) -> None:
    with psycopg.connect(pg_empty.url()) as conn:
        conn.execute("SET search_path = compliance")
        conn.execute("SET LOCAL compliance.organisation = '*'")
        for org in ("atlas", "sahara"):
            conn.execute("INSERT INTO drafts (organisation, id, doc) VALUES (%s, 'd', '{}')", (org,))
            conn.execute(
                "INSERT INTO webhooks (id, owner, created_at, doc) VALUES (%s, %s, now(), '{}')", (org, org)
            )
            conn.execute("INSERT INTO events (id, organisation, doc) VALUES (%s, %s, '{}')", (org, org))
        conn.execute("SET LOCAL compliance.organisation = 'sahara'")
        for table, column in (("drafts", "organisation"), ("webhooks", "owner"), ("events", "organisation")):
            assert conn.execute(f"SELECT {column} FROM {table}").fetchall() == [("sahara",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO drafts (organisation, id, doc) VALUES ('atlas', 'e', '{}')")


@pytest.mark.parametrize(
    ("role", "seen"), [(Role.submitter, 2), (Role.ci, 2), (Role.liaison, 3), (Role.admin, 0)]
)
def test_each_caller_is_bound_to_the_scope_of_its_role(store: Store, role: Role, seen: int) -> None:
    def listed() -> int:
        bind_caller_scope(role, None if role in (Role.liaison, Role.admin) else "atlas")
        return store.projects.list_projects(None, limit=100).total

    assert contextvars.copy_context().run(listed) == seen  # a request's context, as the server gives it
