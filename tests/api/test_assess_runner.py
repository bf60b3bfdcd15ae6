"""The helper processes that assess: same answers as in-process, and they survive a helper's death."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from compliance.domain.rules import Severity
from compliance.reports import ReportFormat
from compliance.service.assess_runner import InProcessRunner, ProcessRunner
from compliance.service.assessing import assessor_for
from compliance.service.reporting import ReportOptions
from compliance.service.submissions import InvalidSubmission
from compliance.strictyaml import load_yaml

ROOT = Path(__file__).resolve().parents[2]
RAW = (ROOT / "examples" / "darija-support-chatbot.yaml").read_bytes()


@pytest.fixture(scope="module")
def pooled() -> Iterator[ProcessRunner]:
    runner = ProcessRunner(None, 1)
    yield runner
    runner.close()


def test_helpers_answer_exactly_as_this_process_does(pooled: ProcessRunner) -> None:
    local = InProcessRunner(assessor_for(None))
    assert pooled.assess_body(RAW, False) == local.assess_body(RAW, False)
    for fmt in (ReportFormat.json, ReportFormat.sarif):
        remote = pooled.report_body(RAW, False, ReportOptions(fmt, "fr", Severity.minor)).result(timeout=60)
        assert remote == local.report_body(RAW, False, ReportOptions(fmt, "fr", Severity.minor)).result()


def test_a_body_that_does_not_fit_comes_back_as_invalid_submission(pooled: ProcessRunner) -> None:
    with pytest.raises(InvalidSubmission) as caught:
        pooled.assess_body(b'{"schema_version": "1.0"}', True)
    assert caught.value.problems == ["project_name: missing: this key is required"]
    with pytest.raises(InvalidSubmission):
        pooled.report_body(b"[1]", True, ReportOptions(ReportFormat.json)).result(timeout=60)


def test_a_killed_helper_is_replaced(pooled: ProcessRunner) -> None:
    for pid in pooled.pids():  # the helpers this test started
        os.kill(pid, signal.SIGKILL)
    assessed = pooled.assess_body(RAW, False)  # the broken pool is restarted and the call retried
    assert assessed == InProcessRunner(assessor_for(None)).assess_body(RAW, False)


def test_every_example_crosses_from_a_helper_byte_for_byte(pooled: ProcessRunner) -> None:
    """A report without problems comes as its bytes (JSON), others pickled (text formats): both as here."""
    local = InProcessRunner(assessor_for(None))
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        body = json.dumps(load_yaml(path.read_text(encoding="utf-8"))).encode()
        for fmt, lang in (
            (ReportFormat.json, "fr"),
            (ReportFormat.json, "ar"),
            (ReportFormat.markdown, "en"),
        ):
            options = ReportOptions(fmt, lang, Severity.major)
            remote = pooled.report_body(body, True, options).result(timeout=60)
            assert type(remote) is type(local.report_body(body, True, options).result())
            assert remote == local.report_body(body, True, options).result(), (path.name, fmt, lang)
