"""The notification repositories, memory and TinyDB alike: an idempotent outbox, due order, the log, and
(TinyDB) everything back after a reopen, a torn events line tolerated."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from compliance.domain.events import Event, EventType
from compliance.storage.memory import memory_store
from compliance.storage.postgres import Database, PostgresWebhooks, open_postgres_store
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.protocol import Store
from compliance.storage.tinydb_store import open_tinydb_store
from compliance.storage.webhook_records import Attempt, Delivery, DeliveryState, Webhook

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def hook(n: int, owner: str = "atlas") -> Webhook:
    return Webhook(
        id=f"whk_{n:016x}",
        owner=owner,
        url="https://hooks.example.ma/x",
        secret="whsec_AAAA",
        events=[EventType.submitted],
        created_at=T0 + timedelta(seconds=n),
        created_by="key_000000000000",
    )


def event(n: int, org: str = "atlas") -> Event:
    return Event(
        id=f"evt_{n}",
        type=EventType.submitted,
        timestamp=T0 + timedelta(seconds=n),
        organisation=org,
        data={"project_id": "prj_0000000000000000", "version": 1},
    )


def delivery(e: Event, h: Webhook, due: datetime) -> Delivery:
    return Delivery(
        id=Delivery.id_for(e.id, h.id), webhook_id=h.id, owner=h.owner, event=e, next_attempt_at=due
    )


@pytest.fixture(params=["memory", "tinydb", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgresql":
        opened = open_postgres_store(request.getfixturevalue("pg_empty").url())
    else:
        opened = memory_store() if request.param == "memory" else open_tinydb_store(tmp_path / "data")
    yield opened
    opened.close()


def test_outbox_contract(store: Store) -> None:
    repo = store.webhooks
    h1, h2 = hook(1), hook(2, "sahara")
    repo.add_webhook(h1)
    repo.add_webhook(h2)
    assert [h.id for h in repo.list_webhooks("atlas")] == [h1.id]
    late, early = delivery(event(1), h1, T0 + timedelta(seconds=10)), delivery(event(2), h1, T0)
    assert repo.enqueue([late, early]) == 2
    assert repo.enqueue([late]) == 0  # the same event for the same webhook: kept once
    assert [d.id for d in repo.due(T0 + timedelta(seconds=5), 10)] == [early.id]
    assert [d.id for d in repo.due(T0 + timedelta(seconds=10), 10)] == [early.id, late.id]
    done = early.model_copy(
        update={
            "state": DeliveryState.delivered,
            "next_attempt_at": None,
            "attempts": [Attempt(at=T0, status=200, error=None, duration_ms=3)],
        }
    )
    repo.save_delivery(done)
    assert [d.id for d in repo.due(T0 + timedelta(days=1), 10)] == [late.id]
    assert [d.state for d in repo.deliveries(h1.id)] == [DeliveryState.delivered, DeliveryState.pending]
    assert repo.deliveries(h2.id) == []
    repo.record_event(event(1))
    repo.record_event(event(1))
    repo.record_event(event(3, "sahara"))
    assert [e.id for e in repo.events("atlas")] == ["evt_1"]
    assert [e.id for e in repo.events(None)] == ["evt_3", "evt_1"]
    assert repo.delete_webhook(h2.id) and not repo.delete_webhook(h2.id)
    assert repo.get_webhook(h2.id) is None


def test_tinydb_outbox_and_events_survive_a_reopen(tmp_path: Path) -> None:
    store = open_tinydb_store(tmp_path / "data")
    h = hook(1)
    store.webhooks.add_webhook(h)
    pending = delivery(event(1), h, T0)
    store.webhooks.enqueue([pending])
    store.webhooks.record_event(event(1))
    store.close()
    with (tmp_path / "data" / "events.jsonl").open("a") as f:
        f.write('{"id": "evt_torn", "ty')  # a crash in the middle of a line
    (tmp_path / "data" / ".webhooks.json.1-2.tmp").write_text("half")
    reopened = open_tinydb_store(tmp_path / "data")
    try:
        assert reopened.webhooks.get_webhook(h.id) == h
        assert reopened.webhooks.due(T0, 10) == [pending]
        assert [e.id for e in reopened.webhooks.events("atlas")] == ["evt_1"]
        reopened.webhooks.record_event(event(2))
        reopened.close()
        reopened = open_tinydb_store(tmp_path / "data")
        assert [e.id for e in reopened.webhooks.events("atlas")] == ["evt_2", "evt_1"]
        assert not list((tmp_path / "data").glob(".webhooks.json.*.tmp"))
    finally:
        reopened.close()


def test_postgres_senders_claim_deliveries_one_at_a_time(pg_empty: TemporaryDatabase) -> None:
    """Two servers' senders on one outbox: each due delivery goes to one of them, and to the other only
    after the first one's claim lapsed without an outcome (a sender that died)."""
    db = Database(pg_empty.url())
    try:
        first, second = PostgresWebhooks(db), PostgresWebhooks(db, claim_seconds=0.5)
        h = hook(1)
        first.add_webhook(h)
        pending = [delivery(event(n), h, T0) for n in range(4)]
        assert first.enqueue(pending) == 4
        with ThreadPoolExecutor(2) as pool:
            a, b = pool.map(lambda repo: repo.due(T0, 3), (first, second))
        assert sorted(d.id for d in [*a, *b]) == sorted(d.id for d in pending)  # each once
        assert {d.id for d in a}.isdisjoint(d.id for d in b)
        assert first.due(T0, 10) == a and second.due(T0, 10) == b  # a sender sees its own claims again
        for d in a:
            first.save_delivery(
                d.model_copy(update={"state": DeliveryState.delivered, "next_attempt_at": None})
            )
        assert second.due(T0, 10) == b and first.due(T0, 10) == []  # `second` still holds its claims
        time.sleep(0.6)  # `second` dies: its short claims lapse, `first` takes over with the same ids
        assert sorted(d.id for d in first.due(T0, 10)) == sorted(d.id for d in b)
        assert second.due(T0, 10) == []
    finally:
        db.close()
