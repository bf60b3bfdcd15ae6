"""A helper process's side of the assessment helpers (see `assess_runner`): load the pack once, then answer one
framed request after another; and the framing of the pipes both sides use."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import struct
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from compliance.domain.submission import Submission
from compliance.lifeline import leave_with
from compliance.service.assess_work import Stored, assess_from_body, report_from_body, stored_of
from compliance.service.assessing import Assessor, assessor_for


def _assess(assessor: Assessor, facts: bytes) -> Stored:
    return stored_of(assessor, Submission.model_validate_json(facts))


# What a request names, each called with the helper's assessor first.
_TASKS: dict[str, Callable[..., object]] = {
    "assess": _assess,
    "assess_body": assess_from_body,
    "report_body": report_from_body,
}


def helper_main(requests: Connection, replies: Connection, rules_dir: Path | None, server_pid: int) -> None:
    """A helper's life: load the pack, say so, then answer one framed request after another until the server
    closes its end. An answer is `(True, value)` or `(False, exception)`, pickled."""
    inbox, outbox = Messages(requests.fileno()), replies.fileno()
    try:
        assessor = assessor_for(rules_dir)  # one pack per helper process, loaded once
        leave_with(server_pid)  # a server killed outright cannot stop its helpers: they notice and leave
    except BaseException as exc:
        send(outbox, _pickled((False, exc)))
        raise
    send(outbox, pickle.dumps((True, None)))
    while (message := inbox.next()) is not None:
        task, args = pickle.loads(message)
        try:
            answer: tuple[bool, object] = (True, _TASKS[task](assessor, *args))
        except Exception as exc:
            answer = (False, exc)
        send(outbox, _pickled(answer))


def _pickled(answer: tuple[bool, object]) -> bytes:
    try:
        return pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its words still cross
        return pickle.dumps((False, RuntimeError(repr(answer[1]))))


# -- the pipes between the server and a helper: an 8-byte length, then that many bytes --------------------------
HEADER = struct.Struct("!Q")
_CHUNK = 1 << 20


def send(fd: int, data: bytes) -> None:
    view = memoryview(HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


class Messages:
    """The messages arriving on a blocking pipe, one after another (a read may hold the start of the next)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._data = bytearray()

    def next(self) -> bytes | None:
        """The next message; None at the pipe's end."""
        while True:
            if len(self._data) >= HEADER.size:
                end = HEADER.size + HEADER.unpack_from(self._data)[0]
                if len(self._data) >= end:
                    message = bytes(memoryview(self._data)[HEADER.size : end])
                    del self._data[:end]
                    return message
            chunk = os.read(self.fd, _CHUNK)
            if not chunk:
                return None
            self._data += chunk


class HelperGone(Exception):
    pass


_PIPE_BYTES = 1 << 20
PIPE_FLOOR = 64 * 1024  # a pipe's capacity where it cannot be asked (Linux's and macOS's default)


def widen(pipe: Connection) -> int:
    """A whole answer (about 130 KB) in the pipe at once: one write and one read, not a wake-up per 64 KiB.
    Linux lets a process have pipes up to /proc/sys/fs/pipe-max-size (1 MiB by default); elsewhere, or
    beyond the user's quota of pipe memory, it stays as it is. Returns the pipe's capacity."""
    setting, getting = getattr(fcntl, "F_SETPIPE_SZ", None), getattr(fcntl, "F_GETPIPE_SZ", None)
    if setting is None or getting is None:
        return PIPE_FLOOR
    with contextlib.suppress(OSError):
        fcntl.fcntl(pipe.fileno(), setting, _PIPE_BYTES)
    try:
        return max(PIPE_FLOOR, int(fcntl.fcntl(pipe.fileno(), getting)))
    except OSError:
        return PIPE_FLOOR
