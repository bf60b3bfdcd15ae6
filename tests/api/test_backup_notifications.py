"""`compliance admin backup` and what the data folder holds beside the projects: webhooks with the outbox of
their deliveries (`webhooks.json`), the recent events (`events.jsonl`), accounts and drafts, rule packs. A
folder made by the real server with deliveries still to make is backed up, restored into a fresh folder and
served again: the webhooks are listed as before, the events too, and the pending deliveries are made, with
their event ids. A damaged copy of any of them is refused by name."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from compliance.cli.main import main
from compliance.storage.account_records import Draft, User
from compliance.storage.backup import backup_data_dir
from compliance.storage.errors import BackupFailed
from compliance.storage.records import Role
from compliance.storage.signing_keys import default_key_dir
from compliance.storage.tinydb_store import open_tinydb_store
from tests.api.conftest import YAML, Server, ServerFactory, new_project
from tests.api.test_webhooks import FAST, log_of, register, verify, wait_log
from tests.api.webhook_receiver import Receiver

SMALL = b'schema_version: "1.0"\nproject_name: bare\n'
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@dataclass
class Made:
    data: Path
    server: Server
    hooks: dict[str, dict[str, Any]]  # who registered it -> the webhook as created (with its secret)
    listed: dict[str, list[dict[str, Any]]]  # who -> GET /webhooks
    events: list[dict[str, Any]]  # GET /events of the liaison, newest first
    pending: dict[str, list[str]]  # webhook id -> the event ids of its deliveries still to make


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.start()
    yield r
    r.stop()


@pytest.fixture
def made(server_factory: ServerFactory, tmp_path: Path, receiver: Receiver) -> Made:
    """Two webhooks (an organisation's, the liaisons') whose targets fail, two submissions announced to both:
    four deliveries pending when the server stops (its sender polls once an hour: at most one attempt each).
    Then an account and a draft, as the web app stores them."""
    server = server_factory(tmp_path / "data")
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("liaison", Role.liaison)
    server.start(extra_env=FAST | {"COMPLIANCE_WEBHOOK_POLL": "3600", "COMPLIANCE_WEBHOOK_RETRY": "0.2"})
    hooks = {
        "atlas": register(server, "atlas", receiver.base + "/down"),
        "liaison": register(server, "liaison", receiver.base + "/flaky"),  # 500 at each event's first try
    }
    with server.client("atlas") as c:
        for _ in range(2):
            r = c.post(f"/api/v1/projects/{new_project(c)}/versions", content=SMALL, headers=YAML)
            assert r.status_code == 201, r.text
    listed, pending = {}, {}
    for who, hook in hooks.items():
        with server.client(who) as c:
            listed[who] = c.get("/api/v1/webhooks").json()
        log = log_of(server, who, hook["id"])
        assert len(log) == 2 and all(d["state"] == "pending" for d in log)
        pending[hook["id"]] = sorted(d["event"]["id"] for d in log)
    with server.client("liaison") as c:
        events = c.get("/api/v1/events").json()
    assert len(events) == 2
    server.stop()
    store = open_tinydb_store(server.data_dir)
    try:
        user = User(
            id="usr_amina",
            email="amina@atlas.ma",
            organisation="atlas",
            role=Role.submitter,
            password_hash="argon2-not-a-real-hash",
            created_at=NOW,
            password_changed_at=NOW,
        )
        store.accounts.add_user(user)
        draft = Draft(
            id="drf_1",
            organisation="atlas",
            name="Chatbot",
            answers={"project_name": "Chatbot"},
            created_at=NOW,
            updated_at=NOW,
            updated_by="usr_amina",
        )
        store.accounts.save_draft(draft)
    finally:
        store.close()
    return Made(server.data_dir, server, hooks, listed, events, pending)


def _backup(data: Path, output: Path, lang: str = "en") -> int:
    return main(["admin", "backup", "--data-dir", str(data), "--output", str(output), "--lang", lang])


def test_webhooks_and_their_pending_deliveries_survive_a_backup_and_restore(
    made: Made,
    server_factory: ServerFactory,
    tmp_path: Path,
    receiver: Receiver,
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy = tmp_path / "backups" / "copy"
    assert _backup(made.data, copy) == 0
    said = capsys.readouterr().out
    assert "1 accounts, 1 drafts, 1 rule packs, 2 webhooks (4 deliveries pending), 2 recent events" in said
    assert main(["admin", "check-backup", str(copy), "--lang", "en"]) == 0
    assert capsys.readouterr().out == said
    restored = tmp_path / "restored"
    shutil.copytree(copy, restored)
    shutil.copytree(default_key_dir(made.data), default_key_dir(restored))  # the key folder, backed up apart
    reopened = open_tinydb_store(restored)
    try:
        assert [u.email for u in reopened.accounts.list_users(None)] == ["amina@atlas.ma"]
        assert [d.answers for d in reopened.accounts.list_drafts("atlas")] == [{"project_name": "Chatbot"}]
    finally:
        reopened.close()
    receiver.down = False
    server = server_factory(restored)
    server.tokens = made.server.tokens  # access.json came back with the copy: the same API keys
    server.start(extra_env=FAST)
    for who, hook in made.hooks.items():
        with server.client(who) as c:
            assert c.get("/api/v1/webhooks").json() == made.listed[who]
        log = wait_log(server, who, hook["id"], lambda log: all(d["state"] == "delivered" for d in log))
        assert sorted(d["event"]["id"] for d in log) == made.pending[hook["id"]]
        assert all(d["attempts"][-1]["status"] == 200 for d in log), log
        for hit in receiver.at(urlsplit(hook["url"]).path):
            verify(hook["secret"], hit.headers, hit.body)  # signed with the secret given at creation
    delivered = {h.headers["webhook-id"] for h in receiver.hits}
    assert delivered == {event for ids in made.pending.values() for event in ids}
    with server.client("liaison") as c:
        assert c.get("/api/v1/events").json() == made.events


def test_an_event_line_being_appended_is_left_out_as_the_store_leaves_it(made: Made, tmp_path: Path) -> None:
    events = made.data / "events.jsonl"
    whole = events.read_bytes()
    events.write_bytes(whole + whole.splitlines()[-1][:40])  # a line torn by a crash, or being written
    report = backup_data_dir(made.data, tmp_path / "copy")
    assert (tmp_path / "copy" / "events.jsonl").read_bytes() == whole
    assert (report.beside.events, report.beside.pending) == (2, 4)


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "copie illisible"), ("ar", "نسخة غير مقروءة"), ("en", "unreadable copy")]
)
def test_a_damaged_webhooks_file_refuses_the_backup_by_name(
    made: Made, tmp_path: Path, lang: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hooks = made.data / "webhooks.json"
    whole = hooks.read_bytes()
    hooks.write_bytes(whole[: len(whole) // 2])
    assert _backup(made.data, tmp_path / "copy", lang) == 3
    err = capsys.readouterr().err
    assert "webhooks.json" in err and words in err
    assert not (tmp_path / "copy").exists()  # no copy is left to be restored
    doc = json.loads(whole)
    delivery = next(iter(doc["deliveries"]))
    doc["deliveries"][delivery]["state"] = "lost"
    hooks.write_text(json.dumps(doc))
    with pytest.raises(BackupFailed, match=rf"webhooks\.json: .*deliveries {delivery}: state"):
        backup_data_dir(made.data, tmp_path / "copy")


def test_damaged_accounts_drafts_and_packs_are_refused_by_name(made: Made, tmp_path: Path) -> None:
    for relative in ("web/users.json", "orgs/atlas/drafts.json"):
        data = tmp_path / relative.replace("/", "_")
        shutil.copytree(made.data, data)
        path = data / relative
        doc = json.loads(path.read_bytes())
        next(iter(doc["records"].values())).pop("created_at")
        path.write_text(json.dumps(doc))
        with pytest.raises(BackupFailed, match=rf"{relative}: .*records .*created_at"):
            backup_data_dir(data, tmp_path / "copy")
    (pack,) = (made.data / "packs").glob("*.json")
    pack.write_bytes(pack.read_bytes().replace(b'"severity"', b'"severity_"', 1))
    with pytest.raises(BackupFailed, match=rf"packs/{pack.name}: the rule pack does not match"):
        backup_data_dir(made.data, tmp_path / "copy")
