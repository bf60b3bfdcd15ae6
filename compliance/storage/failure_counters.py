"""Failure counters in memory: one process's view, bounded in size (`FailureCounters` is the contract)."""

from __future__ import annotations

import threading

MAX_SUBJECTS = 100_000  # beyond this, ended windows are dropped, then the oldest ones


class MemoryFailureCounters:
    def __init__(self, max_subjects: int = MAX_SUBJECTS) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}  # subject -> (window end, failures)
        self._max = max_subjects

    def add_failure(self, subject: str, now: float, window: float) -> tuple[int, float]:
        with self._lock:
            end, count = self._windows.pop(subject, (0.0, 0))
            if end <= now:
                end, count = now + window, 0
            if len(self._windows) >= self._max:
                self._prune(now)
            self._windows[subject] = (end, count + 1)
            return count + 1, end - now

    def clear(self, subject: str) -> None:
        with self._lock:
            self._windows.pop(subject, None)

    def _prune(self, now: float) -> None:
        self._windows = {s: w for s, w in self._windows.items() if w[0] > now}
        while len(self._windows) >= self._max:  # still full: drop the oldest (insertion order)
            del self._windows[next(iter(self._windows))]
