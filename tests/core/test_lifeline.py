"""Processes a server starts do not outlive it when it is killed outright (SIGKILL: no clean-up runs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A stand-in for the server: it renders one PDF (starting the PDF worker), then forks a process that keeps
# what it inherited open (as anything a server forks would: the worker's pipes never reach end of file, so
# the worker cannot learn from them that its server is gone), says both pids, then waits.
SERVER = """
import os, time
from compliance.reports.pdf import PdfRenderer
PdfRenderer().render("<p>x</p>")
if os.fork() == 0:
    time.sleep(30)
    os._exit(0)
print(os.getpid(), flush=True)
time.sleep(120)
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _is_spawned_worker(pid: int) -> bool:
    return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()


def test_the_pdf_worker_leaves_when_its_server_is_killed() -> None:
    server = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert server.stdout is not None
    pid = int(server.stdout.readline())
    children = _children(pid)
    workers = [c for c in children if _is_spawned_worker(c)]
    assert workers, "the PDF worker should be running"
    assert len(children) > len(workers), "the forked process should be running"
    os.kill(pid, signal.SIGKILL)
    server.wait()
    deadline = time.monotonic() + 10
    while any(_alive(c) for c in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [c for c in workers if _alive(c)]
    for c in children:
        if _alive(c):
            os.kill(c, signal.SIGKILL)
    assert not left, f"left behind by a killed server: {left}"
