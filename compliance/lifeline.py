"""A child process that leaves when the process that started it is gone.

A server killed outright (SIGKILL, out of memory) cannot stop the processes it started: the assessment helpers
and the PDF worker would otherwise live on, adopted by init, holding memory and file descriptors. Each of them
starts `leave_with(parent)` first: a thread that notices its parent changed and ends the process.
"""

from __future__ import annotations

import os
import threading
import time

POLL_S = 0.5


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_S)
    os._exit(0)


def leave_with(parent_pid: int) -> None:
    """End this process, whatever it is doing, once `parent_pid` is no longer its parent."""
    threading.Thread(target=_watch, args=(parent_pid,), daemon=True, name="lifeline").start()
