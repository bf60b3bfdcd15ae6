"""Where assessments are computed: in this process, or in helper processes.

Assessing a submission and serialising its assessment (about 200 KB of JSON with the current pack) take
most of a stored submission's CPU, and a server process runs Python on one core at a time. With
`ProcessRunner` that work runs in helper processes on the other cores; they send back the JSON and the
few facts the store indexes, never a Python object to rebuild (unpickling one costs as much as assessing).
The engine is pure, so nothing but the rule pack is shared.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Protocol, TypeVar

from compliance.domain.rules import Severity
from compliance.domain.submission import Submission
from compliance.reports import ReportFormat
from compliance.service.assessing import Assessor, assessor_for
from compliance.service.errors import ServiceError
from compliance.service.reporting import render_assessment
from compliance.storage.records import StoredAssessment

T = TypeVar("T")


class AssessmentUnavailable(ServiceError):
    """The helper processes failed twice in a row."""


class AssessmentRunner(Protocol):
    def assess(self, submission: Submission) -> StoredAssessment: ...

    def report(
        self, submission: Submission, fmt: ReportFormat, lang: str, threshold: Severity, artifact: str
    ) -> str: ...

    def close(self) -> None: ...


class InProcessRunner:
    def __init__(self, assessor: Assessor) -> None:
        self.assessor = assessor

    def assess(self, submission: Submission) -> StoredAssessment:
        return StoredAssessment.of(self.assessor.assess(submission))

    def report(
        self, submission: Submission, fmt: ReportFormat, lang: str, threshold: Severity, artifact: str
    ) -> str:
        return render_assessment(self.assessor.assess(submission), fmt, lang, threshold, artifact)

    def close(self) -> None:
        pass


# -- in the helper processes ----------------------------------------------------------------------------------
_assessor: Assessor | None = None


def _load(rules_dir: Path | None) -> None:
    global _assessor  # noqa: PLW0603 - one pack per helper process, loaded once
    _assessor = assessor_for(rules_dir)


def _ready() -> bool:
    return _assessor is not None


def _assess(facts: bytes) -> tuple[bytes, str, str, str]:
    assert _assessor is not None
    stored = StoredAssessment.of(_assessor.assess(Submission.model_validate_json(facts)))
    return stored.json_bytes, stored.verdict.value, stored.submission_hash, stored.pack


def _report(facts: bytes, fmt: str, lang: str, threshold: str, artifact: str) -> str:
    assert _assessor is not None
    assessment = _assessor.assess(Submission.model_validate_json(facts))
    return render_assessment(assessment, ReportFormat(fmt), lang, Severity(threshold), artifact)


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
            initargs=(self.rules_dir,),
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
                with self._lock:
                    if self._pool is pool:  # restart once for everyone waiting on the broken pool
                        pool.shutdown(wait=False, cancel_futures=True)
                        self._pool = self._start()
                if attempt == 2:
                    break
        raise AssessmentUnavailable("the assessment processes stopped unexpectedly")

    def assess(self, submission: Submission) -> StoredAssessment:
        json_bytes, verdict, submission_hash, pack = self._call(
            _assess, submission.model_dump_json().encode()
        )
        return StoredAssessment.model_validate(
            {"json_bytes": json_bytes, "verdict": verdict, "submission_hash": submission_hash, "pack": pack}
        )

    def report(
        self, submission: Submission, fmt: ReportFormat, lang: str, threshold: Severity, artifact: str
    ) -> str:
        facts = submission.model_dump_json().encode()
        return self._call(_report, facts, fmt.value, lang, threshold.value, artifact)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_runner(assessor: Assessor, rules_dir: Path | None, workers: int) -> AssessmentRunner:
    """Helper processes when `workers` > 0, else assess in this process."""
    if workers <= 0:
        return InProcessRunner(assessor)
    return ProcessRunner(rules_dir, workers)
