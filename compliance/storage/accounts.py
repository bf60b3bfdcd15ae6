"""What the web app keeps: people's accounts, one-time links, sessions, sign-in attempts and drafts.

Each is behind a small protocol so that a server database can take them over later (sessions and attempt
counters included: nothing here lives in a module-level variable). `AccountTables` implements all four on
top of a table backend: `MemoryTables` (one instance per store) or `TinyDBTables` (atomic JSON files under
the data folder, one file per kind and one drafts file per organisation, written under a file lock so that
`compliance admin create-user` may run beside a live server).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from pydantic import Field

from compliance.storage.atomic_files import AtomicJSONStorage
from compliance.storage.errors import AlreadyExists
from compliance.storage.records import ORG_ID, Record, Role

Doc = dict[str, Any]
STALE = 24 * 3600.0  # seconds after which a quiet sign-in attempt counter is forgotten
_RECORDS = "records"


class User(Record):
    id: str
    email: str = Field(description="Lower-cased; unique.")
    organisation: str | None = Field(description="None for CNDP liaisons and service admins.")
    role: Role
    org_admin: bool = False
    password_hash: str
    totp_secret: str | None = None
    totp_last_step: int = 0
    disabled: bool = False
    created_at: datetime
    password_changed_at: datetime

    @property
    def needs_second_factor(self) -> bool:
        """Liaisons, service admins and organisation admins must use TOTP."""
        return self.role in (Role.liaison, Role.admin) or self.org_admin


class TokenPurpose(StrEnum):
    invitation = "invitation"
    password_reset = "password_reset"


class OneTimeToken(Record):
    """An invitation or a password-reset link; only a hash of its secret is kept, and it is used once."""

    token_hash: str
    purpose: TokenPurpose
    email: str
    organisation: str | None
    role: Role
    org_admin: bool = False
    user_id: str | None = None
    created_by: str
    created_at: datetime
    expires_at: datetime


class WebSession(Record):
    """A signed-in browser. The cookie carries a random id; the store keeps only its hash."""

    id_hash: str
    user_id: str
    created_at: datetime
    last_seen: datetime
    csrf: str
    second_factor_done: bool


class Draft(Record):
    """A questionnaire being filled in: partial answers, possibly invalid, kept per organisation."""

    id: str
    organisation: str
    name: str
    answers: dict[str, Any] = Field(default_factory=dict)
    project_id: str | None = None
    created_at: datetime
    updated_at: datetime
    updated_by: str


class UserRepository(Protocol):
    def add_user(self, user: User) -> None:
        """Raises AlreadyExists when the e-mail or id is taken."""

    def get_user(self, user_id: str) -> User | None: ...

    def find_user(self, email: str) -> User | None: ...

    def list_users(self, organisation: str | None) -> list[User]:
        """The users of one organisation; None lists every user."""

    def save_user(self, user: User) -> None: ...

    def delete_user(self, user_id: str) -> bool: ...

    def add_token(self, token: OneTimeToken) -> None: ...

    def take_token(self, token_hash: str) -> OneTimeToken | None:
        """The token, removed in the same step: a second use finds nothing."""

    def peek_token(self, token_hash: str) -> OneTimeToken | None: ...


class SessionStore(Protocol):
    def add_session(self, session: WebSession) -> None: ...

    def get_session(self, id_hash: str) -> WebSession | None: ...

    def save_session(self, session: WebSession) -> None: ...

    def delete_session(self, id_hash: str) -> None: ...

    def delete_user_sessions(self, user_id: str) -> int: ...


class AttemptCounter(Protocol):
    """Failed sign-ins per key (an address or an account), for throttling."""

    def record_failure(self, key: str, at: float) -> None: ...

    def failures_since(self, key: str, since: float) -> int: ...

    def clear(self, key: str) -> None: ...

    def reserve(self, key: str, now: float, spacing: float) -> float:
        """Book the key's next attempt slot, `spacing` seconds after the previous slot or now, whichever is
        later; the seconds to wait for it."""


class DraftRepository(Protocol):
    def save_draft(self, draft: Draft) -> None: ...

    def get_draft(self, organisation: str, draft_id: str) -> Draft | None: ...

    def list_drafts(self, organisation: str) -> list[Draft]: ...

    def delete_draft(self, organisation: str, draft_id: str) -> bool: ...

    def delete_organisation_drafts(self, organisation: str) -> int: ...


class Tables(Protocol):
    """Named tables of documents by key; `change` runs its function under the table's lock."""

    def read(self, table: str) -> dict[str, Doc]: ...

    def change(self, table: str, fn: Callable[[dict[str, Doc]], object]) -> None: ...


