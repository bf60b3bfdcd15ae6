"""The helpers' answers read by the server's event loop (`ProcessRunner(..., loop)`, what `compliance serve`
runs): the same answers as in this process and as a reading thread gives, each to its own caller, blocking
callers from threads alongside, and a helper's end (even in the middle of an answer) failing only its
callers."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from concurrent.futures import Future

import pytest

from compliance.reports import ReportFormat
from compliance.service.assess_channel import Helper
from compliance.service.assess_helper import HEADER, REPORT, HelperGone, Incoming, Message, Messages, send
from compliance.service.assess_runner import InProcessRunner, ProcessRunner, in_loop
from compliance.service.assessing import assessor_for
from compliance.service.reporting import ReportOptions
from compliance.service.submissions import InvalidSubmission
from tests.api.test_assess_runner_shutdown import RAW, _body, _Pipe

OPTIONS = ReportOptions(ReportFormat.json)


def test_the_loop_reads_the_answers_as_a_thread_does() -> None:
    local = InProcessRunner(assessor_for(None))

    async def main() -> None:
        runner = ProcessRunner(None, 1, asyncio.get_running_loop())
        try:
            threaded = ProcessRunner(None, 1)
            try:
                for fmt in (ReportFormat.json, ReportFormat.sarif, ReportFormat.markdown):
                    options = ReportOptions(fmt, "ar")
                    expected = local.report_body(RAW, False, options).result()
                    assert await in_loop(runner.report_body(RAW, False, options)) == expected
                    assert threaded.report_body(RAW, False, options).result(timeout=60) == expected
            finally:
                threaded.close()
            with pytest.raises(InvalidSubmission):
                await in_loop(runner.report_body(b"[1]", True, OPTIONS))
            # stored submissions: blocking calls from threads, answered while the loop runs
            assessed = await asyncio.gather(
                *(asyncio.to_thread(runner.assess_body, RAW, False) for _ in range(3))
            )
            assert all(a == local.assess_body(RAW, False) for a in assessed)
            with pytest.raises(RuntimeError):  # would wait for ever: the loop reads its answer
                runner.assess_body(RAW, False)
        finally:
            runner.close()

    asyncio.run(main())


def test_a_helper_killed_under_the_loop_fails_and_retries_only_its_own_callers() -> None:
    """Distinct bodies at once over two helpers, dry runs in the loop and blocking calls from threads, one
    helper killed midway: every caller gets its own body's answer."""
    local = InProcessRunner(assessor_for(None))

    async def main() -> None:
        runner = ProcessRunner(None, 2, asyncio.get_running_loop())
        try:
            pending: dict[int, asyncio.Future[str | bytes]] = {}
            stored = {
                n: asyncio.ensure_future(asyncio.to_thread(runner.assess_body, _body(n), False))
                for n in (50, 51)
            }
            for n in range(16):
                pending[n] = in_loop(runner.report_body(_body(n), False, OPTIONS))
                if n == 6:
                    os.kill(runner.pids()[0], signal.SIGKILL)
            for n, future in pending.items():
                assert (
                    await asyncio.wait_for(future, 120)
                    == local.report_body(_body(n), False, OPTIONS).result()
                ), n
            for n, task in stored.items():
                assert await asyncio.wait_for(task, 120) == local.assess_body(_body(n), False), n
        finally:
            runner.close()

    asyncio.run(main())


def test_an_answer_cut_short_fails_its_process_callers_and_no_other() -> None:
    """The helper dies in the middle of its second answer: the first caller has its answer, the second and
    third fail (to be retried), and the process started next is read from its own first answer on; the old
    process's end, seen late, takes nothing of the new one."""

    async def main() -> None:
        loop = asyncio.get_running_loop()
        helper = Helper(None, loop)
        old_in, old_requests = os.pipe()
        old_replies, old_out = os.pipe()
        helper._attach(_Pipe(old_requests), _Pipe(old_replies), Messages(old_replies))  # type: ignore[arg-type]
        calls = [helper.submit(b"one"), helper.submit(b"two"), helper.submit(b"three")]
        send(old_out, b"answer one", REPORT)
        cut = HEADER.pack(100, REPORT) + b"half of it"
        os.write(old_out, cut)
        assert (await asyncio.wrap_future(calls[0])) == (REPORT, b"answer one")
        await asyncio.sleep(0.1)
        assert not calls[1].done()  # an answer still coming
        helper.stop()
        new_in, new_requests = os.pipe()
        new_replies, new_out = os.pipe()
        helper._attach(_Pipe(new_requests), _Pipe(new_replies), Messages(new_replies))  # type: ignore[arg-type]
        fresh = helper.submit(b"four")
        os.close(old_out)  # the old process's end, seen after the new one came
        for lost in calls[1:]:
            with pytest.raises(HelperGone):
                await asyncio.wrap_future(lost)
        assert not helper.gone
        send(new_out, b"answer four", REPORT)
        assert (await asyncio.wrap_future(fresh)) == (REPORT, b"answer four")
        os.close(new_out)
        await asyncio.sleep(0.1)
        assert helper.gone  # the new process's own end
        for fd in (old_in, new_in):
            os.close(fd)

    asyncio.run(main())


