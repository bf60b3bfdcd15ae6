"""Accounts: invitations and resets used once, admin-only actions, the service's export and erasure, and
the account tables' contract over memory and TinyDB."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compliance.service.errors import Forbidden, NotFound
from compliance.service.org_data import erase_organisation, export_organisation
from compliance.service.sign_in import Throttle, ThrottlePolicy
from compliance.storage.accounts import AccountTables, Draft, WebSession, memory_accounts, tinydb_accounts
from compliance.storage.errors import AlreadyExists
from compliance.storage.memory import MemoryAudit
from compliance.storage.postgres import Database, PostgresAccounts, PostgresAudit
from compliance.storage.protocol import AuditRepository
from compliance.storage.records import AuditEvent
from tests.web.conftest import PASSWORD, Web, csrf_of, sign_in
from tests.web.test_security import new_draft, next_code

LINK = re.compile(r'id="one-time-link"[^>]*>https://testserver(/[^<]+)<')


def _admin_client(web: Web):  # type: ignore[no-untyped-def]
    client = web.client()
    sign_in(client, "admin@atlas.ma", code=next_code(web.totp_secret))
    return client


def test_invitation_link_works_once(web: Web) -> None:
    admin = _admin_client(web)
    page = admin.post(
        "/organisation/invite",
        data={"csrf": csrf_of(admin.get("/organisation/users").text), "email": "cto@atlas.ma"},
    )
    link = LINK.search(page.text)
    assert link, page.text
    guest = web.client()
    form = guest.get(link.group(1))
    assert form.status_code == 200
    assert (
        guest.post(
            link.group(1), data={"csrf": csrf_of(form.text), "password": "a new member password"}
        ).status_code
        == 303
    )
    sign_in(guest, "cto@atlas.ma", "a new member password")
    assert guest.get("/").status_code == 200
    assert web.client().get(link.group(1)).status_code == 404  # used
    events = [e.action for e in web.store.audit.entries()]
    assert "user.invited" in events and "user.created" in events
    assert all("cto@atlas.ma" not in line for line in web.store.audit.raw_lines())


def test_password_reset_link_and_disabling(web: Web) -> None:
    admin = _admin_client(web)
    token = csrf_of(admin.get("/organisation/users").text)
    page = admin.post(f"/organisation/users/{web.founder.id}/reset", data={"csrf": token})
    link = LINK.search(page.text)
    assert link
    guest = web.client()
    form = guest.get(link.group(1))
    guest.post(link.group(1), data={"csrf": csrf_of(form.text), "password": "reset by the admin 1"})
    sign_in(guest, "founder@atlas.ma", "reset by the admin 1")
    admin.post(f"/organisation/users/{web.founder.id}/disable", data={"csrf": token})
    assert guest.get("/account").status_code == 303
    refused = web.client()
    t = csrf_of(refused.get("/sign-in").text)
    assert (
        refused.post(
            "/sign-in", data={"csrf": t, "email": "founder@atlas.ma", "password": "reset by the admin 1"}
        ).status_code
        == 401
    )


def test_only_an_org_admin_manages_people_and_only_in_its_organisation(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    assert founder.get("/organisation/users").status_code == 403
    with pytest.raises(NotFound):
        web.accounts.issue_reset(web.admin, web.other_founder.id)
    with pytest.raises(Forbidden):
        web.accounts.invite(web.founder, "x@atlas.ma")


def test_export_and_erase_an_organisation(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    draft_id = new_draft(founder, "Export me")
    summary = founder.get(f"/drafts/{draft_id}/summary")
    founder.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary.text)})
    admin = _admin_client(web)
    exported = admin.get("/organisation/export").json()
    assert [d["name"] for d in exported["drafts"]] == ["Export me"]
    assert exported["projects"][0]["versions"][0]["submission"]["project_name"] == "Export me"
    assert all("password_hash" not in u and "totp_secret" not in u for u in exported["users"])
    assert export_organisation(web.store, "souss-data")["projects"] == []
    token = csrf_of(admin.get("/organisation/users").text)
    assert admin.post("/organisation/erase", data={"csrf": token, "confirm": "wrong"}).status_code == 400
    assert admin.post("/organisation/erase", data={"csrf": token, "confirm": "atlas-ai"}).status_code == 303
    assert web.store.accounts.list_users("atlas-ai") == []
    assert web.store.accounts.list_drafts("atlas-ai") == []
    assert web.store.projects.list_projects("atlas-ai").total == 0
    assert founder.get("/").status_code == 200 and "Export me" not in founder.get("/").text
    tombstone = web.store.audit.entries()[-1]
    assert tombstone.action == "organisation.erased" and tombstone.details["versions"] == 1
    assert web.store.accounts.list_users("souss-data")  # the other organisation is untouched
    assert erase_organisation(web.store, web.liaison, "atlas-ai")["users"] == 0


def test_erase_own_account(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    token = csrf_of(client.get("/account").text)
    assert client.post("/account/erase", data={"csrf": token}).status_code == 400
    assert client.post("/account/erase", data={"csrf": token, "confirm": "yes"}).status_code == 303
    assert web.store.accounts.find_user("founder@atlas.ma") is None
    assert web.store.audit.entries()[-1].action == "user.erased"
    assert client.get("/account").status_code == 303


@pytest.fixture(params=["memory", "tinydb", "postgresql"])
def log_and_tables(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[AuditRepository, AccountTables]]:
    if request.param == "postgresql":
        db = Database(request.getfixturevalue("pg_empty").url())
        yield PostgresAudit(db), PostgresAccounts(db)
        db.close()
        return
    log = MemoryAudit()
    yield (
        log,
        memory_accounts(log)
        if request.param == "memory"
        else tinydb_accounts(tmp_path, tmp_path / "quarantine", log),
    )


def test_account_tables_contract(log_and_tables: tuple[AuditRepository, AccountTables], web: Web) -> None:
    log, tables = log_and_tables
    created = AuditEvent(actor="cli", action="user.created", target=web.founder.id)
    tables.add_user(web.founder, created)
    assert [e.event_id for e in log.entries()] == [created.event_id]
    with pytest.raises(AlreadyExists):
        tables.add_user(
            web.founder.model_copy(update={"id": "usr_000000000000"}), AuditEvent(actor="cli", action="x")
        )
    assert len(log.entries()) == 1  # a refused change records nothing
    assert tables.find_user("FOUNDER@atlas.ma ") == web.founder
    now = datetime.now(UTC)
    session = WebSession(
        id_hash="h1", user_id=web.founder.id, created_at=now, last_seen=now, csrf="c", second_factor_done=True
    )
    tables.add_session(session)
    tables.add_session(session.model_copy(update={"id_hash": "h2"}))
    assert tables.get_session("h1") == session
    assert tables.delete_user_sessions(web.founder.id) == 2 and tables.get_session("h2") is None
    draft = Draft(
        id="drf_0000000000000001",
        organisation="atlas-ai",
        name="d",
        created_at=now,
        updated_at=now,
        updated_by="u",
    )
    tables.save_draft(draft)
    assert tables.get_draft("atlas-ai", draft.id) == draft
    assert tables.get_draft("souss-data", draft.id) is None
    assert not tables.delete_draft("atlas-ai", "drf_0000000000000002", AuditEvent(actor="u", action="x"))
    assert len(log.entries()) == 1  # nothing deleted, nothing recorded
    assert tables.delete_organisation_drafts("atlas-ai") == 1 and tables.list_drafts("atlas-ai") == []
    start = time.time()
    throttle = Throttle(
        tables.failure_counters, ThrottlePolicy(free=1, window=60, spacing=2.0, max_wait=20.0)
    )
    assert throttle.wait_before(["k"]) == 0.0  # under its free failures
    throttle.failed(["k"])
    assert throttle.wait_before(["k"]) == pytest.approx(2.0, abs=0.5)
    assert throttle.wait_before(["k"]) == pytest.approx(
        4.0, abs=0.5
    )  # a queue: parallel guesses wait in line
    throttle.succeeded("k")
    assert throttle.wait_before(["k"]) == 0.0 and tables.failure_counters.failures("k", start) == 0


def test_tinydb_tables_see_another_process_writes(tmp_path: Path, web: Web) -> None:
    """`compliance admin create-user` writes beside a live server: the server's tables see the new user."""
    server_side = tinydb_accounts(tmp_path, tmp_path / "quarantine", MemoryAudit())
    assert server_side.find_user("founder@atlas.ma") is None
    tinydb_accounts(tmp_path, tmp_path / "quarantine", MemoryAudit()).add_user(web.founder)
    assert server_side.find_user("founder@atlas.ma") == web.founder
    assert PASSWORD not in (tmp_path / "web" / "users.json").read_text()