class MemoryTables:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tables: dict[str, dict[str, Doc]] = {}

    def read(self, table: str) -> dict[str, Doc]:
        with self._lock:
            return dict(self._tables.get(table, {}))

    def change(self, table: str, fn: Callable[[dict[str, Doc]], object]) -> None:
        with self._lock:
            current = dict(self._tables.get(table, {}))
            fn(current)
            self._tables[table] = current


class TinyDBTables:
    """One atomic JSON file (TinyDB's storage format) per table, re-read when another process changed it."""

    def __init__(self, root: Path, paths: Callable[[str], Path], quarantine_dir: Path) -> None:
        self._root = root
        self._paths = paths
        self._quarantine = quarantine_dir
        self._lock = threading.Lock()
        self._open: dict[Path, tuple[tuple[int, int, int] | None, AtomicJSONStorage]] = {}

    @staticmethod
    def _identity(path: Path) -> tuple[int, int, int] | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _storage(self, path: Path) -> AtomicJSONStorage:
        identity = self._identity(path)
        known = self._open.get(path)
        if known is None or known[0] != identity:
            known = (identity, AtomicJSONStorage(str(path), self._quarantine, self._root))
            self._open[path] = known
        return known[1]

    def read(self, table: str) -> dict[str, Doc]:
        path = self._paths(table)
        with self._lock:
            data = self._storage(path).read() or {}
            return dict(data.get(_RECORDS, {}))

    @contextmanager
    def _file_lock(self, path: Path) -> Iterator[None]:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def change(self, table: str, fn: Callable[[dict[str, Doc]], object]) -> None:
        path = self._paths(table)
        with self._lock, self._file_lock(path):
            self._open.pop(path, None)  # under the file lock: read what is on disk now
            storage = self._storage(path)
            current = dict((storage.read() or {}).get(_RECORDS, {}))
            fn(current)
            storage.write({_RECORDS: current})
            self._open[path] = (self._identity(path), storage)


def _drafts_table(organisation: str) -> str:
    if not ORG_ID.match(organisation):
        raise ValueError(f"not an organisation id: {organisation!r}")
    return f"drafts:{organisation}"


def tinydb_table_path(root: Path) -> Callable[[str], Path]:
    def path(table: str) -> Path:
        if table.startswith("drafts:"):
            return root / "orgs" / table.split(":", 1)[1] / "drafts.json"
        return root / "web" / f"{table}.json"

    return path


