"""Notifications in the running server: the notifier the use cases call, and the background sender."""

from __future__ import annotations

import asyncio
import contextlib

from compliance.api.settings import Settings
from compliance.service.notifications import Notifier, Webhooks
from compliance.service.webhook_sender import DEFAULT_SCHEDULE, WebhookSender
from compliance.service.webhook_targets import TargetPolicy
from compliance.storage.protocol import Store


def wire_notifications(
    store: Store, settings: Settings, notifier: Notifier
) -> tuple[Webhooks, WebhookSender]:
    """The webhook endpoints' service and the background sender; the use cases get `notifier` at construction."""
    policy = TargetPolicy.parse(settings.webhook_allow)
    schedule = (
        tuple(float(s) for s in settings.webhook_retry.split(",") if s.strip())
        if settings.webhook_retry
        else DEFAULT_SCHEDULE
    )
    return Webhooks(store, notifier, policy), WebhookSender(store, policy, notifier, schedule)


def start_sender(sender: WebhookSender, settings: Settings) -> asyncio.Task[None]:
    return asyncio.create_task(
        sender.run(settings.webhook_poll, settings.webhook_scan), name="webhook-sender"
    )


async def stop_sender(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
