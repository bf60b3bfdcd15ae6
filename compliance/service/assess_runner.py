"""Where assessments are computed: in this process, or in helper processes.

Assessing a submission and writing its assessment's JSON (the compact form to store, about 20 KB, and the full
one the client reads, about 100 KB) take most of a stored submission's CPU, and a server process runs Python on
one core at a time. With `ProcessRunner` that work runs in helper processes on the other cores; they send back
both JSON documents and the few facts the store indexes, never a Python object to rebuild (unpickling one costs
as much as assessing).
The engine is pure, so nothing but the rule pack is shared.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
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
    if isinstance(error, BrokenProcessPool):
        out.set_exception(AssessmentUnavailable("the assessment processes stopped unexpectedly"))
    elif error is not None:
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


def _ready() -> bool:
    return _assessor is not None


def _assess(facts: bytes) -> Stored:
    assert _assessor is not None
    return _stored(_assessor, Submission.model_validate_json(facts))


def _assess_body(raw: bytes, is_json: bool) -> tuple[Stored, bytes] | list[FieldError]:
    assert _assessor is not None
    return _assess_from_body(_assessor, raw, is_json)


def _report_body(raw: bytes, is_json: bool, options: ReportOptions) -> tuple[str | bytes, list[FieldError]]:
    assert _assessor is not None
    return _report_from_body(_assessor, raw, is_json, options)


# -- in the server ---------------------------------------------------------------------------------------------
class ProcessRunner:
    def __init__(self, rules_dir: Path | None, workers: int) -> None:
        self.rules_dir = rules_dir
        self.workers = workers
        self._lock = threading.Lock()
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded server
            initializer=_load,
            initargs=(self.rules_dir, os.getpid()),
        )
        for ready in [pool.submit(_ready) for _ in range(self.workers)]:
            ready.result()  # a pack that does not load fails here, at start
        return pool

    def _call(self, fn: Callable[..., T], *args: object) -> T:
        for attempt in (1, 2):
            pool = self._pool
            try:
                future: Future[T] = pool.submit(fn, *args)
                return future.result()
            except BrokenProcessPool:
                self._restart(pool)
                if attempt == 2:
                    break
        raise AssessmentUnavailable("the assessment processes stopped unexpectedly")

    def assess(self, submission: Submission) -> StoredAssessment:
        return _stored_assessment(self._call(_assess, submission.model_dump_json().encode()))

    def assess_body(self, raw: bytes, is_json: bool) -> AssessedBody:
        return _assessed(self._call(_assess_body, raw, is_json))

    def report_body(self, raw: bytes, is_json: bool, options: ReportOptions) -> Future[str | bytes]:
        pool = self._pool
        out: Future[str | bytes] = Future()
        try:
            outcome = pool.submit(_report_body, raw, is_json, options)
        except BrokenProcessPool:
            self._restart(pool)
            outcome = self._pool.submit(_report_body, raw, is_json, options)

        def settle(done: Future[tuple[str | bytes, list[FieldError]]]) -> None:
            if isinstance(done.exception(), BrokenProcessPool):
                self._restart(pool)
            _settle(done, out)

        outcome.add_done_callback(settle)
        return out

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:  # once for everyone who saw the same broken pool
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_runner(assessor: Assessor, rules_dir: Path | None, workers: int) -> AssessmentRunner:
    """Helper processes when `workers` > 0, else assess in this process."""
    if workers <= 0:
        return InProcessRunner(assessor)
    return ProcessRunner(rules_dir, workers)
