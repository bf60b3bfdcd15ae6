"""`compliance db upgrade`, `compliance db import` and a pg_dump backup restored, on a real PostgreSQL."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from compliance.cli.main import main
from compliance.domain.events import Event, EventType
from compliance.domain.review import ReviewState
from compliance.service.access import create_key, create_organisation
from compliance.service.accounts import Accounts
from compliance.service.assessing import assessor_for
from compliance.service.notifications import first_delivery
from compliance.service.pack_views import publish_pack
from compliance.service.submissions import parse_submission
from compliance.storage.account_records import Draft
from compliance.storage.audit_chain import verify_lines
from compliance.storage.postgres import SchemaOutdated, open_postgres_store
from compliance.storage.postgres.migrate import upgrade
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.records import AuditEvent, Project, ProjectVersion, Role, StoredAssessment
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store
from compliance.storage.webhook_records import Webhook

T0 = datetime(2026, 3, 1, tzinfo=UTC)
EVENT = AuditEvent(actor="k", action="project.created")
Databases = Callable[..., TemporaryDatabase]


def test_upgrade_applies_numbered_migrations_once_and_the_service_refuses_an_old_schema(
    pg_databases: Databases, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = pg_databases(migrate=False)
    with pytest.raises(SchemaOutdated, match="db upgrade"):
        open_postgres_store(database.url())
    monkeypatch.setenv("COMPLIANCE_MIGRATION_DATABASE_URL", database.owner_url)
    assert main(["db", "upgrade", "--app-role", database.app_role, "--lang", "en"]) == 0
    assert "applied 0001 initial" in capsys.readouterr().out
    assert main(["db", "upgrade", "--app-role", database.app_role, "--lang", "en"]) == 0
    assert "applied" not in capsys.readouterr().out.replace("schema up to date", "")
    open_postgres_store(database.url()).close()
    monkeypatch.delenv("COMPLIANCE_MIGRATION_DATABASE_URL")
    assert main(["db", "upgrade"]) == 3  # no URL: a message, not a traceback
    assert "COMPLIANCE_MIGRATION_DATABASE_URL" in capsys.readouterr().err


def _embedded_store(data_dir: Path) -> None:
    """An embedded store with two organisations, keys, versions, a decided review and an audit chain."""
    store = open_tinydb_store(data_dir)
    assessment = StoredAssessment.of(
        assessor_for(None).assess(parse_submission(b'schema_version: "1.0"\nproject_name: bare\n'))
    )
    try:
        for n, org in enumerate(["atlas", "sahara"]):
            create_organisation(store.access, store.audit, org.title(), org)
            create_key(store.access, store.audit, Role.submitter, org, "ci")
            project = Project(
                id=f"prj_{n:016x}", organisation=org, name=org, created_at=T0, created_by="k", updated_at=T0
            )
            store.projects.create_project(project, AuditEvent(actor="k", action="project.created"))
            for _ in range(2):
                store.projects.add_version(
                    ProjectVersion(
                        project_id=project.id,
                        organisation=org,
                        number=0,
                        submitted_at=T0,
                        submitted_by="k",
                        submission={"schema_version": "1.0", "project_name": org},
                        assessment=assessment,
                        idempotency_key=f"v{_}",
                        request_hash=assessment.submission_hash,
                    ),
                    lambda v: AuditEvent(
                        actor="k", action="version.submitted", target=f"{v.project_id}/{v.number}"
                    ),
                )
        store.projects.update_review(
            "prj_0000000000000000", 2, lambda r: r.model_copy(update={"status": ReviewState.approved})
        )
        accounts = Accounts(store.access, store.audit, store.accounts)
        user = accounts.create_user("ines@atlas.ma", "a long enough password 0908", Role.submitter, "atlas")
        store.accounts.save_draft(
            Draft(
                id="drf_0000000000000001",
                organisation="atlas",
                name="d",
                created_at=T0,
                updated_at=T0,
                updated_by=user.id,
            )
        )
        hook = Webhook(
            id="whk_0000000000000001",
            owner="atlas",
            url="https://hooks.example.ma/x",
            secret="whsec_AAAA",
            events=[EventType.submitted],
            created_at=T0,
            created_by="k",
        )
        store.webhooks.add_webhook(hook)
        event = Event(id="evt_1", type=EventType.submitted, timestamp=T0, organisation="atlas", data={})
        store.webhooks.record_event(event)
        store.webhooks.enqueue([first_delivery(event, hook, T0)])
        publish_pack(assessor_for(None), store.packs)
    finally:
        store.close()


def test_import_copies_an_embedded_store_verifies_it_and_can_be_rerun(
    pg_databases: Databases,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = pg_databases()
    _embedded_store(tmp_path / "data")
    monkeypatch.setenv("COMPLIANCE_DATABASE_URL", database.url())
    assert main(["db", "import", "--data-dir", str(tmp_path / "data"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "4 versions" in out and "import verified" in out
    assert "1 users" in out and "1 drafts" in out and "1 webhooks, 1 deliveries, 1 events, 1 packs" in out
    assert (
        main(["db", "import", "--data-dir", str(tmp_path / "data"), "--lang", "en"]) == 0
    )  # a rerun copies nothing
    assert "0 organisations, 0 keys, 0 projects, 0 versions, 0 audit entries" in capsys.readouterr().out
    # The chain as the database holds it, held to the checkpoints the embedded store signed.
    assert main(["audit", "verify", "--data-dir", str(tmp_path / "data"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "audit log intact: 12 entries" in out and "12 signed checkpoints" in out

    source = open_tinydb_store(tmp_path / "data")
    target = open_postgres_store(database.url())
    try:
        with scoped(None, every=True):
            assert target.projects.list_projects(None).total == 2
            assert target.accounts.find_user("ines@atlas.ma") == source.accounts.find_user("ines@atlas.ma")
            assert [d.id for d in target.accounts.list_drafts("atlas")] == ["drf_0000000000000001"]
            assert [d.event.id for d in target.webhooks.due(T0, 10)] == ["evt_1"]
            review = target.projects.get_review("prj_0000000000000000", 2)
            assert review is not None and review.status is ReviewState.approved and review.revision == 2
            source_lines = source.audit.raw_lines()  # then the key of the store that opened the copy
            assert target.audit.raw_lines()[: len(source_lines)] == source_lines
            assert verify_lines(target.audit.raw_lines()).ok
            # A copy altered afterwards is caught by the verification of a rerun.
            with psycopg.connect(database.owner_url) as conn:
                conn.execute("SET compliance.organisation = '*'")
                conn.execute(
                    "UPDATE compliance.versions SET payload = (SELECT payload FROM compliance.versions "
                    "WHERE project_id = 'prj_0000000000000001' AND number = 1) "
                    "WHERE project_id = 'prj_0000000000000000' AND number = 1"
                )
    finally:
        source.close()
        target.close()
    assert main(["db", "import", "--data-dir", str(tmp_path / "data"), "--lang", "en"]) == 1
    assert "prj_0000000000000000 v1: the copy differs" in capsys.readouterr().out


@pytest.mark.skipif(not shutil.which("pg_restore"), reason="pg_dump and pg_restore are not installed")
def test_a_pg_dump_backup_restores_into_a_working_store(pg_databases: Databases, tmp_path: Path) -> None:
    """The procedure of docs/deployment.md: pg_dump (custom format, a role that bypasses row-level
    security), pg_restore without owners or grants into a new database, then `db upgrade` to grant."""
    source, target = pg_databases(), pg_databases(migrate=False)
    store = open_postgres_store(source.url())
    with scoped("atlas"):
        store.projects.create_project(
            Project(
                id="prj_00000000000000aa",
                organisation="atlas",
                name="a",
                created_at=T0,
                created_by="k",
                updated_at=T0,
            ),
            EVENT,
        )
        for n in range(3):
            store.audit.append(AuditEvent(actor="cli", action="key.created", target=f"key_{n}"))
        lines = store.audit.raw_lines()
    store.close()
    dump = tmp_path / "compliance.dump"
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--schema=compliance",
            f"--file={dump}",
            f"--dbname={source.superuser_url}",
        ],
        check=True,
    )
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            f"--role={target.owner_role}",
            f"--dbname={target.superuser_url}",
            str(dump),
        ],
        check=True,
    )
    upgrade(target.owner_url, target.app_role)
    restored = open_postgres_store(target.url())
    try:
        with scoped("atlas"):
            assert [p.id for p in restored.projects.list_projects(None).items] == ["prj_00000000000000aa"]
        with scoped("sahara"):
            assert restored.projects.list_projects(None).total == 0  # the policies came back too
        # The restored log, then the entry publishing the key of the store that opened it.
        assert restored.audit.raw_lines()[: len(lines)] == lines and verify_lines(lines).ok
    finally:
        restored.close()
    with psycopg.connect(target.superuser_url) as conn:
        owners = conn.execute(
            "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'compliance'::regnamespace"
        ).fetchall()
    assert owners == [(target.owner_role,)]
