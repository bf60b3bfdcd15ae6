"""The ASGI guards on their own, driven in-process through httpx: deterministic, no timing involved."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from compliance.api.app import create_app
from compliance.api.middleware import AdmissionLimit, BodyReader, CatchAll, Occupancy
from compliance.api.settings import Settings
from compliance.cli.main import main
from compliance.storage.memory import memory_store

SECRET = "a-value-from-a-submission"


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    headers = [(b"content-type", b"text/plain"), (b"content-length", b"2")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"ok"})


def test_an_unexpected_error_is_a_bare_500_problem_and_its_message_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(scope: Scope, receive: Receive, send: Send) -> None:
        raise ValueError(f"cannot handle {SECRET}")

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=CatchAll(broken))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.post("/api/v1/evaluate", content=SECRET)

    with caplog.at_level(logging.ERROR, logger="compliance.api"):
        response = asyncio.run(run())
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "an unexpected error occurred"
    assert SECRET not in response.text and "Traceback" not in response.text
    assert "ValueError" in caplog.text and SECRET not in caplog.text


def test_a_saturated_server_answers_503_with_retry_after_at_once() -> None:
    release = asyncio.Event()
    entered = asyncio.Event()

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"].startswith("/api/"):
            entered.set()
            await release.wait()
        await _ok(scope, receive, send)

    limited = AdmissionLimit(slow, max_in_flight=1, max_waiting=0, wait_seconds=60, retry_after=2)

    async def run() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=limited)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            first = asyncio.create_task(client.get("/api/v1/projects"))
            await entered.wait()
            second = await client.get("/api/v1/projects")  # no slot, no room to wait: refused now
            health = await client.get("/healthz")  # probes are never held back
            release.set()
            await first
            assert health.status_code == 200
            return first.result(), second, health

    first, second, _ = asyncio.run(run())
    assert first.status_code == 200
    assert second.status_code == 503
    assert second.headers["retry-after"] == "2"
    assert second.headers["content-type"] == "application/problem+json"


def test_a_request_that_waits_too_long_for_a_turn_gets_503() -> None:
    release = asyncio.Event()
    entered = asyncio.Event()

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        entered.set()
        await release.wait()
        await _ok(scope, receive, send)

    limited = AdmissionLimit(slow, max_in_flight=1, max_waiting=10, wait_seconds=0.01, retry_after=1)

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=limited)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            first = asyncio.create_task(client.get("/api/v1/projects"))
            await entered.wait()
            waited = await client.get("/api/v1/projects")  # the first one holds its slot until released
            release.set()
            await first
            return waited

    waited = asyncio.run(run())
    assert waited.status_code == 503 and waited.headers["retry-after"] == "1"


def test_a_declared_oversized_body_is_refused_before_it_is_read() -> None:
    read = False

    async def reader(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal read
        read = True
        await _ok(scope, receive, send)

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=BodyReader(reader, max_bytes=10, timeout_seconds=5))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.post("/api/v1/evaluate", content=b"x" * 11)

    response = asyncio.run(run())
    assert response.status_code == 413 and response.json()["status"] == 413
    assert not read


def test_a_slot_is_given_back_once_the_answer_is_handed_over_not_once_it_is_read() -> None:
    """A client that never reads: the server's `send` never returns. Its slot is free all the same."""
    occupancy = Occupancy()
    limited = AdmissionLimit(
        _ok, max_in_flight=1, max_waiting=0, wait_seconds=60, retry_after=1, occupancy=occupancy
    )
    scope: Scope = {"type": "http", "path": "/api/v1/projects", "method": "GET", "headers": []}

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def run() -> list[int]:
        never = asyncio.Event()
        started: list[int] = []

        async def unread_send(message: dict[str, object]) -> None:
            await never.wait()  # the socket never drains

        async def send(message: dict[str, object]) -> None:
            if message["type"] == "http.response.start":
                started.append(int(message["status"]))  # type: ignore[call-overload]

        stuck = asyncio.create_task(limited(scope, receive, unread_send))  # type: ignore[arg-type]
        await asyncio.sleep(0)
        await asyncio.wait_for(limited(scope, receive, send), 5)  # type: ignore[arg-type]
        assert not stuck.done() and not occupancy.saturated
        stuck.cancel()
        return started

    assert asyncio.run(run()) == [200]
    assert occupancy.in_flight == 0


def test_readyz_says_503_with_the_reason_while_every_slot_is_taken() -> None:
    app = create_app(Settings(assess_workers=0), repository=memory_store())
    occupancy: Occupancy = app.state.services.occupancy

    async def run() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            await client.get("/healthz")  # builds the middleware stack, which sets the capacity
            ready = await client.get("/readyz")
            occupancy.in_flight = occupancy.capacity  # as the admission limit counts them
            saturated = await client.get("/readyz")
            occupancy.in_flight = 0
            return ready, saturated

    ready, saturated = asyncio.run(run())
    assert ready.status_code == 200
    assert saturated.status_code == 503 and saturated.headers["retry-after"] == "1"
    assert "admission slots" in saturated.json()["detail"]


def test_serve_refuses_several_workers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "2", "--lang", "en"]) == 3
    assert "single-process" in capsys.readouterr().err
