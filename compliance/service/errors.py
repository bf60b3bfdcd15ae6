"""What a use case can refuse. The API maps each to a status code; the CLI to a message."""

from __future__ import annotations

from compliance.domain.field_errors import FieldError, describe
from compliance.i18n.catalogued import Catalogued
from compliance.storage.errors import AlreadyExists, StoreCorrupted, StoreError, StoreLocked


class ServiceError(Exception):
    """Base of refusals; the message is safe to show: it never holds submitted values."""


class Unauthenticated(ServiceError):
    """No key, an unknown key or a revoked key."""


class Forbidden(ServiceError):
    """A valid key whose role may not do this."""


class NotFound(ServiceError):
    """No such thing, or one the caller may not see (another organisation's project). The message never
    repeats the id asked for."""


# Refusals worded once, in English: the API answers them in the request's language through the catalogue.
NO_PROJECT = "no such project"
NO_VERSION = "this project has no such version"
NO_FINDING = "this version has no such finding"
NO_RULE = "no such rule"
NO_API_KEY = "an API key is required: send 'Authorization: Bearer <key>'"
BAD_AUTHORIZATION = "the Authorization header must be 'Bearer <key>' with a key from 'compliance admin'"
UNKNOWN_API_KEY = "unknown API key"
REVOKED_API_KEY = "this API key was revoked"
ADMIN_ONLY = "only an administrator of the organisation may do this"
PROJECT_KEY_REUSED = "this Idempotency-Key was already used to create a different project"
VERSION_KEY_REUSED = "this Idempotency-Key was already used for a different submission"
_REFUSALS = (
    NO_PROJECT,
    NO_VERSION,
    NO_FINDING,
    NO_RULE,
    NO_API_KEY,
    BAD_AUTHORIZATION,
    UNKNOWN_API_KEY,
    REVOKED_API_KEY,
    ADMIN_ONLY,
    PROJECT_KEY_REUSED,
    VERSION_KEY_REUSED,
)
REFUSALS: Catalogued[str] = Catalogued("refusal", {text: text for text in _REFUSALS})


class InvalidRequest(ServiceError):
    """A request that names a field wrongly: its field `errors`."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(describe(e) for e in errors))


class IdempotencyMismatch(ServiceError):
    """An Idempotency-Key already used for a different request."""


__all__ = [
    "NO_PROJECT",
    "NO_VERSION",
    "AlreadyExists",
    "Forbidden",
    "IdempotencyMismatch",
    "InvalidRequest",
    "NotFound",
    "ServiceError",
    "StoreCorrupted",
    "StoreError",
    "StoreLocked",
    "Unauthenticated",
]
