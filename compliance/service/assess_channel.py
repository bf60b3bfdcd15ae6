"""One assessment helper process as the server sees it: its two pipes and whoever reads its answers, which
arrive in the order of the requests (see `assess_runner`).

The answers are read by the server's event loop when the runner was made in one (`add_reader` on the answer
pipe: a 200 KB answer is read where it is sent on, with no thread to wake, no GIL to hand over and no wake-up
of the loop through its self-pipe), else by a thread of the helper's own. Either way they reach their callers
in order, and the end of a process fails only the callers of that process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections import deque
from concurrent.futures import Future
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from compliance.service.assess_helper import (
    HEADER,
    PIPE_FLOOR,
    HelperGone,
    Incoming,
    Message,
    Messages,
    answer_of,
    helper_main,
    send,
    widen,
)
from compliance.service.errors import ServiceError

_PAGE = 4096  # the unit of a pipe's buffers on Linux
Awaited = deque[
    tuple[Future[Message], int]
]  # the callers of one process, in order, and their requests' sizes


class AssessmentUnavailable(ServiceError):
    """The helper processes failed twice in a row."""


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop running in this thread, if any."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Helper:
    """One helper process, its two pipes and the reader of its answers. A request is written by its caller
    straight into the pipe, even while the helper works on earlier ones, so that it never waits for the next.
    With `loop`, the loop reads the answers: a caller that blocks for its answer must then not be the loop's
    own thread (see `ProcessRunner._call`)."""

    def __init__(self, rules_dir: Path | None, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.rules_dir = rules_dir
        self.loop = loop
        self.process: BaseProcess | None = None
        self._to: Connection | None = None
        self._lock = threading.Lock()  # the answers awaited (never held while writing into a pipe)
        self._sending = threading.Lock()  # requests enter the pipe in the order of `_awaited`
        self._starting = threading.Lock()
        self.closed = False
        self._awaited: Awaited = deque()  # the current process's, in order
        self.queued_bytes = 0
        self.capacity = (
            PIPE_FLOOR  # of the request pipe: requests waiting in it below this never block a write
        )
        self.gone = True

    @property
    def load(self) -> int:
        return len(self._awaited)

    def has_room(self, size: int) -> bool:
        """Whether a request of `size` bytes surely fits in the request pipe now. The pipe holds at most the
        requests still awaited, and a pipe counts pages: each write takes at most one page more than its
        bytes fill."""
        return self.queued_bytes + size + _PAGE * (self.load + 1) <= self.capacity

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
        """Take a started process's pipes, with a queue of the answers it owes of their own: the reader of a
        process replaced, seeing its end late, fails only its own callers."""
        awaited: Awaited = deque()
        with self._lock:
            self._to, self._awaited, self.gone = requests, awaited, False
        loop = self.loop
        if loop is not None:
            os.set_blocking(replies.fileno(), False)
            incoming = Incoming(replies.fileno())
            try:
                if running_loop() is loop:
                    self._watch(replies, incoming, awaited)
                else:  # a helper started again from a thread
                    loop.call_soon_threadsafe(self._watch, replies, incoming, awaited)
                return
            except RuntimeError:  # the loop is closed: a thread reads instead
                os.set_blocking(replies.fileno(), True)
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
                # A write into a full pipe waits for the helper, which may wait for the reader to take its
                # answers: the reader's lock is not held meanwhile. Our own copy of the pipe's end, which
                # `stop` cannot close under the write.
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

    def _read_answers(self, pipe: Connection, answers: Messages, awaited: Awaited) -> None:
        """The reading thread: answers to their callers, in order, until the helper's end."""
        while True:
            try:
                message = answers.next()
            except OSError:
                message = None
            if not self._deliver(pipe, awaited, message):
                return

    def _watch(self, pipe: Connection, incoming: Incoming, awaited: Awaited) -> None:
        """In the loop: read the answers whenever the pipe is readable."""
        assert self.loop is not None
        self.loop.add_reader(pipe.fileno(), self._read_ready, pipe, incoming, awaited)

    def _read_ready(self, pipe: Connection, incoming: Incoming, awaited: Awaited) -> None:
        """In the loop, the pipe readable: an answer complete goes to its caller; at the end, the pipe is no
        longer watched and the callers left are failed."""
        try:
            message = incoming.read()
        except OSError:
            message, incoming.ended = None, True
        if message is not None:
            self._deliver(pipe, awaited, message)
        elif incoming.ended:
            assert self.loop is not None
            self.loop.remove_reader(pipe.fileno())
            self._deliver(pipe, awaited, None)

    def _deliver(self, pipe: Connection, awaited: Awaited, message: Message | None) -> bool:
        """An answer to its caller, the first awaited; at the end (None) every caller left fails and the pipe
        is closed, where nothing reads it any more. False at the end."""
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
            return False
        answer.set_result(message)
        return True

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
