"""What a use case can refuse. The API maps each to a status code; the CLI to a message."""

from __future__ import annotations

from compliance.domain.field_errors import FieldError, describe
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


NO_PROJECT = "no such project"
NO_VERSION = "this project has no such version"


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
