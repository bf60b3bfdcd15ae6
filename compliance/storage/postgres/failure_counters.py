"""Failure counters in PostgreSQL: one upsert counts a failure and reads its window, atomically across
every worker and server (the row is locked by the upsert), so a key guesser gains nothing by spreading
guesses over processes. Ended windows are swept from time to time."""

from __future__ import annotations

import itertools

from compliance.storage.postgres.database import Database

SWEEP_EVERY = 500  # calls of this process between two sweeps of ended windows

_ADD = """
INSERT INTO failure_counters AS f (subject, window_end, failures) VALUES (%(s)s, %(now)s + %(w)s, 1)
ON CONFLICT (subject) DO UPDATE SET
    window_end = CASE WHEN f.window_end <= %(now)s THEN %(now)s + %(w)s ELSE f.window_end END,
    failures = CASE WHEN f.window_end <= %(now)s THEN 1 ELSE f.failures + 1 END
RETURNING failures, window_end
"""


class PostgresFailureCounters:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._calls = itertools.count(1)

    def add_failure(self, subject: str, now: float, window: float) -> tuple[int, float]:
        with self._db.transaction(scope="") as cur:
            row = cur.execute(_ADD, {"s": subject, "now": now, "w": window}).fetchone()
            if next(self._calls) % SWEEP_EVERY == 0:
                cur.execute("DELETE FROM failure_counters WHERE window_end <= %s", (now,))
        assert row is not None
        return int(row["failures"]), float(row["window_end"]) - now

    def failures(self, subject: str, now: float) -> int:
        with self._db.transaction(scope="") as cur:
            row = cur.execute(
                "SELECT failures FROM failure_counters WHERE subject = %s AND window_end > %s", (subject, now)
            ).fetchone()
        return 0 if row is None else int(row["failures"])

    def clear(self, subject: str) -> None:
        with self._db.transaction(scope="") as cur:
            cur.execute("DELETE FROM failure_counters WHERE subject = %s", (subject,))
