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
from typing import Any

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
    closes its end. An answer is `(True, value)` or `(False, exception)`, pickled; a report without problems
    goes as its bytes (pickling 200 KB and unpickling them cost more than the rest of the way)."""
    inbox, outbox = Messages(requests.fileno()), replies.fileno()
    try:
        assessor = assessor_for(rules_dir)  # one pack per helper process, loaded once
        leave_with(server_pid)  # a server killed outright cannot stop its helpers: they notice and leave
    except BaseException as exc:
        send(outbox, _pickled((False, exc)))
        raise
    send(outbox, pickle.dumps((True, None)))
    while (message := inbox.next()) is not None:
        task, args = pickle.loads(message[1])
        try:
            value: Any = _TASKS[task](assessor, *args)
        except Exception as exc:
            send(outbox, _pickled((False, exc)))
            continue
        if task == "report_body" and type(value[0]) is bytes and not value[1]:
            send(outbox, value[0], REPORT)
        else:
            send(outbox, _pickled((True, value)))


def _pickled(answer: tuple[bool, object]) -> bytes:
    try:
        return pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its words still cross
        return pickle.dumps((False, RuntimeError(repr(answer[1]))))


# -- the pipes between the server and a helper: an 8-byte length and a kind, then that many bytes --------------
HEADER = struct.Struct("!QB")
PICKLED, REPORT = 0, 1  # a message's bytes: a pickled value, or a report's bytes (`report_body`, no problems)
Message = tuple[int, bytes]  # its kind and bytes


def send(fd: int, data: bytes, kind: int = PICKLED) -> None:
    """One message, header and bytes in one system call, without joining them into a copy."""
    parts = [memoryview(HEADER.pack(len(data), kind)), memoryview(data)]
    while parts:
        written = os.writev(fd, parts)
        while parts and written >= len(parts[0]):
            written -= len(parts.pop(0))
        if parts:
            parts[0] = parts[0][written:]


def answer_of(message: Message) -> object:
    """What a helper's answer holds; raises the exception it sent back."""
    kind, data = message
    if kind == REPORT:
        return data, []
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


class Incoming:
    """The messages arriving on a pipe (non-blocking when the event loop reads it as it becomes readable):
    `read` takes what has come of the next message, its header and then its bytes in one read when they are
    all there, and returns it once complete (None meanwhile; `ended` at the pipe's end, a message cut short
    dropped)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.ended = False
        self._header = b""
        self._kind = -1  # the message's kind once its header is complete
        self._size = 0
        self._parts: list[bytes] = []
        self._got = 0

    def read(self) -> Message | None:
        if self._kind < 0:
            data = self._take(HEADER.size - len(self._header))
            if data is None:
                return None
            self._header += data
            if len(self._header) < HEADER.size:
                return None
            self._size, self._kind = HEADER.unpack(self._header)
        while self._got < self._size:
            data = self._take(self._size - self._got)
            if data is None:
                return None
            self._parts.append(data)
            self._got += len(data)
        parts, kind = self._parts, self._kind
        self._header, self._kind, self._size, self._parts, self._got = b"", -1, 0, [], 0
        return kind, parts[0] if len(parts) == 1 else b"".join(parts)

    def _take(self, size: int) -> bytes | None:
        """Up to `size` bytes; None when none are there yet, or at the end (then `ended`)."""
        try:
            data = os.read(self.fd, size)
        except BlockingIOError:
            return None
        if not data:
            self.ended = True
            return None
        return data


class Messages(Incoming):
    """The messages arriving on a blocking pipe, one after another, read as `Incoming` reads them (a message
    usually arrives in one read straight into the bytes object it ends in)."""

    def next(self) -> Message | None:
        """The next message; None at the pipe's end."""
        while not self.ended:
            message = self.read()
            if message is not None:
                return message
        return None


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