class AccountTables:
    """Users, one-time tokens, sessions, attempt counters and drafts over one table backend."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    # -- users -------------------------------------------------------------------------------------------
    def add_user(self, user: User) -> None:
        def add(users: dict[str, Doc]) -> None:
            if user.id in users or any(u["email"] == user.email for u in users.values()):
                raise AlreadyExists(f"an account with the e-mail '{user.email}' already exists")
            users[user.id] = user.model_dump(mode="json")

        self.tables.change("users", add)

    def get_user(self, user_id: str) -> User | None:
        doc = self.tables.read("users").get(user_id)
        return User.model_validate(doc) if doc else None

    def find_user(self, email: str) -> User | None:
        email = email.strip().lower()
        for doc in self.tables.read("users").values():
            if doc["email"] == email:
                return User.model_validate(doc)
        return None

    def list_users(self, organisation: str | None) -> list[User]:
        users = [User.model_validate(d) for d in self.tables.read("users").values()]
        if organisation is not None:
            users = [u for u in users if u.organisation == organisation]
        return sorted(users, key=lambda u: (u.created_at, u.id))

    def save_user(self, user: User) -> None:
        self.tables.change("users", lambda users: users.__setitem__(user.id, user.model_dump(mode="json")))

    def delete_user(self, user_id: str) -> bool:
        found: list[bool] = []
        self.tables.change("users", lambda users: found.append(users.pop(user_id, None) is not None))
        return found[0]

    def add_token(self, token: OneTimeToken) -> None:
        doc = token.model_dump(mode="json")
        self.tables.change("tokens", lambda tokens: tokens.__setitem__(token.token_hash, doc))

    def take_token(self, token_hash: str) -> OneTimeToken | None:
        taken: list[Doc | None] = []
        self.tables.change("tokens", lambda tokens: taken.append(tokens.pop(token_hash, None)))
        return OneTimeToken.model_validate(taken[0]) if taken[0] else None

    def peek_token(self, token_hash: str) -> OneTimeToken | None:
        doc = self.tables.read("tokens").get(token_hash)
        return OneTimeToken.model_validate(doc) if doc else None

    # -- sessions ----------------------------------------------------------------------------------------
    def add_session(self, session: WebSession) -> None:
        self.save_session(session)

    def get_session(self, id_hash: str) -> WebSession | None:
        doc = self.tables.read("sessions").get(id_hash)
        return WebSession.model_validate(doc) if doc else None

    def save_session(self, session: WebSession) -> None:
        doc = session.model_dump(mode="json")
        self.tables.change("sessions", lambda sessions: sessions.__setitem__(session.id_hash, doc))

    def delete_session(self, id_hash: str) -> None:
        self.tables.change("sessions", lambda sessions: sessions.pop(id_hash, None))

    def delete_user_sessions(self, user_id: str) -> int:
        removed: list[str] = []

        def drop(sessions: dict[str, Doc]) -> None:
            for key in [k for k, d in sessions.items() if d["user_id"] == user_id]:
                removed.append(key)
                del sessions[key]

        self.tables.change("sessions", drop)
        return len(removed)

    # -- attempts ----------------------------------------------------------------------------------------
    def record_failure(self, key: str, at: float) -> None:
        def add(attempts: dict[str, Doc]) -> None:
            # Keys quiet for a day are dropped, so that many addresses cannot grow the table for good.
            for stale in [
                k for k, d in attempts.items() if max([d["next_slot"], *d["failures"]]) < at - STALE
            ]:
                del attempts[stale]
            doc = attempts.setdefault(key, {"failures": [], "next_slot": 0.0})
            doc["failures"] = [*doc["failures"][-99:], at]

        self.tables.change("attempts", add)

    def failures_since(self, key: str, since: float) -> int:
        doc = self.tables.read("attempts").get(key)
        return sum(1 for at in doc["failures"] if at >= since) if doc else 0

    def clear(self, key: str) -> None:
        self.tables.change("attempts", lambda attempts: attempts.pop(key, None))

    def reserve(self, key: str, now: float, spacing: float) -> float:
        wait: list[float] = []

        def book(attempts: dict[str, Doc]) -> None:
            doc = attempts.setdefault(key, {"failures": [], "next_slot": 0.0})
            slot = max(float(doc["next_slot"]), now) + spacing
            doc["next_slot"] = slot
            wait.append(slot - now)

        self.tables.change("attempts", book)
        return wait[0]

    # -- drafts ------------------------------------------------------------------------------------------
    def save_draft(self, draft: Draft) -> None:
        doc = draft.model_dump(mode="json")
        self.tables.change(_drafts_table(draft.organisation), lambda d: d.__setitem__(draft.id, doc))

    def get_draft(self, organisation: str, draft_id: str) -> Draft | None:
        doc = self.tables.read(_drafts_table(organisation)).get(draft_id)
        return Draft.model_validate(doc) if doc else None

    def list_drafts(self, organisation: str) -> list[Draft]:
        drafts = [Draft.model_validate(d) for d in self.tables.read(_drafts_table(organisation)).values()]
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    def delete_draft(self, organisation: str, draft_id: str) -> bool:
        found: list[bool] = []
        self.tables.change(
            _drafts_table(organisation), lambda d: found.append(d.pop(draft_id, None) is not None)
        )
        return found[0]

    def delete_organisation_drafts(self, organisation: str) -> int:
        count: list[int] = []

        def clear(drafts: dict[str, Doc]) -> None:
            count.append(len(drafts))
            drafts.clear()

        self.tables.change(_drafts_table(organisation), clear)
        return count[0]


def memory_accounts() -> AccountTables:
    return AccountTables(MemoryTables())


def tinydb_accounts(root: Path, quarantine_dir: Path) -> AccountTables:
    return AccountTables(TinyDBTables(root, tinydb_table_path(root), quarantine_dir))
