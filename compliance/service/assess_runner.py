"""Where assessments are computed: in this process, or in helper processes.

Assessing a submission and writing its assessment's JSON (the compact form to store, about 20 KB, and the full
one the client reads, about 100 KB) take most of a stored submission's CPU, and a server process runs Python on
one core at a time. With `ProcessRunner` that work runs in helper processes on the other cores; they send back
both JSON documents and the few facts the store indexes, never a Python object to rebuild (unpickling one costs
as much as assessing).
The engine is pure, so nothing but the rule pack is shared.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from compliance.domain.field_errors import FieldError
from compliance.domain.submission import Submission
from compliance.service.assess_channel import AssessmentUnavailable, Helper, running_loop
from compliance.service.assess_helper import HEADER, HelperGone, Message, answer_of
from compliance.service.assess_work import BODY, Stored, assess_from_body, report_from_body, stored_of
from compliance.service.assessing import Assessor
from compliance.service.reporting import ReportOptions
from compliance.service.submissions import InvalidSubmission
from compliance.storage.records import StoredAssessment

T = TypeVar("T")


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

    def assess_body(self, raw: bytes, is_json: bool, lang: str = "en") -> AssessedBody:
        """Parse, check and assess a request body; raises InvalidSubmission for a body that does not fit, its
        problems worded in `lang`."""

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        """Parse, check, assess and render a request body, without tying up a thread of the server: the
        future raises InvalidSubmission for a body that does not fit."""

    def close(self) -> None: ...


def _report(answer: tuple[str | bytes, list[FieldError]]) -> str | bytes:
    """A report, or InvalidSubmission with the problems of a body that does not fit."""
    text, problems = answer
    if problems:
        raise InvalidSubmission(BODY, problems)
    return text


def _same(value: Any) -> Any:
    return value


class InProcessRunner:
    def __init__(self, assessor: Assessor) -> None:
        self.assessor = assessor

    def assess(self, submission: Submission) -> StoredAssessment:
        return _stored_assessment(stored_of(self.assessor, submission))

    def assess_body(self, raw: bytes, is_json: bool, lang: str = "en") -> AssessedBody:
        return _assessed(assess_from_body(self.assessor, raw, is_json, lang))

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        out: Future[str | bytes] = Future()
        try:
            out.set_result(_report(report_from_body(self.assessor, raw, is_json, options)))
        except Exception as exc:
            out.set_exception(exc)
        return out

    def close(self) -> None:
        pass


@dataclass(frozen=True)
class _Call:
    """A request on its way: its bytes, the caller's future and what makes the answer the caller's value."""

    message: bytes
    out: Future[Any]
    shape: Callable[[Any], Any] = _same


class ProcessRunner:
    """Helper processes, each fed through a pipe of its own: the caller writes its request straight in, and
    the answers settle the caller's future where they are read (see `assess_channel`: by the event loop the
    runner was made in, if any, else by a thread per helper). No queue, no feeder thread, no pickled work item
    between them (what `ProcessPoolExecutor` adds to every call). A helper that dies is started again at its
    next use, and the calls it lost are retried once; starting one, or writing a request its pipe cannot take
    at once, happens in a thread of its own, never in the event loop."""

    def __init__(
        self, rules_dir: Path | None, workers: int, loop: asyncio.AbstractEventLoop | None = None
    ) -> None:
        self.rules_dir = rules_dir
        self.loop = loop
        self._helpers = [Helper(rules_dir, loop) for _ in range(workers)]
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

    def _pick(self) -> Helper:
        """The least busy helper that is up (or one to start again)."""
        return min(self._helpers, key=lambda h: (h.gone, h.load))

    def _begin(self, call: _Call) -> None:
        """Send without waiting: inline when the helper is up and its pipe surely has room, else from a thread
        (a write blocked in the loop that reads the answers would wait for ever)."""
        helper = self._pick()
        if not helper.gone and helper.has_room(HEADER.size + len(call.message)):
            try:
                pending = helper.submit(call.message)
            except HelperGone:
                pass
            else:
                pending.add_done_callback(lambda done: self._finish(done, call, 1))
                return
        threading.Thread(target=self._send_waiting, args=(call, 1), daemon=True).start()

    def _send_waiting(self, call: _Call, retries: int) -> None:
        """Send, starting a helper again or waiting for room in its pipe if need be (blocks: not in the loop)."""
        helper = self._pick()
        try:
            helper.ensure_started()
            pending = helper.submit(call.message)
        except HelperGone:
            self._retry(call, retries)
            return
        except Exception as exc:
            _settle_with(call.out, exc)
            return
        pending.add_done_callback(lambda done: self._finish(done, call, retries))

    def _retry(self, call: _Call, retries: int) -> None:
        if retries > 0:
            self._send_waiting(call, retries - 1)
        else:
            _settle_with(call.out, AssessmentUnavailable("the assessment processes stopped unexpectedly"))

    def _finish(self, done: Future[Message], call: _Call, retries: int) -> None:
        """Where the answer was read: the answer into the caller's future; a helper gone, the call again (from
        a thread of its own when the loop read it: starting a helper again waits)."""
        if isinstance(done.exception(), HelperGone):
            if self.loop is None:
                self._retry(call, retries)  # in the reading thread of a helper that is gone: it may wait
            else:
                threading.Thread(target=self._retry, args=(call, retries), daemon=True).start()
            return
        try:
            _settle_with(call.out, call.shape(answer_of(done.result())))
        except Exception as exc:
            _settle_with(call.out, exc)

    def _call(self, task: str, *args: object) -> Any:
        """A call that blocks for its answer: never from the thread of the loop that reads the answers."""
        if self.loop is not None and running_loop() is self.loop:
            raise RuntimeError("a blocking assessment call in the event loop that reads its answer")
        out: Future[Any] = Future()
        self._send_waiting(_Call(pickle.dumps((task, args), protocol=pickle.HIGHEST_PROTOCOL), out), 1)
        return out.result()

    def assess(self, submission: Submission) -> StoredAssessment:
        return _stored_assessment(self._call("assess", submission.model_dump_json().encode()))

    def assess_body(self, raw: bytes, is_json: bool, lang: str = "en") -> AssessedBody:
        return _assessed(self._call("assess_body", raw, is_json, lang))

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        out: Future[str | bytes] = Future()
        message = pickle.dumps(("report_body", (raw, is_json, options)), protocol=pickle.HIGHEST_PROTOCOL)
        self._begin(_Call(message, out, _report))
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


def make_runner(
    assessor: Assessor, rules_dir: Path | None, workers: int, loop: asyncio.AbstractEventLoop | None = None
) -> AssessmentRunner:
    """Helper processes when `workers` > 0, else assess in this process. With `loop` (the server's), the
    helpers' answers are read by that loop, which must then keep running while anyone waits for one."""
    if workers <= 0:
        return InProcessRunner(assessor)
    return ProcessRunner(rules_dir, workers, loop)


def in_loop(future: Future[T]) -> asyncio.Future[T]:
    """`asyncio.wrap_future` for the running loop, without a wake-up through the loop's self-pipe when the
    future is settled in the loop's own thread (where the helpers' answers are read)."""
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[T] = loop.create_future()

    def copy(done: Future[T]) -> None:
        if waiter.done():
            return
        if done.cancelled():
            waiter.cancel()
        elif (error := done.exception()) is not None:
            waiter.set_exception(error)
        else:
            waiter.set_result(done.result())

    def settled(done: Future[T]) -> None:
        if running_loop() is loop:
            copy(done)
        elif not loop.is_closed():
            loop.call_soon_threadsafe(copy, done)

    def abandoned(waiting: asyncio.Future[T]) -> None:
        if waiting.cancelled():
            future.cancel()

    waiter.add_done_callback(abandoned)
    future.add_done_callback(settled)
    return waiter
