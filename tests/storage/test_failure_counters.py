"""The failure-counter contract (FailureCounters), run against every adapter: memory, tables (in memory and\nTinyDB files) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from compliance.storage.accounts import MemoryTables, tinydb_accounts
from compliance.storage.failure_counters import MemoryFailureCounters, TableFailureCounters
from compliance.storage.memory import MemoryAudit
from compliance.storage.postgres import Database, PostgresFailureCounters
from compliance.storage.protocol import FailureCounters

ADAPTERS: dict[str, Callable[[Path], FailureCounters]] = {
    "memory": lambda _: MemoryFailureCounters(),
    "memory-tables": lambda _: TableFailureCounters(MemoryTables()),
    "tinydb-tables": lambda root: tinydb_accounts(root, root / "quarantine", MemoryAudit()).failure_counters,
}


@pytest.fixture(params=[*sorted(ADAPTERS), "postgresql"])
def counters(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FailureCounters]:
    if request.param != "postgresql":
        yield ADAPTERS[request.param](tmp_path)
        return
    db = Database(request.getfixturevalue("pg_empty").url())
    yield PostgresFailureCounters(db)
    db.close()


def test_failures_count_up_within_a_window_and_start_again_after_it(counters: FailureCounters) -> None:
    assert counters.add_failure("a", now=100.0, window=60) == (1, 60.0)
    assert counters.add_failure("a", now=130.0, window=60) == (2, 30.0)
    assert counters.add_failure("a", now=160.0, window=60) == (1, 60.0)  # the window ended at 160


def test_subjects_are_counted_apart_and_cleared_alone(counters: FailureCounters) -> None:
    counters.add_failure("a", now=0.0, window=60)
    counters.add_failure("a", now=1.0, window=60)
    assert counters.add_failure("b", now=2.0, window=60)[0] == 1
    counters.clear("a")
    assert counters.add_failure("a", now=3.0, window=60)[0] == 1
    assert counters.add_failure("b", now=4.0, window=60)[0] == 2


def test_failures_are_read_without_counting_one(counters: FailureCounters) -> None:
    assert counters.failures("a", now=0.0) == 0
    counters.add_failure("a", now=0.0, window=60)
    counters.add_failure("a", now=10.0, window=60)
    assert counters.failures("a", now=20.0) == 2
    assert counters.failures("a", now=20.0) == 2  # reading counts nothing
    assert counters.failures("a", now=60.0) == 0  # the window ended
    assert counters.failures("b", now=20.0) == 0


def test_the_memory_adapter_keeps_a_bounded_number_of_subjects() -> None:
    counters = MemoryFailureCounters(max_subjects=10)
    for n in range(100):
        counters.add_failure(f"s{n}", now=float(n), window=1000)
    assert len(counters._windows) <= 10
    assert counters.add_failure("s99", now=100.0, window=1000)[0] == 2  # the newest are kept
