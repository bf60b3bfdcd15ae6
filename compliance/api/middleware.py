"""ASGI middleware: no stack trace ever leaves the server, oversized bodies are refused before they are
read, and a bounded number of requests run at once (the rest wait briefly, then get 503 + Retry-After)."""

from __future__ import annotations

import asyncio
import json
import logging
import traceback

from starlette.datastructures import MutableHeaders
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from compliance.api.problems import PROBLEM_JSON, ApiError, problem_body, problem_instance

log = logging.getLogger("compliance.api")


async def send_problem(
    send: Send, status: int, kind: str, detail: str, scope: Scope, headers: dict[str, str] | None = None
) -> None:
    body = json.dumps(problem_body(status, kind, detail, problem_instance(scope))).encode()
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
                await send_problem(send, 500, "internal-error", "an unexpected error occurred", scope)


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


class BodySizeLimit:
    """Bodies over the limit get a 413 problem document: a declared Content-Length is refused before the
    body is read, a body without one is counted as it arrives. (FastAPI's own `max_body_size` answers
    with plain text, so it is not used.)"""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        detail = f"the request body is larger than {self.max_bytes:,} bytes (1 MiB)"
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await send_problem(send, 413, "content-too-large", detail, scope)
                return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise ApiError(413, "content-too-large", detail)
            return message

        await self.app(scope, counting_receive, send)


class AdmissionLimit:
    """At most `max_in_flight` API requests run at once; up to `max_waiting` more wait at most
    `wait_seconds` for a turn. Beyond that: 503 with Retry-After, never a hang."""

    def __init__(
        self,
        app: ASGIApp,
        max_in_flight: int,
        max_waiting: int,
        wait_seconds: float,
        retry_after: int,
        prefix: str = "/api/",
    ) -> None:
        self.app = app
        self.max_in_flight = max_in_flight
        self.max_waiting = max_waiting
        self.wait_seconds = wait_seconds
        self.retry_after = retry_after
        self.prefix = prefix
        self._slots: asyncio.Semaphore | None = None
        self._waiting = 0

    async def _busy(self, send: Send, scope: Scope) -> None:
        await send_problem(
            send,
            503,
            "busy",
            "the server is at capacity; retry after the Retry-After delay",
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
        try:
            await self.app(scope, receive, send)
        finally:
            slots.release()
