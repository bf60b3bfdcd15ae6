"""Server-side sessions and sign-in throttling.

A session id is 32 random bytes shown only to the browser; the store keeps its sha256. Sessions expire after
`idle` without use and `absolute` after sign-in whatever the use, and end at sign-out, on a password change
and on a role change. Throttling never refuses an attempt: once an address or an account has had `free`
failures in `window`, each further attempt on it waits for its own slot (`spacing` apart, at most
`max_wait`), so guessing slows to a crawl while the right password still signs in.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from compliance.storage.accounts import AccountTables, User, WebSession
from compliance.storage.protocol import FailureCounters

SESSION_COOKIE = "__Host-session"  # the web app's; the API refuses any request that carries it


def session_hash(session_id: str) -> str:
    return "sha256:" + hashlib.sha256(session_id.encode()).hexdigest()


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)
    touch_every: timedelta = timedelta(seconds=60)  # a write per minute of use at most


class Sessions:
    def __init__(self, repo: AccountTables, policy: SessionPolicy | None = None) -> None:
        self.repo = repo
        self.policy = policy or SessionPolicy()

    def start(
        self, user: User, *, second_factor_done: bool, replacing: str | None = None
    ) -> tuple[str, WebSession]:
        """A new session id (never the one the browser came with: no fixation); `replacing` is ended."""
        if replacing:
            self.end(replacing)
        session_id = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        session = WebSession(
            id_hash=session_hash(session_id),
            user_id=user.id,
            created_at=now,
            last_seen=now,
            csrf=secrets.token_urlsafe(32),
            second_factor_done=second_factor_done,
        )
        self.repo.add_session(session)
        return session_id, session

    def resolve(self, session_id: str | None) -> tuple[WebSession, User] | None:
        """The live session and its enabled user, or None (an expired session is removed)."""
        if not session_id or len(session_id) > 100:
            return None
        key = session_hash(session_id)
        session = self.repo.get_session(key)
        if session is None:
            return None
        now = datetime.now(UTC)
        user = self.repo.get_user(session.user_id)
        if (
            user is None
            or user.disabled
            or now - session.last_seen > self.policy.idle
            or now - session.created_at > self.policy.absolute
            or session.created_at < user.password_changed_at
        ):
            self.repo.delete_session(key)
            return None
        if now - session.last_seen > self.policy.touch_every:
            session = session.model_copy(update={"last_seen": now})
            self.repo.save_session(session)
        return session, user

    def end(self, session_id: str) -> None:
        self.repo.delete_session(session_hash(session_id))


@dataclass(frozen=True)
class ThrottlePolicy:
    free: int = 5
    window: float = 15 * 60.0
    spacing: float = 2.0
    max_wait: float = 20.0


class Throttle:
    """Failed sign-ins counted per key by the `FailureCounters` every throttle shares. Past `free` failures in
    a window, attempts on a key take slots `spacing` apart, counted like failures in windows of `max_wait`: a
    queue, so that parallel guesses wait in line."""

    def __init__(self, counters: FailureCounters, policy: ThrottlePolicy | None = None) -> None:
        self.counters = counters
        self.policy = policy or ThrottlePolicy()

    @staticmethod
    def keys(address: str, email: str) -> list[str]:
        return [f"addr:{address}", "acct:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]]

    @staticmethod
    def second_factor_keys(email: str) -> list[str]:
        """The key counting an account's wrong second-factor codes: apart from its passwords', which the right
        password clears, so that signing in again does not give a guesser of codes new free attempts."""
        return ["totp:" + Throttle.keys("", email)[1]]

    def wait_before(self, keys: list[str]) -> float:
        """Seconds to wait before checking this attempt (0 while the keys are under their free failures)."""
        now = time.time()
        policy = self.policy
        wait = 0.0
        for key in keys:
            if self.counters.failures(key, now) >= policy.free:
                slot, left = self.counters.add_failure(f"slot:{key}", now, policy.max_wait)
                # The slot's time from the start of its window; a queue that emptied still waits one spacing.
                wait = max(wait, policy.spacing, slot * policy.spacing - (policy.max_wait - left))
        return min(wait, policy.max_wait)

    def failed(self, keys: list[str]) -> None:
        now = time.time()
        for key in keys:
            self.counters.add_failure(key, now, self.policy.window)

    def succeeded(self, account_key: str) -> None:
        self.counters.clear(account_key)
        self.counters.clear(f"slot:{account_key}")
