"""What the store keeps for notifications: webhooks, the outbox of deliveries with their attempts, and
the recent events shown in the app."""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.events import Event, EventType


class Webhook(Frozen):
    id: str
    owner: str = Field(description="The organisation, or 'cndp_liaisons' for the liaisons' webhooks.")
    url: str
    secret: str = Field(repr=False, description="whsec_<base64>: the HMAC key, shown once at creation.")
    events: list[EventType]
    description: str = ""
    created_at: datetime
    created_by: str


class DeliveryState(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"  # every attempt of the schedule failed, or the target was refused


class Attempt(Frozen):
    at: datetime
    status: int | None = Field(description="The HTTP status answered, if any.")
    error: str | None = None
    duration_ms: int


class Delivery(Frozen):
    id: str
    webhook_id: str
    owner: str
    event: Event
    state: DeliveryState = DeliveryState.pending
    attempts: list[Attempt] = Field(default_factory=list)
    next_attempt_at: datetime | None

    @staticmethod
    def id_for(event_id: str, webhook_id: str) -> str:
        """One delivery per event and webhook: enqueuing the same event again is a no-op."""
        return "dlv_" + hashlib.sha256(f"{event_id}/{webhook_id}".encode()).hexdigest()[:20]
