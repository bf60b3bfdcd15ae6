"""The background sender: takes due deliveries from the outbox and POSTs them, signed, to their webhook.

A 2xx answer delivers. Anything else (an error status, a redirect, which is never followed, a timeout, a
refused target) is logged as an attempt and retried on the schedule; after the last retry the delivery is
failed. The event id stays the same across attempts and restarts; the timestamp and signature are the
attempt's own. Every `scan_every` seconds the sender also looks for waivers about to expire.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from compliance.service.notifications import Notifier
from compliance.service.webhook_signing import signed_headers
from compliance.service.webhook_targets import RefusedTarget, TargetPolicy
from compliance.storage.protocol import Store
from compliance.storage.webhook_records import Attempt, Delivery, DeliveryState

log = logging.getLogger("compliance.webhooks")

# Seconds to wait before each retry (the Standard Webhooks schedule, shortened at the end).
DEFAULT_SCHEDULE = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0)
BATCH = 20


class WebhookSender:
    def __init__(
        self,
        store: Store,
        policy: TargetPolicy,
        notifier: Notifier,
        schedule: tuple[float, ...] = DEFAULT_SCHEDULE,
        timeout: float = 10.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.policy = policy
        self.notifier = notifier
        self.schedule = schedule
        self.timeout = timeout
        self.clock = clock

    async def run(self, poll: float, scan_every: float) -> None:
        """Deliver until cancelled (the server's lifespan owns the task)."""
        last_scan = -scan_every
        async with httpx.AsyncClient(follow_redirects=False, timeout=self.timeout, trust_env=False) as client:
            while True:
                try:
                    if time.monotonic() - last_scan >= scan_every:
                        last_scan = time.monotonic()
                        await asyncio.to_thread(self.scan_waivers)
                    await self.deliver_due(client)
                except asyncio.CancelledError:
                    raise
                except Exception:  # a bad delivery must not stop the sender
                    log.exception("webhook sender pass failed")
                await asyncio.sleep(poll)

    def scan_waivers(self) -> int:
        records = []
        for project in self.store.projects.list_projects(None, offset=0, limit=10_000).items:
            if project.latest is not None:
                record = self.store.projects.get_review(project.id, project.latest.number)
                if record is not None:
                    records.append(record)
        return self.notifier.expiring_waivers(records, self.clock().date())

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        due = await asyncio.to_thread(self.store.webhooks.due, self.clock(), BATCH)
        for delivery in due:
            updated = await self.attempt(client, delivery)
            await asyncio.to_thread(self.store.webhooks.save_delivery, updated)
        return len(due)

    async def attempt(self, client: httpx.AsyncClient, delivery: Delivery) -> Delivery:
        started = self.clock()
        hook = self.store.webhooks.get_webhook(delivery.webhook_id)
        status: int | None = None
        error: str | None = None
        final = False
        t0 = time.monotonic()
        if hook is None:
            error, final = "the webhook was deleted", True
        else:
            try:
                await asyncio.to_thread(self.policy.check, hook.url)
                body = delivery.event.body()
                headers = signed_headers(hook.secret, delivery.event.id, int(time.time()), body)
                answer = await client.post(hook.url, content=body, headers=headers)
                status = answer.status_code
                if answer.is_redirect:
                    error = "redirect not followed"
                elif not answer.is_success:
                    error = f"answered {status}"
            except RefusedTarget as exc:
                error, final = f"target refused: {exc}", True
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}"
        attempt = Attempt(
            at=started, status=status, error=error, duration_ms=int((time.monotonic() - t0) * 1000)
        )
        attempts = [*delivery.attempts, attempt]
        if error is None:
            return delivery.model_copy(
                update={"attempts": attempts, "state": DeliveryState.delivered, "next_attempt_at": None}
            )
        retry = len(attempts) - 1
        if final or retry >= len(self.schedule):
            log.warning("webhook delivery %s failed after %d attempts", delivery.id, len(attempts))
            return delivery.model_copy(
                update={"attempts": attempts, "state": DeliveryState.failed, "next_attempt_at": None}
            )
        next_at = self.clock() + timedelta(seconds=self.schedule[retry])
        return delivery.model_copy(update={"attempts": attempts, "next_attempt_at": next_at})
