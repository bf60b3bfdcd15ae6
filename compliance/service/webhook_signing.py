"""Signing webhook requests the Standard Webhooks way: HMAC-SHA256 over `id.timestamp.body`.

Headers: `webhook-id` (the event id, the same on every retry), `webhook-timestamp` (Unix seconds of this
attempt) and `webhook-signature` (`v1,<base64 signature>`). The secret is `whsec_<base64 key>`; receivers
check the signature and refuse a timestamp too far from their clock (replays).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature(secret: str, event_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{event_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def signed_headers(secret: str, event_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "webhook-id": event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, event_id, timestamp, body),
    }
