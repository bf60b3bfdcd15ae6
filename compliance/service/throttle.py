"""Guessing keys: failed authentications are counted per client address and claimed key id together, and
beyond a limit in a window they are answered 429 with Retry-After. The right secret is checked first and
never refused, so guessing a partner's key id cannot lock its CI out; and since counters are per address,
one client's failures do not slow another."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from compliance.service.access import Credentials, Principal, authenticate
from compliance.service.errors import ServiceError, Unauthenticated
from compliance.storage.protocol import AccessRepository, FailureCounters


class TooManyFailures(ServiceError):
    """Too many failed authentications from this address for this key id; retry after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            "too many failed authentications from this address for this key; "
            "retry after the Retry-After delay with a valid key"
        )


@dataclass
class AuthThrottle:
    counters: FailureCounters
    limit: int = 10
    window: float = 60.0

    def authenticate(
        self, access: AccessRepository, credentials: Credentials | str | None, address: str
    ) -> Principal:
        """`credentials` as the API reads them, or an Authorization header's value."""
        if not isinstance(credentials, Credentials):
            credentials = Credentials.from_header(credentials)
        try:
            principal = authenticate(access, credentials)
        except Unauthenticated:
            if not credentials.presented:  # no key at all is not a guess
                raise
            subject = f"{address} {credentials.claimed_key_id() or '-'}"
            failures, left = self.counters.add_failure(subject, time.time(), self.window)
            if failures > self.limit:
                raise TooManyFailures(max(1, math.ceil(left))) from None
            raise
        return principal
