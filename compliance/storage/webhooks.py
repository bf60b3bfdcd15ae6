"""The notification repositories: in memory, and in a TinyDB file of the data folder (webhooks.json).

Both keep the working set in memory behind one lock (webhooks and the outbox are small); the TinyDB one
writes every change through to its file before returning, so a delivery enqueued is a delivery that survives
a restart, with the same event id.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from compliance.domain.events import Event
from compliance.storage.atomic_files import TEMP_SUFFIX, AtomicJSONStorage, atomic_write, open_private
from compliance.storage.webhook_records import Delivery, DeliveryState, Webhook

KEEP_EVENTS = 2000  # recent events shown in the app
KEEP_DELIVERIES = 200  # finished deliveries kept per webhook for its log
WEBHOOKS_FILE = "webhooks.json"
EVENTS_FILE = "events.jsonl"


def read_events(path: Path) -> list[Event]:
    """The recent events of `events.jsonl` as the store reads them: its last KEEP_EVENTS lines, a line that
    does not parse skipped (one torn by a crash: events are for display, the outbox is in webhooks.json)."""
    events: list[Event] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return events
    for line in lines[-KEEP_EVENTS:]:
        try:
            events.append(Event.model_validate_json(line))
        except ValueError:
            continue
    return events


class MemoryWebhooks:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hooks: dict[str, Webhook] = {}
        self._deliveries: dict[str, Delivery] = {}
        self._events: list[Event] = []
        self._event_ids: set[str] = set()  # of `_events`: a repeated event is found without a scan

    # -- write-through hooks (nothing to do in memory) -------------------------------------------------
    def _put(self, table: str, key: str, doc: dict[str, Any]) -> None:
        pass

    def _drop(self, table: str, keys: list[str]) -> None:
        pass

    def _add_all(self, table: str, docs: list[dict[str, Any]]) -> None:
        """Documents whose ids are new, in one write."""

    # -- webhooks ---------------------------------------------------------------------------------------
    def add_webhook(self, hook: Webhook) -> None:
        with self._lock:
            self._hooks[hook.id] = hook
            self._put("webhooks", hook.id, hook.model_dump(mode="json"))

    def get_webhook(self, webhook_id: str) -> Webhook | None:
        with self._lock:
            return self._hooks.get(webhook_id)

    def list_webhooks(self, owner: str | None = None) -> list[Webhook]:
        with self._lock:
            hooks = [h for h in self._hooks.values() if owner is None or h.owner == owner]
        return sorted(hooks, key=lambda h: h.created_at)

    def delete_webhook(self, webhook_id: str) -> bool:
        with self._lock:
            if self._hooks.pop(webhook_id, None) is None:
                return False
            self._drop("webhooks", [webhook_id])
            return True

    # -- the outbox -------------------------------------------------------------------------------------
    def enqueue(self, deliveries: list[Delivery]) -> int:
        """Add the deliveries not already in the outbox; how many were added."""
        with self._lock:
            new = {d.id: d for d in deliveries if d.id not in self._deliveries}
            self._deliveries.update(new)
            if new:
                self._add_all("deliveries", [d.model_dump(mode="json") for d in new.values()])
            return len(new)

    def due(self, now: datetime, limit: int) -> list[Delivery]:
        with self._lock:
            ready = [
                d
                for d in self._deliveries.values()
                if d.state is DeliveryState.pending
                and d.next_attempt_at is not None
                and d.next_attempt_at <= now
            ]
        return sorted(ready, key=lambda d: d.next_attempt_at or now)[:limit]

    def save_delivery(self, delivery: Delivery) -> None:
        with self._lock:
            self._deliveries[delivery.id] = delivery
            self._put("deliveries", delivery.id, delivery.model_dump(mode="json"))
            if delivery.state is not DeliveryState.pending:
                self._prune(delivery.webhook_id)

    def _prune(self, webhook_id: str) -> None:
        done = [
            d
            for d in self._deliveries.values()
            if d.webhook_id == webhook_id and d.state is not DeliveryState.pending
        ]
        done.sort(key=lambda d: d.event.timestamp, reverse=True)
        old = [d.id for d in done[KEEP_DELIVERIES:]]
        for key in old:
            del self._deliveries[key]
        if old:
            self._drop("deliveries", old)

    def deliveries(self, webhook_id: str, limit: int = 100) -> list[Delivery]:
        with self._lock:
            found = [d for d in self._deliveries.values() if d.webhook_id == webhook_id]
        return sorted(found, key=lambda d: d.event.timestamp, reverse=True)[:limit]

    # -- events shown in the app ------------------------------------------------------------------------
    def record_event(self, event: Event) -> None:
        with self._lock:
            if event.id in self._event_ids:
                return
            self._events.append(event)
            self._event_ids.add(event.id)
            self._put("events", event.id, event.model_dump(mode="json"))
            if len(self._events) > KEEP_EVENTS:
                old = [e.id for e in self._events[:-KEEP_EVENTS]]
                self._events = self._events[-KEEP_EVENTS:]
                self._event_ids.difference_update(old)
                self._drop("events", old)

    def events(self, organisation: str | None, limit: int = 50) -> list[Event]:
        """Newest first; None: every organisation's (for liaisons)."""
        with self._lock:
            found = [e for e in self._events if organisation is None or e.organisation == organisation]
        return found[::-1][:limit]


