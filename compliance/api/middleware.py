"""ASGI middleware: no stack trace ever leaves the server, oversized bodies are refused before they are
read, and a bounded number of requests run at once (the rest wait briefly, then get 503 + Retry-After)."""

from __future__ import annotations

import asyncio
import json
import logging
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.datastructures import MutableHeaders
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from compliance.api import problem_words as words
from compliance.api.problems import PROBLEM_JSON, problem_body, problem_instance

log = logging.getLogger("compliance.api")
_CLOSE = {"Connection": "close"}  # after an unread or partly read body
PageRefusal = Callable[[Scope, Send], Awaitable[None]]  # a refusal answered as a page, not a problem


async def send_problem(
    send: Send,
    status: int,
    kind: str,
    detail: str,
    scope: Scope,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
) -> None:
    """A problem sent before any route answered; `detail` in English, translated for the request."""
    lang = words.scope_lang(scope)
    body = json.dumps(
        problem_body(status, kind, detail, problem_instance(scope), None, lang, params)
    ).encode()
    raw_headers = [
        (b"content-type", PROBLEM_JSON.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


class CatchAll:
    """An unexpected error becomes a bare 500 problem. The log gets the exception type and the code
    locations, not its message (which could quote submitted values)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:  # the client hung up before sending its whole body: nobody to answer
            log.info(
                "client hung up before sending its whole request on %s %s", scope["method"], scope["path"]
            )
        except Exception as exc:
            where = "".join(traceback.format_tb(exc.__traceback__))
            log.error("unexpected %s on %s %s\n%s", type(exc).__name__, scope["method"], scope["path"], where)
            if not started:
                await send_problem(send, 500, "internal-error", words.UNEXPECTED, scope)


class StandardHeaders:
    """Every answer says not to store it (it may hold assessments of personal data) and not to sniff its
    media type, whichever layer produced it."""

    HEADERS = (("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"))

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.HEADERS:
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyReader:
    """The whole request body is read here, before admission, then handed on in one piece: a client that
    trickles its body holds no admission slot, only its connection. Bodies over the limit get a 413 problem
    (a declared Content-Length is refused before anything is read); a body not complete within
    `timeout_seconds` gets a 408 problem and the connection is closed. (FastAPI's own `max_body_size`
    answers with plain text, so it is not used.)"""

    def __init__(
        self, app: ASGIApp, max_bytes: int, timeout_seconds: float, page_too_large: PageRefusal | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_seconds = timeout_seconds
        self.page_too_large = page_too_large  # the 413 of a path outside the API, as a page of the web app

    async def _too_large(self, send: Send, scope: Scope, size: dict[str, str]) -> None:
        path = scope["path"]
        if self.page_too_large is not None and path != "/api" and not path.startswith("/api/"):
            await self.page_too_large(scope, send)
            return
        await send_problem(send, 413, "content-too-large", words.TOO_LARGE_BYTES, scope, _CLOSE, size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        size = {"size": f"{self.max_bytes:,}"}
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._too_large(send, scope, size)
                return
        chunks: list[bytes] = []
        received = 0
        try:
            async with asyncio.timeout(self.timeout_seconds):
                while True:
                    message = await receive()
                    if message["type"] != "http.request":
                        return  # the client hung up: nobody to answer
                    chunk = message.get("body", b"")
                    received += len(chunk)
                    if received > self.max_bytes:
                        await self._too_large(send, scope, size)
                        return
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            seconds = {"seconds": f"{self.timeout_seconds:g}"}
            await send_problem(send, 408, "request-timeout", words.TIMEOUT, scope, _CLOSE, seconds)
            return
        whole: Message | None = {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        async def replay() -> Message:
            nonlocal whole
            if whole is not None:
                message, whole = whole, None
                return message
            return await receive()

        await self.app(scope, replay, send)


@dataclass
class Occupancy:
    """How many admission slots are taken, shared with `/readyz`."""

    capacity: int = 0
    in_flight: int = 0

    @property
    def saturated(self) -> bool:
        return self.in_flight >= self.capacity > 0


class AdmissionLimit:
    """At most `max_in_flight` API requests run at once; up to `max_waiting` more wait at most
    `wait_seconds` for a turn. Beyond that: 503 with Retry-After, never a hang.

    A request gives its slot back as soon as its answer is complete and handed to the server (the response
    start of a body with a Content-Length, else its last part): a client that does not read its answers then
    holds its own connection, not a slot (uvicorn waits for the socket to drain inside `send`)."""

    def __init__(
        self,
        app: ASGIApp,
        max_in_flight: int,
        max_waiting: int,
        wait_seconds: float,
        retry_after: int,
        prefix: str = "/api/",
        occupancy: Occupancy | None = None,
    ) -> None:
        self.app = app
        self.max_in_flight = max_in_flight
        self.max_waiting = max_waiting
        self.wait_seconds = wait_seconds
        self.retry_after = retry_after
        self.prefix = prefix
        self.occupancy = occupancy or Occupancy()
        self.occupancy.capacity = max_in_flight
        self._slots: asyncio.Semaphore | None = None
        self._waiting = 0

    async def _busy(self, send: Send, scope: Scope) -> None:
        await send_problem(
            send,
            503,
            "busy",
            words.BUSY,
            scope,
            {"Retry-After": str(self.retry_after)},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_in_flight)
        slots = self._slots
        if slots.locked():
            if self._waiting >= self.max_waiting:
                await self._busy(send, scope)
                return
            self._waiting += 1
            try:
                await asyncio.wait_for(slots.acquire(), self.wait_seconds)
            except TimeoutError:
                await self._busy(send, scope)
                return
            finally:
                self._waiting -= 1
        else:
            await slots.acquire()
        self.occupancy.in_flight += 1
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                self.occupancy.in_flight -= 1
                slots.release()

        async def releasing_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                if any(name.lower() == b"content-length" for name, _ in message.get("headers", ())):
                    release()
            elif not message.get("more_body", False):
                release()
            await send(message)

        try:
            await self.app(scope, receive, releasing_send)
        finally:
            release()
