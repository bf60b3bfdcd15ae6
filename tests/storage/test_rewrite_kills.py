"""`atomic_rewrite` under SIGKILL at random instants, with a reader in another process (as the backup is)."""

from __future__ import annotations

import fcntl
import json
import random
from pathlib import Path

import pytest

from compliance.storage.atomic_files import atomic_rewrite, read_shared, spare_of
from tests.storage.kill_loop import killed_at_random, read_all_along

WRITER = """
import json, sys
from pathlib import Path
from compliance.storage.atomic_files import atomic_rewrite
path, start = Path(sys.argv[1]), int(sys.argv[2])
k = start
while True:
    k += 1
    atomic_rewrite(path, json.dumps({"v": k, "pad": "x" * (k * 7919 % 50000)}).encode())
    print(k, flush=True)
"""


def test_a_writer_killed_anywhere_leaves_an_acknowledged_version_or_the_next(tmp_path: Path) -> None:
    path = tmp_path / "project.json"
    rng = random.Random(1608)
    torn: list[bytes] = []

    def backup_reader() -> None:  # what the backup does, all along, across the kills
        try:
            raw = read_shared(path)
        except FileNotFoundError:
            return
        try:
            json.loads(raw)
        except ValueError:
            torn.append(raw[:80])

    acknowledged = 0
    with read_all_along(backup_reader):
        for _ in range(25):
            acknowledged = killed_at_random(WRITER, [str(path), str(acknowledged)], rng, 40, 0.01)
            on_disk = json.loads(path.read_bytes())["v"]
            assert acknowledged <= on_disk <= acknowledged + 1
            acknowledged = on_disk
            assert spare_of(path).exists()
    assert torn == []


def test_a_file_opened_just_before_it_became_the_spare_is_not_read_torn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup opens the file; before it holds its shared lock, a write swaps that inode out as the spare
    and the next write, killed midway, leaves it torn: the backup must read the file, not the spare."""
    path = tmp_path / "project.json"
    atomic_rewrite(path, b'{"v":1}')
    atomic_rewrite(path, b'{"v":2}')
    real_flock = fcntl.flock

    def flock_after_two_writes(fd: int, operation: int) -> None:
        if operation == fcntl.LOCK_SH and not hasattr(flock_after_two_writes, "done"):
            flock_after_two_writes.done = True  # type: ignore[attr-defined]
            atomic_rewrite(path, b'{"v":3}')  # the inode opened is the spare now
            spare_of(path).write_bytes(b'{"v":4, "pad": "')  # the next write, killed mid-way
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock_after_two_writes)
    assert json.loads(read_shared(path)) == {"v": 3}