class TinyDBWebhooks(MemoryWebhooks):
    """The same, written through to the data folder: webhooks and the outbox in `webhooks.json` (TinyDB,
    atomic and durable writes, only when there is a subscriber to write for), recent events appended to
    `events.jsonl` (a line per event, no rewrite per submission; compacted when it doubles)."""

    def __init__(self, root: Path, quarantine_dir: Path) -> None:
        super().__init__()
        path = root / WEBHOOKS_FILE
        for tmp in root.glob(f".{path.name}.*{TEMP_SUFFIX}"):
            tmp.unlink(missing_ok=True)  # a write a crash interrupted: never the acknowledged state
        self._db = TinyDB(str(path), quarantine_dir=quarantine_dir, root=root, storage=AtomicJSONStorage)
        for doc in self._db.table("webhooks").all():
            hook = Webhook.model_validate(doc)
            self._hooks[hook.id] = hook
        for doc in self._db.table("deliveries").all():
            delivery = Delivery.model_validate(doc)
            self._deliveries[delivery.id] = delivery
        self._events_path = root / EVENTS_FILE
        self._events = read_events(self._events_path)
        self._event_ids = {e.id for e in self._events}
        self._events_file = open_private(self._events_path)
        if self._events_path.stat().st_size and not self._events_path.read_bytes().endswith(b"\n"):
            self._events_file.write("\n")  # end a line a crash tore, so the next event starts its own
        self._lines = len(self._events)

    def _put(self, table: str, key: str, doc: dict[str, Any]) -> None:
        if table == "events":
            self._events_file.write(json.dumps(doc, separators=(",", ":")) + "\n")
            self._events_file.flush()
            self._lines += 1
            return
        self._db.table(table).upsert(doc, Query().id == key)

    def _add_all(self, table: str, docs: list[dict[str, Any]]) -> None:
        self._db.table(table).insert_multiple(docs)

    def _drop(self, table: str, keys: list[str]) -> None:
        if table == "events":
            if self._lines > 2 * KEEP_EVENTS:
                body = "".join(e.model_dump_json() + "\n" for e in self._events)
                atomic_write(self._events_path, body.encode())
                self._events_file.close()
                self._events_file = open_private(self._events_path)
                self._lines = len(self._events)
            return
        gone = set(keys)
        self._db.table(table).remove(Query().id.test(lambda v: v in gone))

    def close(self) -> None:
        self._events_file.close()
        self._db.close()
