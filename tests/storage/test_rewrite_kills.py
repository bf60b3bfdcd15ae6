"""`atomic_rewrite` under SIGKILL at random instants, with a reader in another process (as the backup is)."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from compliance.storage.atomic_files import read_shared, spare_of

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
    stop = threading.Event()

    def backup_reader() -> None:  # what the backup does, all along, across the kills
        while not stop.is_set():
            try:
                raw = read_shared(path)
            except FileNotFoundError:
                continue
            try:
                json.loads(raw)
            except ValueError:
                torn.append(raw[:80])

    reader = threading.Thread(target=backup_reader, daemon=True)
    reader.start()
    acknowledged = 0
    try:
        for _ in range(25):
            child = subprocess.Popen(
                [sys.executable, "-c", WRITER, str(path), str(acknowledged)],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert child.stdout is not None
            for _ in range(rng.randrange(1, 40)):
                line = child.stdout.readline()
                assert line, "the writer stopped"
                acknowledged = int(line)
            time.sleep(rng.random() * 0.01)
            child.send_signal(signal.SIGKILL)
            rest = child.stdout.read()
            child.wait(timeout=30)
            for line in rest.split():
                acknowledged = int(line)
            on_disk = json.loads(path.read_bytes())["v"]
            assert acknowledged <= on_disk <= acknowledged + 1
            acknowledged = on_disk
            assert spare_of(path).exists()
    finally:
        stop.set()
        reader.join(timeout=10)
    assert torn == []
