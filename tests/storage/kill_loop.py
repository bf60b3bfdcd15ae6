"""A writer process killed at a random instant, with a reader in another thread all along (as the backup reads)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def killed_at_random(script: str, args: list[str], rng: random.Random, most: int, pause: float) -> int:
    """Run `script` (it prints a number a line, each acknowledged), let it acknowledge 1 to `most` of them,
    SIGKILL it within `pause` seconds, and return the last number it printed."""
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    acknowledged = 0
    for _ in range(rng.randrange(1, most)):
        line = child.stdout.readline()
        assert line, "the writer stopped"
        acknowledged = int(line)
    time.sleep(rng.random() * pause)
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait(timeout=30)
    for line in rest.split():
        acknowledged = int(line)
    return acknowledged


@contextmanager
def read_all_along(read: Callable[[], None]) -> Iterator[None]:
    """Call `read` again and again in a thread until the block ends."""
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            read()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)
