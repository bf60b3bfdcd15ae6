"""Every error is a problem document (RFC 9457, application/problem+json) that names the fields at fault
and never echoes what was submitted: submissions hold data about people."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Scope

from compliance.api.metrics import STORE_ERRORS
from compliance.service.assess_runner import AssessmentUnavailable
from compliance.service.errors import (
    Forbidden,
    IdempotencyMismatch,
    InvalidRequest,
    NotFound,
    StoreCorrupted,
    StoreError,
    StoreLocked,
    Unauthenticated,
)
from compliance.service.review_records import Conflict
from compliance.service.submission_errors import split_position
from compliance.service.submissions import InvalidSubmission
from compliance.service.throttle import TooManyFailures

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "urn:compliance-0908:problem:"
log = logging.getLogger("compliance.api")


class FieldError(BaseModel):
    path: str = Field(
        description="Where: 'body.controller.country', 'query.limit', 'header.Idempotency-Key'."
    )
    message: str
    line: int | None = Field(default=None, description="Line of the body where the problem is, when known.")
    column: int | None = Field(default=None, description="Column of the body, when known.")


class Problem(BaseModel):
    type: str = Field(description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = Field(
        default=None,
        description="The operation's path template, e.g. '/api/v1/projects/{project_id}': never the ids asked for.",
    )
    errors: list[FieldError] | None = Field(default=None, description="Each field at fault (422 only).")


class ApiError(Exception):
    """An error raised by the HTTP layer itself (media types, negotiation, admission)."""

    def __init__(self, status: int, kind: str, detail: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = headers or {}
        super().__init__(detail)


def problem_instance(scope: Scope) -> str | None:
    """The path template of the route that answered, so that a problem never repeats the ids in the URL;
    None when no route matched."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    if not isinstance(template, str):
        return None
    params = {k: str(v) for k, v in scope.get("path_params", {}).items()}
    try:
        concrete = template.format(**params)
    except (KeyError, IndexError, ValueError):
        return None
    path = scope.get("path", "")
    return path[: len(path) - len(concrete)] + template if path.endswith(concrete) else None


def problem_body(
    status: int, kind: str, detail: str | None, instance: str | None, errors: list[FieldError] | None = None
) -> dict[str, Any]:
    return Problem(
        type=TYPE_BASE + kind,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=instance,
        errors=errors,
    ).model_dump(exclude_none=True)


