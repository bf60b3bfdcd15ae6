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
import json
import multiprocessing
import os
import pickle
import threading
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Protocol, TypeVar

from compliance.domain.field_errors import FieldError
from compliance.domain.submission import Submission
from compliance.service.assess_helper import (
    HEADER,
    PIPE_FLOOR,
    HelperGone,
    Message,
    Messages,
    answer_of,
    helper_main,
    send,
    widen,
)
from compliance.service.assess_work import BODY, Stored, assess_from_body, report_from_body, stored_of
from compliance.service.assessing import Assessor
from compliance.service.errors import ServiceError
from compliance.service.reporting import ReportOptions
from compliance.service.submissions import InvalidSubmission
from compliance.storage.records import StoredAssessment

T = TypeVar("T")


class AssessmentUnavailable(ServiceError):
    """The helper processes failed twice in a row."""


@dataclass(frozen=True)
class AssessedBody:
    assessment: StoredAssessment
    facts: dict[str, Any]  # the submission as validated, facts not stated left out
    facts_json: bytes


def _stored_assessment(result: Stored) -> StoredAssessment:
    json_bytes, verdict, submission_hash, pack, full = result
    assessment = StoredAssessment.model_validate(
        {"json_bytes": json_bytes, "verdict": verdict, "submission_hash": submission_hash, "pack": pack}
    )
    return assessment.knowing(expanded_json=full)


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
        return _stored_assessment(stored_of(self.assessor, submission))

    def assess_body(self, raw: bytes, is_json: bool) -> AssessedBody:
        return _assessed(assess_from_body(self.assessor, raw, is_json))

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        outcome: Future[tuple[str | bytes, list[FieldError]]] = Future()
        try:
            outcome.set_result(report_from_body(self.assessor, raw, is_json, options))
        except Exception as exc:
            outcome.set_exception(exc)
        out: Future[str | bytes] = Future()
        _settle(outcome, out)
        return out

    def close(self) -> None:
        pass


# -- in the server ---------------------------------------------------------------------------------------------


