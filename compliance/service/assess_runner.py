"""Where assessments are computed: in this process, or in helper processes.

Assessing a submission and writing its assessment's JSON (the compact form to store, about 20 KB, and the full
one the client reads, about 100 KB) take most of a stored submission's CPU, and a server process runs Python on
one core at a time. With `ProcessRunner` that work runs in helper processes on the other cores; they send back
both JSON documents and the few facts the store indexes, never a Python object to rebuild (unpickling one costs
as much as assessing).
The engine is pure, so nothing but the rule pack is shared.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import multiprocessing
import os
import pickle
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Protocol, TypeVar

from compliance.domain.expanded_json import expanded_json
from compliance.domain.field_errors import FieldError
from compliance.domain.submission import Submission
from compliance.service.assessing import Assessor, assessor_for
from compliance.service.errors import ServiceError
from compliance.service.reporting import ReportOptions, render_compact
from compliance.service.submissions import InvalidSubmission, parse_submission
from compliance.storage.records import StoredAssessment

T = TypeVar("T")
BODY = "body"


class AssessmentUnavailable(ServiceError):
    """The helper processes failed twice in a row."""


@dataclass(frozen=True)
class AssessedBody:
    assessment: StoredAssessment
    facts: dict[str, Any]  # the submission as validated, facts not stated left out
    facts_json: bytes


# What crosses from a helper process: the stored (compact) bytes, verdict, submission hash, pack id@version and
# the full assessment's JSON for the answer (written where the compact form is at hand, not parsed again).
Stored = tuple[bytes, str, str, str, bytes]


def _stored(assessor: Assessor, submission: Submission) -> Stored:
    compact = assessor.assess_compact(submission)
    stored = StoredAssessment.of(compact)
    full = expanded_json(compact, assessor.engine.view)
    return stored.json_bytes, stored.verdict.value, stored.submission_hash, stored.pack, full


def _stored_assessment(result: Stored) -> StoredAssessment:
    json_bytes, verdict, submission_hash, pack, full = result
    assessment = StoredAssessment.model_validate(
        {"json_bytes": json_bytes, "verdict": verdict, "submission_hash": submission_hash, "pack": pack}
    )
    return assessment.knowing(expanded_json=full)


def _assess_from_body(
    assessor: Assessor, raw: bytes, is_json: bool
) -> tuple[Stored, bytes] | list[FieldError]:
    """What the store needs of a body, or its problems (as data, see `_report_from_body`)."""
    try:
        submission = parse_submission(raw, BODY, json_only=is_json)
    except InvalidSubmission as exc:
        return exc.errors
    facts = submission.__pydantic_serializer__.to_json(submission, exclude_none=True)
    return _stored(assessor, submission), facts


def _assessed(result: tuple[Stored, bytes] | list[FieldError]) -> AssessedBody:
    if isinstance(result, list):
        raise InvalidSubmission(BODY, result)
    stored, facts = result
    return AssessedBody(assessment=_stored_assessment(stored), facts=json.loads(facts), facts_json=facts)


class AssessmentRunner(Protocol):
    def assess(self, submission: Submission) -> StoredAssessment: ...

    def assess_body(self, raw: bytes, is_json: bool) -> AssessedBody:
        """Parse, check and assess a request body; raises InvalidSubmission for a body that does not fit."""

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        """Parse, check, assess and render a request body, without tying up a thread of the server: the
        future raises InvalidSubmission for a body that does not fit."""

    def close(self) -> None: ...


def _report_from_body(
    assessor: Assessor, raw: bytes, is_json: bool, options: ReportOptions
) -> tuple[str | bytes, list[FieldError]]:
    """The report, or the problems of a body that does not fit (exceptions with arguments do not cross
    process boundaries well, so problems come back as data)."""
    try:
        submission = parse_submission(raw, BODY, json_only=is_json, lang=options.lang)
    except InvalidSubmission as exc:
        return "", exc.errors
    compact = assessor.assess_compact(submission)
    return render_compact(compact, assessor.engine.view, options, raw), []


def _settle(outcome: Future[tuple[str | bytes, list[FieldError]]], out: Future[str | bytes]) -> None:
    error = outcome.exception()
    if error is not None:
        out.set_exception(error)
    else:
        text, problems = outcome.result()
        if problems:
            out.set_exception(InvalidSubmission(BODY, problems))
        else:
            out.set_result(text)


class InProcessRunner:
    def __init__(self, assessor: Assessor) -> None:
        self.assessor = assessor

    def assess(self, submission: Submission) -> StoredAssessment:
        return _stored_assessment(_stored(self.assessor, submission))

    def assess_body(self, raw: bytes, is_json: bool) -> AssessedBody:
        return _assessed(_assess_from_body(self.assessor, raw, is_json))

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        outcome: Future[tuple[str | bytes, list[FieldError]]] = Future()
        try:
            outcome.set_result(_report_from_body(self.assessor, raw, is_json, options))
        except Exception as exc:
            outcome.set_exception(exc)
        out: Future[str | bytes] = Future()
        _settle(outcome, out)
        return out

    def close(self) -> None:
        pass


# -- in the helper processes ----------------------------------------------------------------------------------
_assessor: Assessor | None = None


def _load(rules_dir: Path | None, server_pid: int) -> None:
    global _assessor  # noqa: PLW0603 - one pack per helper process, loaded once
    _assessor = assessor_for(rules_dir)
    threading.Thread(target=_exit_with_server, args=(server_pid,), daemon=True).start()


def _exit_with_server(server_pid: int) -> None:
    """A server killed outright (SIGKILL, OOM) cannot stop its helpers: they notice and leave."""
    while os.getppid() == server_pid:
        time.sleep(0.5)
    os._exit(0)


def _assess(facts: bytes) -> Stored:
    assert _assessor is not None
    return _stored(_assessor, Submission.model_validate_json(facts))


def _assess_body(raw: bytes, is_json: bool) -> tuple[Stored, bytes] | list[FieldError]:
    assert _assessor is not None
    return _assess_from_body(_assessor, raw, is_json)


def _report_body(raw: bytes, is_json: bool, options: ReportOptions) -> tuple[str | bytes, list[FieldError]]:
    assert _assessor is not None
    return _report_from_body(_assessor, raw, is_json, options)


_TASKS: dict[str, Callable[..., object]] = {
    "assess": _assess,
    "assess_body": _assess_body,
    "report_body": _report_body,
}


def _helper_main(requests: Connection, replies: Connection, rules_dir: Path | None, server_pid: int) -> None:
    """A helper's life: load the pack, say so, then answer one framed request after another until the server
    closes its end. An answer is `(True, value)` or `(False, exception)`, pickled."""
    inbox, outbox = _Messages(requests.fileno()), replies.fileno()
    try:
        _load(rules_dir, server_pid)
    except BaseException as exc:
        _send(outbox, _pickled((False, exc)))
        raise
    _send(outbox, pickle.dumps((True, None)))
    while (message := inbox.next()) is not None:
        task, args = pickle.loads(message)
        try:
            answer: tuple[bool, object] = (True, _TASKS[task](*args))
        except Exception as exc:
            answer = (False, exc)
        _send(outbox, _pickled(answer))


def _pickled(answer: tuple[bool, object]) -> bytes:
    try:
        return pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its words still cross
        return pickle.dumps((False, RuntimeError(repr(answer[1]))))


# -- the pipes between the server and a helper: an 8-byte length, then that many bytes --------------------------
_HEADER = struct.Struct("!Q")
_CHUNK = 1 << 20


def _send(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


class _Messages:
    """The messages arriving on a blocking pipe, one after another (a read may hold the start of the next)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._data = bytearray()

    def next(self) -> bytes | None:
        """The next message; None at the pipe's end."""
        while True:
            if len(self._data) >= _HEADER.size:
                end = _HEADER.size + _HEADER.unpack_from(self._data)[0]
                if len(self._data) >= end:
                    message = bytes(memoryview(self._data)[_HEADER.size : end])
                    del self._data[:end]
                    return message
            chunk = os.read(self.fd, _CHUNK)
            if not chunk:
                return None
            self._data += chunk


