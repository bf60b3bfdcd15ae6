"""Webhooks, the outbox of their deliveries and recent events in PostgreSQL, shared by every server.

Each server runs a sender. `due` claims what it returns: the rows are picked with `FOR UPDATE SKIP LOCKED`
(two senders polling at once never pick the same row) and marked claimed by this repository for
`CLAIM_SECONDS`, so that no other server sends them while this one does. `save_delivery` stores the
outcome and releases the claim. A sender that dies mid-batch leaves claims that lapse: another server
sends those deliveries again, with the same event id (at least once, the receiver deduplicates).

Row-level security: webhooks, deliveries and events carry their owner's organisation. Calls that name an
organisation (a listing of its webhooks or events) run in its scope; the sender's and the notifier's calls
(the outbox across every organisation, a webhook looked up by id before its owner is checked) run in the
scope of every organisation.
"""

from __future__ import annotations

import itertools
import secrets
from datetime import datetime

from psycopg.types.json import Jsonb

from compliance.domain.events import Event
from compliance.storage.postgres.database import Database
from compliance.storage.scope import EVERY_ORGANISATION
from compliance.storage.webhook_records import Delivery, DeliveryState, Webhook
from compliance.storage.webhooks import KEEP_DELIVERIES, KEEP_EVENTS

CLAIM_SECONDS = 300  # longer than a batch of sends with their timeouts
SWEEP_EVERY = 100  # recorded events between two trims of the events table

_CLAIM = """
WITH picked AS (
    SELECT id FROM deliveries
    WHERE state = 'pending' AND next_attempt_at <= %(now)s
      AND (claimed_until IS NULL OR claimed_until < clock_timestamp() OR claimed_by = %(me)s)
    ORDER BY next_attempt_at, id
    LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
)
UPDATE deliveries d
SET claimed_by = %(me)s, claimed_until = clock_timestamp() + make_interval(secs => %(claim)s)
FROM picked WHERE d.id = picked.id
RETURNING d.doc
"""
_SAVE = """
UPDATE deliveries SET state = %s, next_attempt_at = %s, doc = %s, claimed_by = NULL, claimed_until = NULL
WHERE id = %s
"""
_PRUNE = """
DELETE FROM deliveries WHERE id IN (
    SELECT id FROM deliveries WHERE webhook_id = %s AND state <> 'pending'
    ORDER BY event_at DESC, id OFFSET %s
)
"""


class PostgresWebhooks:
    def __init__(self, db: Database, claim_seconds: float = CLAIM_SECONDS) -> None:
        self._db = db
        self.claim_seconds = claim_seconds
        self._me = "snd_" + secrets.token_hex(8)  # this repository, as a claimant of deliveries
        self._recorded = itertools.count(1)

    # -- webhooks ---------------------------------------------------------------------------------------
    def add_webhook(self, hook: Webhook) -> None:
        with self._db.transaction(scope=hook.owner) as cur:
            cur.execute(
                "INSERT INTO webhooks (id, owner, created_at, doc) VALUES (%s, %s, %s, %s)",
                (hook.id, hook.owner, hook.created_at, Jsonb(hook.model_dump(mode="json"))),
            )

    def get_webhook(self, webhook_id: str) -> Webhook | None:
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            row = cur.execute("SELECT doc FROM webhooks WHERE id = %s", (webhook_id,)).fetchone()
        return Webhook.model_validate(row["doc"]) if row else None

    def list_webhooks(self, owner: str | None = None) -> list[Webhook]:
        with self._db.transaction(scope=owner or EVERY_ORGANISATION) as cur:
            rows = cur.execute("SELECT doc FROM webhooks ORDER BY created_at, id").fetchall()
        return [Webhook.model_validate(r["doc"]) for r in rows]

    def delete_webhook(self, webhook_id: str) -> bool:
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            return bool(cur.execute("DELETE FROM webhooks WHERE id = %s", (webhook_id,)).rowcount)

    # -- the outbox -------------------------------------------------------------------------------------
    def enqueue(self, deliveries: list[Delivery]) -> int:
        added = 0
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            for d in deliveries:
                added += cur.execute(
                    "INSERT INTO deliveries (id, webhook_id, owner, state, event_at, next_attempt_at, doc) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                    (
                        d.id,
                        d.webhook_id,
                        d.owner,
                        d.state.value,
                        d.event.timestamp,
                        d.next_attempt_at,
                        Jsonb(d.model_dump(mode="json")),
                    ),
                ).rowcount
        return added

    def due(self, now: datetime, limit: int) -> list[Delivery]:
        """Pending deliveries whose time has come, claimed for this sender (not another's live claim)."""
        args = {"now": now, "me": self._me, "limit": limit, "claim": self.claim_seconds}
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            rows = cur.execute(_CLAIM, args).fetchall()
        found = [Delivery.model_validate(r["doc"]) for r in rows]
        return sorted(found, key=lambda d: (d.next_attempt_at or now, d.id))

    def save_delivery(self, delivery: Delivery) -> None:
        doc = Jsonb(delivery.model_dump(mode="json"))
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            cur.execute(_SAVE, (delivery.state.value, delivery.next_attempt_at, doc, delivery.id))
            if delivery.state is not DeliveryState.pending:
                cur.execute(_PRUNE, (delivery.webhook_id, KEEP_DELIVERIES))

    def deliveries(self, webhook_id: str, limit: int = 100) -> list[Delivery]:
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            rows = cur.execute(
                "SELECT doc FROM deliveries WHERE webhook_id = %s ORDER BY event_at DESC, id LIMIT %s",
                (webhook_id, limit),
            ).fetchall()
        return [Delivery.model_validate(r["doc"]) for r in rows]

    # -- events shown in the app ------------------------------------------------------------------------
    def record_event(self, event: Event) -> None:
        with self._db.transaction(scope=EVERY_ORGANISATION) as cur:
            cur.execute(
                "INSERT INTO events (id, organisation, doc) VALUES (%s, %s, %s) ON CONFLICT (id) DO NOTHING",
                (event.id, event.organisation, Jsonb(event.model_dump(mode="json"))),
            )
            if next(self._recorded) % SWEEP_EVERY == 0:
                cur.execute(
                    "DELETE FROM events WHERE seq <= (SELECT max(seq) FROM events) - %s", (KEEP_EVENTS,)
                )

    def events(self, organisation: str | None, limit: int = 50) -> list[Event]:
        """Newest first; None: every organisation's (for liaisons)."""
        with self._db.transaction(scope=organisation or EVERY_ORGANISATION) as cur:
            rows = cur.execute("SELECT doc FROM events ORDER BY seq DESC LIMIT %s", (limit,)).fetchall()
        return [Event.model_validate(r["doc"]) for r in rows]