class _Helper:
    """One helper process, its two pipes and the thread that reads its answers, which arrive in the order of
    the requests: a request is written by its caller straight into the pipe, even while the helper works on
    earlier ones, so that it never waits for the next."""

    def __init__(self, rules_dir: Path | None) -> None:
        self.rules_dir = rules_dir
        self.process: BaseProcess | None = None
        self._to: Connection | None = None
        self._lock = threading.Lock()  # the answers awaited (never held while writing into a pipe)
        self._sending = threading.Lock()  # requests enter the pipe in the order of `_awaited`
        self._starting = threading.Lock()
        self.closed = False
        self._awaited: deque[tuple[Future[Message], int]] = deque()  # the current process's, in order
        self.queued_bytes = 0
        self.capacity = (
            PIPE_FLOOR  # of the request pipe: requests waiting in it below this never block a write
        )
        self.gone = True

    @property
    def load(self) -> int:
        return len(self._awaited)

    def ensure_started(self) -> None:
        """Start it, or start it again after it died (once for everyone who saw it gone)."""
        with self._starting:
            if self.closed:
                raise AssessmentUnavailable("the assessment processes are stopped")
            if self.gone:
                self.stop()
                self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        their_requests, our_requests = context.Pipe(duplex=False)
        our_replies, their_replies = context.Pipe(duplex=False)
        process = context.Process(
            target=helper_main,
            args=(their_requests, their_replies, self.rules_dir, os.getpid()),
            daemon=False,  # a PDF is rendered in a process of its own, which a daemon may not start
            name="compliance-assess",
        )
        process.start()
        their_requests.close()
        their_replies.close()
        widen(our_replies)
        self.capacity = widen(our_requests)
        self.process, self._to = process, our_requests
        answers = Messages(our_replies.fileno())
        first = answers.next()
        try:  # a pack that does not load fails here, at start
            if first is None:
                raise AssessmentUnavailable("an assessment process did not start")
            answer_of(first)
        except BaseException:
            self.stop()
            our_replies.close()
            raise
        self._attach(our_requests, our_replies, answers)

    def _attach(self, requests: Connection, replies: Connection, answers: Messages) -> None:
        """Take a started process's pipes, with a queue of the answers it owes of their own: the reading
        thread of a process replaced, seeing its end late, fails only its own callers."""
        awaited: deque[tuple[Future[Message], int]] = deque()
        with self._lock:
            self._to, self._awaited, self.gone = requests, awaited, False
        threading.Thread(target=self._read_answers, args=(replies, answers, awaited), daemon=True).start()

    def submit(self, message: bytes) -> Future[Message]:
        """Write a request; the future gets the answer's bytes, or HelperGone."""
        answer: Future[Message] = Future()
        size = HEADER.size + len(message)
        with self._sending:
            with self._lock:
                if self.gone or self._to is None:
                    raise HelperGone
                awaited = self._awaited
                awaited.append((answer, size))
                self.queued_bytes += size
                # A write into a full pipe waits for the helper, which may wait for the reading thread to
                # take its answers: the reading thread's lock is not held meanwhile. Our own copy of the
                # pipe's end, which `stop` cannot close under the write.
                fd = os.dup(self._to.fileno())
            try:
                send(fd, message)
            except OSError:  # BrokenPipeError: it died
                with self._lock:
                    current = awaited is self._awaited  # not a process replaced since
                    if awaited and awaited[-1][0] is answer:  # not yet failed by the reader
                        awaited.pop()
                        self.queued_bytes -= size if current else 0
                    self.gone = self.gone or current
                raise HelperGone from None
            finally:
                os.close(fd)
        return answer

    def _read_answers(
        self, pipe: Connection, answers: Messages, awaited: deque[tuple[Future[Message], int]]
    ) -> None:
        """The reading thread: answers to their callers, in order, until the helper's end (the pipe is then
        closed here, where nothing reads it any more)."""
        while True:
            try:
                message = answers.next()
            except OSError:
                message = None
            with self._lock:
                current = awaited is self._awaited  # else a new process has come meanwhile
                if message is None:
                    lost = [answer for answer, _ in awaited]
                    awaited.clear()
                    if current:
                        self.gone = True
                        self.queued_bytes = 0
                else:
                    answer, size = awaited.popleft()
                    if current:
                        self.queued_bytes -= size
            if message is None:
                pipe.close()
                for waiting in lost:
                    waiting.set_exception(HelperGone())
                return
            answer.set_result(message)

    def close(self) -> None:
        """Stop it for good: a call lost meanwhile is not retried by starting it again (a helper started
        after the server's end would never be stopped, and multiprocessing waits for it at exit)."""
        with self._starting:
            self.closed = True
            self.stop()

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
        if not helper.gone and helper.queued_bytes + HEADER.size + len(message) <= helper.capacity:
            try:
                pending = helper.submit(message)
            except HelperGone:
                pass
            else:
                pending.add_done_callback(lambda done: self._finish(done, message, out, 1))
                return
        threading.Thread(target=self._send_waiting, args=(message, out, 1), daemon=True).start()

    def _send_waiting(self, message: bytes, out: Future[Any], retries: int) -> None:
        """Send, starting a helper again or waiting for room in its pipe if need be (blocks: not in the loop)."""
        helper = self._pick()
        try:
            helper.ensure_started()
            pending = helper.submit(message)
        except HelperGone:
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

    def _finish(self, done: Future[Message], message: bytes, out: Future[Any], retries: int) -> None:
        """In the helper's reading thread: the answer into `out`; a helper gone, the call again."""
        if isinstance(done.exception(), HelperGone):
            self._retry(message, out, retries)  # in the reading thread of a helper that is gone: it may wait
            return
        try:
            _settle_with(out, answer_of(done.result()))
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
            helper.close()


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
