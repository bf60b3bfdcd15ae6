"""The assessment helpers under attack: a shutdown with calls pending, and a request pipe that fills up."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from compliance.reports import ReportFormat
from compliance.service.assess_channel import Helper
from compliance.service.assess_helper import PICKLED, REPORT, Message, Messages, send
from compliance.service.assess_runner import InProcessRunner, ProcessRunner
from compliance.service.assessing import assessor_for
from compliance.service.reporting import ReportOptions

ROOT = Path(__file__).resolve().parents[2]
RAW = (ROOT / "examples" / "darija-support-chatbot.yaml").read_bytes()


def _helpers_alive() -> list[BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "compliance-assess"]


class _Pipe:
    """A pipe's end as `Helper` uses a `Connection`."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        os.close(self.fd)


def _wire(helper: Helper, requests: int, replies: int) -> None:
    """What `Helper._start` does once its process is up, on pipes of the test's own."""
    helper._attach(_Pipe(requests), _Pipe(replies), Messages(replies))  # type: ignore[arg-type]


def test_calls_pending_at_close_start_no_helper_again() -> None:
    """A helper stopped with calls in flight loses them; their retry must not start a helper after `close`:
    it would never be stopped (multiprocessing waits for it at exit: the server hangs)."""
    runner = ProcessRunner(None, 1)
    try:
        os.kill(runner.pids()[0], signal.SIGSTOP)  # answers nothing: `close` must kill it
        pending = [runner.report_body(RAW, False, ReportOptions(ReportFormat.json)) for _ in range(3)]
        runner.close()
        not_done = wait(pending, timeout=60).not_done
        assert not not_done  # every caller has an answer or an error
        time.sleep(0.5)
        assert runner.pids() == []
        assert _helpers_alive() == []
    finally:
        runner.close()
        for process in _helpers_alive():
            process.kill()


def test_a_full_request_pipe_does_not_stop_the_answers() -> None:
    """A caller blocked writing into a full request pipe must not keep the reading thread from its answers:
    else the helper, its answer pipe full, stops reading requests, and all three wait for ever."""
    helper = Helper(None)
    their_requests, our_requests = os.pipe()
    our_replies, their_replies = os.pipe()
    size = 256 * 1024  # beyond a pipe's 64 KiB, both ways

    def fake_helper() -> None:
        inbox = Messages(their_requests)
        while (message := inbox.next()) is not None:
            send(their_replies, message[1][:1] * size)
        os.close(their_replies)

    threading.Thread(target=fake_helper, daemon=True).start()

    _wire(helper, our_requests, our_replies)
    answers: dict[bytes, Future[Message]] = {}

    def call(mark: bytes) -> None:
        answers[mark] = helper.submit(mark * size)

    callers = [threading.Thread(target=call, args=(bytes([65 + i]),), daemon=True) for i in range(6)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join(timeout=20)
    assert not any(caller.is_alive() for caller in callers), "a caller is stuck writing its request"
    for mark, answer in answers.items():
        assert answer.result(timeout=20) == (PICKLED, mark * size)  # each its own answer
    os.close(our_requests)


def test_the_reading_thread_of_a_helper_replaced_touches_nothing_of_the_new_one() -> None:
    """The old helper's end seen by its reading thread only after a new helper took over: it must neither
    mark the new one gone nor take its callers (whose answers the new reading thread would then hand out to
    the callers after them: one organisation's assessment to another)."""
    helper = Helper(None)
    old_requests_in, old_requests = os.pipe()
    old_replies, old_replies_out = os.pipe()
    _wire(helper, old_requests, old_replies)
    helper.stop()  # what `ensure_started` does before starting it again
    their_requests, our_requests = os.pipe()
    our_replies, their_replies = os.pipe()
    go = threading.Event()

    def new_helper() -> None:
        inbox = Messages(their_requests)
        while (message := inbox.next()) is not None:
            go.wait(10)
            send(their_replies, b"answer to " + message[1], REPORT)

    threading.Thread(target=new_helper, daemon=True).start()
    _wire(helper, our_requests, our_replies)
    first = helper.submit(b"atlas")
    os.close(old_replies_out)  # the old helper's end, seen late
    os.close(old_requests_in)
    time.sleep(0.3)
    assert not helper.gone
    second = helper.submit(b"sahara")
    go.set()
    assert first.result(timeout=10) == (REPORT, b"answer to atlas")
    assert second.result(timeout=10) == (REPORT, b"answer to sahara")
    helper.stop()


def _body(n: int) -> bytes:
    return RAW.replace(
        b"project_name: Darija customer-support chatbot", f"project_name: Organisation {n}".encode()
    )


def test_concurrent_calls_with_a_helper_killed_each_get_their_own_answer() -> None:
    """Distinct bodies at once over two helpers, one killed midway: every call answers, with its own body's
    report (a mix-up would hand one organisation's assessment to another); a body near the pipe's size too."""
    local = InProcessRunner(assessor_for(None))
    options = ReportOptions(ReportFormat.json)
    runner = ProcessRunner(None, 2)
    try:
        futures = {}
        for n in range(24):
            futures[n] = runner.report_body(_body(n), False, options)
            if n == 8:
                os.kill(runner.pids()[0], signal.SIGKILL)
        huge = _body(99) + b"\n# " + b"x" * ((1 << 20) - len(_body(99)) - 8) + b"\n"  # just below the limit
        futures[99] = runner.report_body(huge, False, options)
        for n, future in futures.items():
            expected = local.report_body(huge if n == 99 else _body(n), False, options).result()
            assert future.result(timeout=120) == expected, n
    finally:
        runner.close()