class _HelperGone(Exception):
    pass


_PIPE_BYTES = 1 << 20
_PIPE_FLOOR = 64 * 1024  # a pipe's capacity where it cannot be asked (Linux's and macOS's default)


def _widen(pipe: Connection) -> int:
    """A whole answer (about 130 KB) in the pipe at once: one write and one read, not a wake-up per 64 KiB.
    Linux lets a process have pipes up to /proc/sys/fs/pipe-max-size (1 MiB by default); elsewhere, or
    beyond the user's quota of pipe memory, it stays as it is. Returns the pipe's capacity."""
    setting, getting = getattr(fcntl, "F_SETPIPE_SZ", None), getattr(fcntl, "F_GETPIPE_SZ", None)
    if setting is None or getting is None:
        return _PIPE_FLOOR
    with contextlib.suppress(OSError):
        fcntl.fcntl(pipe.fileno(), setting, _PIPE_BYTES)
    try:
        return max(_PIPE_FLOOR, int(fcntl.fcntl(pipe.fileno(), getting)))
    except OSError:
        return _PIPE_FLOOR


# -- in the server ---------------------------------------------------------------------------------------------


class _Helper:
    """One helper process, its two pipes and the thread that reads its answers, which arrive in the order of
    the requests: a request is written by its caller straight into the pipe, even while the helper works on
    earlier ones, so that it never waits for the next."""

    def __init__(self, rules_dir: Path | None) -> None:
        self.rules_dir = rules_dir
        self.process: BaseProcess | None = None
        self._to: Connection | None = None
        self._lock = threading.Lock()  # the request pipe and the answers awaited
        self._starting = threading.Lock()
        self._awaited: deque[tuple[Future[bytes], int]] = deque()
        self.queued_bytes = 0
        self.capacity = (
            _PIPE_FLOOR  # of the request pipe: requests waiting in it below this never block a write
        )
        self.gone = True

    @property
    def load(self) -> int:
        return len(self._awaited)

    def ensure_started(self) -> None:
        """Start it, or start it again after it died (once for everyone who saw it gone)."""
        with self._starting:
            if self.gone:
                self.stop()
                self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        their_requests, our_requests = context.Pipe(duplex=False)
        our_replies, their_replies = context.Pipe(duplex=False)
        process = context.Process(
            target=_helper_main,
            args=(their_requests, their_replies, self.rules_dir, os.getpid()),
            daemon=False,  # a PDF is rendered in a process of its own, which a daemon may not start
            name="compliance-assess",
        )
        process.start()
        their_requests.close()
        their_replies.close()
        _widen(our_replies)
        self.capacity = _widen(our_requests)
        self.process, self._to = process, our_requests
        answers = _Messages(our_replies.fileno())
        first = answers.next()
        ok, value = pickle.loads(first) if first is not None else (False, None)
        if not ok:  # a pack that does not load fails here, at start
            self.stop()
            our_replies.close()
            if isinstance(value, BaseException):
                raise value
            raise AssessmentUnavailable("an assessment process did not start")
        self.gone = False
        reader = threading.Thread(target=self._read_answers, args=(our_replies, answers), daemon=True)
        reader.start()

    def submit(self, message: bytes) -> Future[bytes]:
        """Write a request; the future gets the answer's bytes, or _HelperGone."""
        answer: Future[bytes] = Future()
        with self._lock:
            if self.gone or self._to is None:
                raise _HelperGone
            self._awaited.append((answer, _HEADER.size + len(message)))
            self.queued_bytes += _HEADER.size + len(message)
            try:
                _send(self._to.fileno(), message)
            except OSError:  # BrokenPipeError: it died
                self._awaited.pop()
                self.queued_bytes -= _HEADER.size + len(message)
                self.gone = True
                raise _HelperGone from None
        return answer

    def _read_answers(self, pipe: Connection, answers: _Messages) -> None:
        """The reading thread: answers to their callers, in order, until the helper's end (the pipe is then
        closed here, where nothing reads it any more)."""
        while True:
            try:
                message = answers.next()
            except OSError:
                message = None
            with self._lock:
                if message is None:
                    self.gone = True
                    lost = [answer for answer, _ in self._awaited]
                    self._awaited.clear()
                    self.queued_bytes = 0
                else:
                    answer, size = self._awaited.popleft()
                    self.queued_bytes -= size
            if message is None:
                pipe.close()
                for waiting in lost:
                    waiting.set_exception(_HelperGone())
                return
            answer.set_result(message)

    def stop(self, timeout: float = 5.0) -> None:
        """Close its request pipe (it leaves when it reads the end) and wait for it; kill it if it lingers."""
        with self._lock:
            process, self.process = self.process, None
            self.gone = True
            if self._to is not None:
                self._to.close()
            self._to = None
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                process.kill()
                process.join()


