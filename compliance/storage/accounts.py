"""What the web app keeps: people's accounts, one-time links, sessions, failed sign-ins and drafts.

Each is behind a small protocol so that a server database takes them over (sessions and failure counters
included: nothing here lives in a module-level variable; failed sign-ins are counted by the `FailureCounters`
every throttle shares, `failure_counters.py`). `AccountTables` implements the others on top of a table
backend: `MemoryTables` (one instance per store), `PostgresTables` (postgres/accounts.py) or `TinyDBTables`
(atomic JSON files under the data folder, one file per kind and one drafts file per organisation, written
under a file lock so that `compliance admin create-user` may run beside a live server).

A change that is worth an audit entry is given its events: `TinyDBTables` writes them into the file's
outbox in the same atomic write as the change and appends them to the log after (outbox.py), and its
`recover` appends, at start, those a crash kept out of the log; `MemoryTables` appends them directly.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from compliance.i18n.said import said
from compliance.storage.account_records import Draft, OneTimeToken, TokenPurpose, User, WebSession
from compliance.storage.atomic_files import AtomicJSONStorage
from compliance.storage.errors import AlreadyExists
from compliance.storage.failure_counters import TableFailureCounters
from compliance.storage.outbox import EventLog, Outbox
from compliance.storage.records import ORG_ID, AuditEvent

Doc = dict[str, Any]
_RECORDS = "records"


class UserRepository(Protocol):
    def add_user(self, user: User) -> None:
        """Raises AlreadyExists when the e-mail or id is taken."""

    def get_user(self, user_id: str) -> User | None: ...

    def find_user(self, email: str) -> User | None: ...

    def list_users(self, organisation: str | None) -> list[User]:
        """The users of one organisation; None lists every user."""

    def save_user(self, user: User) -> None: ...

    def use_totp_step(self, user_id: str, step: int) -> bool:
        """Record `step` as the user's last second-factor step if it is newer than the stored one, in one
        change: of two sign-ins with the same code, read before either was saved, only one passes."""

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


class DraftRepository(Protocol):
    def save_draft(self, draft: Draft) -> None: ...

    def get_draft(self, organisation: str, draft_id: str) -> Draft | None: ...

    def list_drafts(self, organisation: str) -> list[Draft]: ...

    def delete_draft(self, organisation: str, draft_id: str) -> bool: ...

    def delete_organisation_drafts(self, organisation: str) -> int: ...


class Tables(Protocol):
    """Named tables of documents by key; `change` runs its function under the table's lock and records
    the events with the change (none when the function raises)."""

    def read(self, table: str) -> dict[str, Doc]: ...

    def change(
        self, table: str, fn: Callable[[dict[str, Doc]], object], events: Sequence[AuditEvent] = ()
    ) -> None: ...


def _events(event: AuditEvent | None) -> Sequence[AuditEvent]:
    return () if event is None else (event,)


class MemoryTables:
    def __init__(self, log: EventLog | None = None) -> None:
        self._lock = threading.Lock()
        self._tables: dict[str, dict[str, Doc]] = {}
        self._log = log

    def read(self, table: str) -> dict[str, Doc]:
        with self._lock:
            return dict(self._tables.get(table, {}))

    def change(
        self, table: str, fn: Callable[[dict[str, Doc]], object], events: Sequence[AuditEvent] = ()
    ) -> None:
        if events and self._log is None:
            raise ValueError("these tables have no audit log to record the change in")
        with self._lock:
            current = dict(self._tables.get(table, {}))
            fn(current)
            self._tables[table] = current
            for event in events:
                assert self._log is not None
                self._log.append(event)


class TinyDBTables:
    """One atomic JSON file (TinyDB's storage format) per table, re-read when another process changed it."""

    def __init__(
        self, root: Path, paths: Callable[[str], Path], quarantine_dir: Path, outbox: Outbox
    ) -> None:
        self._root = root
        self._paths = paths
        self._quarantine = quarantine_dir
        self._outbox = outbox
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

    def change(
        self, table: str, fn: Callable[[dict[str, Doc]], object], events: Sequence[AuditEvent] = ()
    ) -> None:
        path = self._paths(table)
        with self._lock, self._file_lock(path):
            self._open.pop(path, None)  # under the file lock: read what is on disk now
            storage = self._storage(path)
            data = storage.read() or {}
            current = dict(data.get(_RECORDS, {}))
            fn(current)
            point = f"{events[0].action}:stored" if events else f"{table}:stored"
            self._outbox.write(storage, {**data, _RECORDS: current}, events, point=point)
            self._open[path] = (self._identity(path), storage)
            self._outbox.publish(events)

    def recover(self, files: list[Path]) -> list[AuditEvent]:
        """At start: append to the log the events of these files' outboxes that a crash kept out of it."""
        pending: list[AuditEvent] = []
        with self._lock:
            for path in files:
                pending += self._outbox.pending(self._storage(path))
        return self._outbox.recover(pending)


def _drafts_table(organisation: str) -> str:
    if not ORG_ID.match(organisation):
        raise ValueError(f"not an organisation id: {organisation!r}")
    return f"drafts:{organisation}"


def tinydb_table_files(root: Path) -> list[Path]:
    """The files `tinydb_table_path` has made so far."""
    return sorted([*(root / "web").glob("*.json"), *(root / "orgs").glob("*/drafts.json")])


def tinydb_table_path(root: Path) -> Callable[[str], Path]:
    def path(table: str) -> Path:
        if table.startswith("drafts:"):
            return root / "orgs" / table.split(":", 1)[1] / "drafts.json"
        return root / "web" / f"{table}.json"

    return path


class AccountTables:
    """Users, one-time tokens, sessions, failed sign-in counters and drafts over one table backend."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.failure_counters = TableFailureCounters(tables)  # failed sign-ins, beside the accounts

    # -- users -------------------------------------------------------------------------------------------
    def add_user(self, user: User, event: AuditEvent | None = None) -> None:
        def add(users: dict[str, Doc]) -> None:
            if user.id in users or any(u["email"] == user.email for u in users.values()):
                raise AlreadyExists(said("email_exists", email=user.email))
            users[user.id] = user.model_dump(mode="json")

        self.tables.change("users", add, _events(event))

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

    def save_user(self, user: User, event: AuditEvent | None = None) -> None:
        doc = user.model_dump(mode="json")
        self.tables.change("users", lambda users: users.__setitem__(user.id, doc), _events(event))

    def use_totp_step(self, user_id: str, step: int) -> bool:
        used = False

        def advance(users: dict[str, Doc]) -> None:
            nonlocal used
            doc = users.get(user_id)
            if doc is not None and int(doc.get("totp_last_step", 0)) < step:
                users[user_id] = doc | {"totp_last_step": step}
                used = True

        self.tables.change("users", advance)
        return used

    def delete_user(self, user_id: str, event: AuditEvent | None = None) -> bool:
        """False, and the event not recorded, when there is no such user."""
        if self.get_user(user_id) is None:
            return False
        self.tables.change("users", lambda users: users.pop(user_id, None), _events(event))
        return True

    def add_token(self, token: OneTimeToken, event: AuditEvent | None = None) -> None:
        doc = token.model_dump(mode="json")
        self.tables.change("tokens", lambda tokens: tokens.__setitem__(token.token_hash, doc), _events(event))

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

    # -- drafts ------------------------------------------------------------------------------------------
    def save_draft(self, draft: Draft, event: AuditEvent | None = None) -> None:
        doc = draft.model_dump(mode="json")
        self.tables.change(
            _drafts_table(draft.organisation), lambda d: d.__setitem__(draft.id, doc), _events(event)
        )

    def get_draft(self, organisation: str, draft_id: str) -> Draft | None:
        doc = self.tables.read(_drafts_table(organisation)).get(draft_id)
        return Draft.model_validate(doc) if doc else None

    def list_drafts(self, organisation: str) -> list[Draft]:
        drafts = [Draft.model_validate(d) for d in self.tables.read(_drafts_table(organisation)).values()]
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    def delete_draft(self, organisation: str, draft_id: str, event: AuditEvent | None = None) -> bool:
        """False, and the event not recorded, when there is no such draft."""
        if self.get_draft(organisation, draft_id) is None:
            return False
        self.tables.change(_drafts_table(organisation), lambda d: d.pop(draft_id, None), _events(event))
        return True

    def delete_organisation_drafts(
        self, organisation: str, event: Callable[[int], AuditEvent] | None = None
    ) -> int:
        """The number of drafts erased; `event` builds the entry from that number."""
        count = len(self.tables.read(_drafts_table(organisation)))
        self.tables.change(
            _drafts_table(organisation), lambda d: d.clear(), _events(event(count) if event else None)
        )
        return count


def memory_accounts(log: EventLog | None = None) -> AccountTables:
    return AccountTables(MemoryTables(log))


def tinydb_accounts(root: Path, quarantine_dir: Path, log: EventLog) -> AccountTables:
    """The account tables of a data folder, after logging what a crash kept out of the audit log."""
    tables = TinyDBTables(root, tinydb_table_path(root), quarantine_dir, Outbox(log))
    tables.recover(tinydb_table_files(root))
    return AccountTables(tables)


__all__ = [
    "AccountTables",
    "Draft",
    "MemoryTables",
    "OneTimeToken",
    "TinyDBTables",
    "TokenPurpose",
    "User",
    "WebSession",
    "memory_accounts",
    "tinydb_accounts",
]
