"""Headers every page carries, and the line between the web app (session cookie) and the API (keys)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from compliance.web.context import context

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),  # one-time links must not leak through the Referer header
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class WebHeaders:
    """Security headers on every answer; `no-store` on every page (they show personal data or forms)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if b"authorization" in headers:
            await _plain(send, 401, "The web app does not accept API keys: use them with /api/v1.")
            return
        static = scope["path"].startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [*HEADERS]
                if not static:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": text.encode()})


async def too_large_page(scope: Scope, send: Send) -> None:
    """A body over the server's limit (a form or an imported file of more than 1 MiB) refused by a page in
    the reader's language; the body is left unread, so the connection is closed after it."""
    ctx = await run_in_threadpool(context, Request(scope))
    message = ctx._(
        "This request is larger than 1 MiB, the most a form or an imported file may hold. Choose a smaller file, or shorten what you typed."
    )
    response = ctx.render("error.html", status=413, message=message)
    response.headers["connection"] = "close"
    for name, value in HEADERS:
        response.headers[name.decode()] = value.decode()

    async def nothing() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, nothing, send)