class ProcessRunner:
    """Helper processes, each fed through a pipe of its own: the caller writes its request straight in, a
    thread per helper reads the answers and settles the caller's future (a dry run's is awaited by the event
    loop). No queue, no feeder thread, no pickled work item between them (what `ProcessPoolExecutor` adds to
    every call). A helper that dies is started again at its next use, and the calls it lost are retried once;
    starting one, or writing a request its pipe cannot take at once, happens in a thread of its own, never in
    the event loop."""

    def __init__(self, rules_dir: Path | None, workers: int) -> None:
        self.rules_dir = rules_dir
        self._helpers = [_Helper(rules_dir) for _ in range(workers)]
        # Stopped at exit if not before: multiprocessing waits at exit for the helpers, which leave only when
        # their request pipe is closed.
        atexit.register(self.close)
        try:
            for helper in self._helpers:
                helper.ensure_started()
        except BaseException:
            self.close()
            raise

    def pids(self) -> list[int]:
        return [h.process.pid for h in self._helpers if h.process is not None and h.process.pid is not None]

    def _pick(self) -> _Helper:
        """The least busy helper that is up (or one to start again)."""
        return min(self._helpers, key=lambda h: (h.gone, h.load))

    def _begin(self, message: bytes, out: Future[Any]) -> None:
        """Send without waiting: inline when the helper is up and its pipe has room, else from a thread."""
        helper = self._pick()
        if helper.gone or helper.queued_bytes + _HEADER.size + len(message) > helper.capacity:
            threading.Thread(target=self._send_waiting, args=(message, out, 1), daemon=True).start()
            return
        try:
            pending = helper.submit(message)
        except _HelperGone:
            threading.Thread(target=self._send_waiting, args=(message, out, 1), daemon=True).start()
            return
        pending.add_done_callback(lambda done: self._finish(done, message, out, 1))

    def _send_waiting(self, message: bytes, out: Future[Any], retries: int) -> None:
        """Send, starting a helper again or waiting for room in its pipe if need be (blocks: not in the loop)."""
        helper = self._pick()
        try:
            helper.ensure_started()
            pending = helper.submit(message)
        except _HelperGone:
            self._retry(message, out, retries)
            return
        except Exception as exc:
            _settle_with(out, exc)
            return
        pending.add_done_callback(lambda done: self._finish(done, message, out, retries))

    def _retry(self, message: bytes, out: Future[Any], retries: int) -> None:
        if retries > 0:
            self._send_waiting(message, out, retries - 1)
        else:
            _settle_with(out, AssessmentUnavailable("the assessment processes stopped unexpectedly"))

    def _finish(self, done: Future[bytes], message: bytes, out: Future[Any], retries: int) -> None:
        """In the helper's reading thread: the answer unpickled into `out`; a helper gone, the call again."""
        if isinstance(done.exception(), _HelperGone):
            self._retry(message, out, retries)  # in the reading thread of a helper that is gone: it may wait
            return
        try:
            _settle_with(out, _unpickled(done.result()))
        except Exception as exc:
            _settle_with(out, exc)

    def _call(self, task: str, *args: object) -> Any:
        out: Future[Any] = Future()
        self._send_waiting(pickle.dumps((task, args), protocol=pickle.HIGHEST_PROTOCOL), out, 1)
        return out.result()

    def assess(self, submission: Submission) -> StoredAssessment:
        return _stored_assessment(self._call("assess", submission.model_dump_json().encode()))

    def assess_body(self, raw: bytes, is_json: bool) -> AssessedBody:
        return _assessed(self._call("assess_body", raw, is_json))

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        outcome: Future[tuple[str | bytes, list[FieldError]]] = Future()
        out: Future[str | bytes] = Future()
        outcome.add_done_callback(lambda done: _settle(done, out))
        self._begin(
            pickle.dumps(("report_body", (raw, is_json, options)), protocol=pickle.HIGHEST_PROTOCOL), outcome
        )
        return out

    def close(self) -> None:
        for helper in self._helpers:
            helper.stop()


def _unpickled(answer: bytes) -> Any:
    ok, value = pickle.loads(answer)
    if not ok:
        raise value
    return value


def _settle_with(out: Future[Any], value: object) -> None:
    """Set a future's result, or its exception when `value` is one; nothing if it is already settled."""
    if out.done():
        return
    if isinstance(value, BaseException):
        out.set_exception(value)
    else:
        out.set_result(value)


def make_runner(assessor: Assessor, rules_dir: Path | None, workers: int) -> AssessmentRunner:
    """Helper processes when `workers` > 0, else assess in this process."""
    if workers <= 0:
        return InProcessRunner(assessor)
    return ProcessRunner(rules_dir, workers)
