"""`/metrics` in the Prometheus text format (prometheus-client): requests, latencies, admissions refused,
assessments and store errors.

Labels are route templates (`/api/v1/projects/{project_id}`), never concrete paths or query strings, so
the series stay few and no id or value leaks into them. With several workers, `compliance serve` points
PROMETHEUS_MULTIPROC_DIR at a fresh folder and every worker's counts are summed in each scrape.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from fastapi import APIRouter, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUESTS = Counter("compliance_http_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "compliance_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ADMISSIONS_REFUSED = Counter(
    "compliance_admissions_refused", "API requests refused with 503 before running (server at capacity)"
)
ASSESSMENTS = Counter("compliance_assessments", "Submissions assessed", ["route"])
STORE_ERRORS = Counter("compliance_store_errors", "Requests the store could not serve (503)", ["error"])

# Routes whose successful answer carries an assessment (a dry run or a stored version).
_ASSESSING = {("POST", "/api/v1/evaluate"), ("POST", "/api/v1/projects/{project_id}/versions")}

router = APIRouter(tags=["health"])


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
async def metrics() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        body = generate_latest(registry)
    else:
        body = generate_latest()
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def _template(path: str, route: object) -> str:
    """The matched route's template with the prefix of the router it was included from."""
    template = getattr(route, "path", None) if isinstance(route, BaseRoute) else None
    if not isinstance(template, str):
        return "unmatched"
    head = template.split("{", 1)[0]
    at = path.find(head)
    return (path[:at] if at > 0 else "") + template


class RequestMetrics:
    """Outermost middleware: counts and times every HTTP request. A 503 that never reached a route was
    refused by the admission limit. With `access`, it is called with each answer's start (the access log,
    see `access_log`)."""

    def __init__(self, app: ASGIApp, access: Callable[[Scope, int], None] | None = None) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        access = self.access
        answered = False

        async def watching_send(message: Message) -> None:
            nonlocal status, answered
            if message["type"] == "http.response.start":
                status, answered = message["status"], True
                if access is not None:
                    access(scope, status)
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        except Exception:
            if access is not None and not answered:  # uvicorn answers it with a 500, and logs that
                access(scope, 500)
            raise
        finally:
            found = scope.get("route")
            route = _template(scope["path"], found)
            method = scope["method"]
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - started)
            if status == 503 and found is None and scope["path"].startswith("/api/"):
                ADMISSIONS_REFUSED.inc()
            if status in (200, 201) and (method, route) in _ASSESSING:
                ASSESSMENTS.labels(route).inc()
