"""What notifications cost a submission: emitting an event (recorded for the app, one outbox entry per
subscribed webhook) on the memory and TinyDB stores, and signing a request.

    .venv/bin/python bench/notify_bench.py [events]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from compliance.domain.events import EventType
from compliance.service.notifications import Notifier
from compliance.service.webhook_signing import new_secret, signed_headers
from compliance.storage.memory import memory_store
from compliance.storage.protocol import Store
from compliance.storage.tinydb_store import open_tinydb_store
from compliance.storage.webhook_records import Webhook


def _emit(store: Store, events: int, hooks: int) -> float:
    for n in range(hooks):
        store.webhooks.add_webhook(
            Webhook(
                id=f"whk_{n:016x}",
                owner="atlas",
                url="https://hooks.example.ma/x",
                secret=new_secret(),
                events=list(EventType),
                created_at=datetime.now(UTC),
                created_by="key_000000000000",
            )
        )
    notifier = Notifier(store)
    start = time.perf_counter()
    for i in range(events):
        notifier.emit(EventType.submitted, "atlas", {"project_id": f"prj_{i:016x}", "version": 1})
    return (time.perf_counter() - start) / events * 1e3


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for hooks in (0, 1, 3):
        print(f"memory, {hooks} webhook(s): {_emit(memory_store(), events, hooks):.3f} ms per event")
        with tempfile.TemporaryDirectory() as folder:
            store = open_tinydb_store(Path(folder) / "data")
            try:
                print(f"tinydb, {hooks} webhook(s): {_emit(store, events, hooks):.3f} ms per event")
            finally:
                store.close()
    body = b'{"id":"evt_x","type":"project.submitted","data":{}}'
    secret = new_secret()
    start = time.perf_counter()
    for _ in range(10_000):
        signed_headers(secret, "evt_x", 1_700_000_000, body)
    print(f"signing: {(time.perf_counter() - start) / 10_000 * 1e6:.1f} µs per request")


if __name__ == "__main__":
    main()
