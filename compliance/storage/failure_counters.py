"""Failure counters (`FailureCounters` is the contract): in memory, one process's view bounded in size; over
a table backend (`Tables`: memory or TinyDB files, so processes on one data folder share them).

One protocol serves every throttle: the API's key guesses and the web app's sign-in attempts."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.storage.accounts import Tables

MAX_SUBJECTS = 100_000  # beyond this, ended windows are dropped, then the oldest ones
TABLE = "attempts"


def _counted(window: tuple[float, int] | None, now: float, length: float) -> tuple[float, int]:
    """The window a failure at `now` falls in, with the failures counted in it before this one."""
    if window is None or window[0] <= now:
        return now + length, 0
    return window


class MemoryFailureCounters:
    def __init__(self, max_subjects: int = MAX_SUBJECTS) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}  # subject -> (window end, failures)
        self._max = max_subjects

    def add_failure(self, subject: str, now: float, window: float) -> tuple[int, float]:
        with self._lock:
            end, count = _counted(self._windows.pop(subject, None), now, window)
            if len(self._windows) >= self._max:
                self._prune(now)
            self._windows[subject] = (end, count + 1)
            return count + 1, end - now

    def failures(self, subject: str, now: float) -> int:
        with self._lock:
            end, count = self._windows.get(subject, (0.0, 0))
            return count if end > now else 0

    def clear(self, subject: str) -> None:
        with self._lock:
            self._windows.pop(subject, None)

    def _prune(self, now: float) -> None:
        self._windows = {s: w for s, w in self._windows.items() if w[0] > now}
        while len(self._windows) >= self._max:  # still full: drop the oldest (insertion order)
            del self._windows[next(iter(self._windows))]


class TableFailureCounters:
    """Over one table of a table backend, changed under its lock; ended windows are dropped at each write."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def add_failure(self, subject: str, now: float, window: float) -> tuple[int, float]:
        seen: list[tuple[int, float]] = []

        def add(rows: dict[str, dict[str, Any]]) -> None:
            for ended in [s for s, row in rows.items() if row["end"] <= now]:
                del rows[ended]
            known = rows.get(subject)
            end, count = _counted(None if known is None else (known["end"], known["failures"]), now, window)
            rows[subject] = {"end": end, "failures": count + 1}
            seen.append((count + 1, end - now))

        self.tables.change(TABLE, add)
        return seen[0]

    def failures(self, subject: str, now: float) -> int:
        row = self.tables.read(TABLE).get(subject)
        return int(row["failures"]) if row is not None and row["end"] > now else 0

    def clear(self, subject: str) -> None:
        self.tables.change(TABLE, lambda rows: rows.pop(subject, None))