def problem(
    request: Request | None,
    status: int,
    kind: str,
    detail: str | None,
    *,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    instance = problem_instance(request.scope) if request is not None else None
    return JSONResponse(
        problem_body(status, kind, detail, instance, errors),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _submission_errors(problems: list[str]) -> list[FieldError]:
    out = []
    for problem_line in problems:
        where, _, text = problem_line.partition(": ")
        path = "body" if where in ("(file)", "(top level)") else "body." + where
        message, line, column = split_position(text or where)
        out.append(FieldError(path=path, message=message, line=line, column=column))
    return out


def _request_errors(exc: RequestValidationError) -> list[FieldError]:
    """FastAPI's own validation errors with `input` and `ctx` dropped: only where and what."""
    return [
        FieldError(
            path=".".join(str(p) for p in err.get("loc", ())) or "request", message=str(err.get("msg", ""))
        )
        for err in exc.errors()
    ]


_METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> str:
    """Every method some route of this path accepts: Starlette names only the first route that matched
    the path, so each method is tried against the whole routing table."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in _METHODS
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)
    )


def install_problem_handlers(app: FastAPI) -> None:
    async def invalid_submission(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InvalidSubmission)
        errors = _submission_errors(exc.problems)
        return problem(
            request, 422, "invalid-submission", "the submission does not fit the format", errors=errors
        )

    async def invalid_request(request: Request, exc: Exception) -> Response:
        if isinstance(exc, RequestValidationError):
            errors = _request_errors(exc)
        else:
            assert isinstance(exc, InvalidRequest)
            errors = [
                FieldError(path=p.partition(": ")[0], message=p.partition(": ")[2]) for p in exc.problems
            ]
        return problem(request, 422, "invalid-request", "the request has invalid fields", errors=errors)

    async def unauthenticated(request: Request, exc: Exception) -> Response:
        return problem(request, 401, "unauthenticated", str(exc), headers={"WWW-Authenticate": "Bearer"})

    async def too_many_failures(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TooManyFailures)
        headers = {"Retry-After": str(exc.retry_after)}
        return problem(request, 429, "too-many-failed-authentications", str(exc), headers=headers)

    async def forbidden(request: Request, exc: Exception) -> Response:
        return problem(request, 403, "forbidden", str(exc))

    async def not_found(request: Request, exc: Exception) -> Response:
        return problem(request, 404, "not-found", str(exc))

    async def idempotency(request: Request, exc: Exception) -> Response:
        errors = [FieldError(path="header.Idempotency-Key", message=str(exc))]
        return problem(request, 409, "idempotency-key-reused", str(exc), errors=errors)

    async def conflict(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Conflict)
        headers = {"ETag": f'"{exc.current_revision}"'} if exc.current_revision is not None else None
        return problem(request, 409, "review-conflict", str(exc), headers=headers)

    async def store_error(request: Request, exc: Exception) -> Response:
        STORE_ERRORS.labels(type(exc).__name__).inc()
        if isinstance(exc, AssessmentUnavailable):
            log.error("the assessment processes stopped")
        elif isinstance(exc, StoreCorrupted):
            log.error("store file unreadable: %s", exc.path)
        elif not isinstance(exc, StoreLocked):
            log.error("store error: %s", type(exc).__name__)
        return problem(
            request,
            503,
            "storage-unavailable",
            "the store cannot serve this request now",
            headers={"Retry-After": "5"},
        )

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return problem(request, exc.status, exc.kind, exc.detail, headers=exc.headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = {404: "not-found", 405: "method-not-allowed", 413: "content-too-large"}.get(
            exc.status_code, "http-error"
        )
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers or {})
        if exc.status_code == 413:
            detail = "the request body is larger than 1 MiB"
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return problem(request, exc.status_code, kind, detail, headers=headers)

    app.add_exception_handler(InvalidSubmission, invalid_submission)
    app.add_exception_handler(InvalidRequest, invalid_request)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(Unauthenticated, unauthenticated)
    app.add_exception_handler(TooManyFailures, too_many_failures)
    app.add_exception_handler(Forbidden, forbidden)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(IdempotencyMismatch, idempotency)
    app.add_exception_handler(Conflict, conflict)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(AssessmentUnavailable, store_error)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problem documents an operation may answer."""
    descriptions = {
        401: "No API key, or an unknown or revoked one.",
        403: "The key's role may not do this.",
        404: "No such resource, or one of another organisation.",
        406: "None of the accepted report formats can be produced.",
        409: "The Idempotency-Key was already used for a different request, or (reviews) the version changed "
        "since the revision sent, or its state does not allow the action.",
        408: "The body did not arrive in time; the connection is closed.",
        413: "The body is larger than 1 MiB.",
        415: "The body is neither JSON nor YAML.",
        422: "Invalid fields, each named by its path; submitted values are never echoed.",
        429: "Too many failed authentications from this address for this key id; a valid key is never "
        "refused. Retry after the Retry-After delay.",
        503: "The server is saturated or its store is unavailable; retry after the Retry-After delay.",
    }
    out: dict[int | str, dict[str, Any]] = {}
    if 401 in statuses:  # every operation that authenticates may throttle failed attempts
        statuses = (*statuses, 429)
    if 413 in statuses:  # and every one that reads a body may time it out
        statuses = (*statuses, 408)
    for status in statuses:
        entry: dict[str, Any] = {
            "description": descriptions[status],
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        if status in (429, 503):
            entry["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds."}}
        if status == 401:
            entry["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
        out[status] = entry
    return out