def test_a_helper_started_again_from_a_thread_is_read_by_the_loop() -> None:
    """A helper replaced from a thread (a retry) is watched by the loop, not by a thread of its own."""

    def readers() -> int:  # other tests' reading threads may still be ending, none starting
        return sum(t.name.endswith("(_read_answers)") for t in threading.enumerate())

    async def main() -> None:
        runner = ProcessRunner(None, 1, asyncio.get_running_loop())
        try:
            before = readers()
            os.kill(runner.pids()[0], signal.SIGKILL)
            await asyncio.sleep(0.3)
            expected = InProcessRunner(assessor_for(None)).report_body(RAW, False, OPTIONS).result()
            assert await asyncio.wait_for(in_loop(runner.report_body(RAW, False, OPTIONS)), 120) == expected
            assert runner.pids() and readers() <= before
        finally:
            runner.close()

    asyncio.run(main())


def test_incoming_puts_a_message_together_from_any_pieces() -> None:
    """Non-blocking reads get what is there: a message written a few bytes at a time comes out whole, once;
    an empty one too; the pipe's end in the middle of one gives none, and says it ended."""
    reading, writing = os.pipe()
    os.set_blocking(reading, False)
    incoming = Incoming(reading)
    body = bytes(range(256)) * 40
    whole = HEADER.pack(len(body), REPORT) + body + HEADER.pack(0, REPORT) + HEADER.pack(5, REPORT) + b"ab"
    got: list[Message] = []
    for at in range(0, len(whole), 7):
        os.write(writing, whole[at : at + 7])
        while (message := incoming.read()) is not None:
            got.append(message)
    assert got == [(REPORT, body), (REPORT, b"")]
    assert not incoming.ended
    os.close(writing)
    assert incoming.read() is None
    assert incoming.ended
    os.close(reading)


def test_in_loop_settles_from_the_loop_and_from_threads_and_passes_a_cancel_back() -> None:
    async def main() -> None:
        here: Future[int] = Future()
        waiting = in_loop(here)
        here.set_result(1)  # in the loop's thread: at once, no hop
        assert waiting.done() and waiting.result() == 1
        there: Future[int] = Future()
        threading.Timer(0.05, there.set_exception, args=(ValueError("x"),)).start()
        with pytest.raises(ValueError):
            await in_loop(there)
        abandoned: Future[int] = Future()
        in_loop(abandoned).cancel()
        await asyncio.sleep(0)
        assert abandoned.cancelled()

    asyncio.run(main())


def test_the_loop_never_waits_on_a_full_request_pipe() -> None:
    """A helper that reads nothing while dry runs pile up: the loop writes a request only where it surely fits
    (a pipe counts pages, not bytes), the rest go from threads; a write blocked in the loop would never end,
    since the loop is who reads the answers that free the helper."""
    outcome: list[object] = []

    async def main() -> None:
        runner = ProcessRunner(None, 1, asyncio.get_running_loop())
        (pid,) = runner.pids()
        os.kill(pid, signal.SIGSTOP)
        try:
            body = b"x" * (4097 - 60)  # about a page and a byte once pickled: two pages of the pipe each
            pending = [in_loop(runner.report_body(body + str(n).encode(), True, OPTIONS)) for n in range(300)]
            await asyncio.sleep(0.2)  # the loop still runs
            outcome.append("loop free")
            os.kill(pid, signal.SIGCONT)
            for future in pending:
                with pytest.raises(InvalidSubmission):
                    await asyncio.wait_for(future, 120)
            outcome.append("all answered")
        finally:
            os.kill(pid, signal.SIGCONT)
            runner.close()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    thread.join(180)
    assert outcome == ["loop free", "all answered"]
