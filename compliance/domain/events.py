"""Notifications: what happened to a project, as receivers of webhooks and the app see it.

An event carries ids and states only, never anything of the submission's contents: a receiver that needs
more reads it through the API with its own key.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from enum import StrEnum

from pydantic import Field

from compliance.domain.base import Frozen

# The owner of the liaisons' webhooks (an organisation id cannot be this: ids have no underscore).
LIAISONS = "cndp_liaisons"


class EventType(StrEnum):
    submitted = "project.submitted"
    resubmitted = "project.resubmitted"
    changes_requested = "review.changes_requested"
    approved = "review.approved"
    rejected = "review.rejected"
    waiver_expiring = "waiver.expiring"
    verdict_changed = "pack.verdict_changed"  # a rule-pack update changed a stored project's verdict
    test = "webhook.test"


EventValue = str | int | None


class Event(Frozen):
    id: str = Field(description="Stable across retries and restarts: receivers drop duplicates by it.")
    type: EventType
    timestamp: datetime
    organisation: str
    data: dict[str, EventValue] = Field(description="Ids and states only.")

    def body(self) -> bytes:
        """The exact bytes sent and signed."""
        return self.model_dump_json().encode()


def new_event_id() -> str:
    return "evt_" + secrets.token_hex(12)


def stable_event_id(*parts: str) -> str:
    """An id derived from what the event is about, for events a periodic scan may find again (a waiver
    about to expire): the same facts give the same id, so the outbox keeps one."""
    return "evt_" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]
