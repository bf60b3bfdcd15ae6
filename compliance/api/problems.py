"""Every error is a problem document (RFC 9457, application/problem+json) that names the fields at fault
and never echoes what was submitted: submissions hold data about people."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Scope

from compliance.api import problem_words as words
from compliance.api.metrics import STORE_ERRORS
from compliance.domain.base import Frozen
from compliance.domain.field_errors import FieldError
from compliance.i18n import DEFAULT, Lang
from compliance.i18n.said import Said, worded
from compliance.service.assess_channel import AssessmentUnavailable
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
from compliance.service.field_messages import explain
from compliance.service.review_records import Conflict
from compliance.service.submissions import InvalidSubmission
from compliance.service.throttle import TooManyFailures

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "urn:compliance-0908:problem:"
log = logging.getLogger("compliance.api")


class Problem(Frozen):
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
    """An error raised by the HTTP layer itself (media types, negotiation, admission): `detail` is English,
    translated in the problem with its `params` filled in."""

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = headers or {}
        self.params = params
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
    status: int,
    kind: str,
    detail: str | None,
    instance: str | None,
    errors: list[FieldError] | None = None,
    lang: Lang = DEFAULT,
    params: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The problem document, its title and detail in `lang` (the detail given in English)."""
    return Problem(
        type=TYPE_BASE + kind,
        title=words.title(status, lang),
        status=status,
        detail=words.detail(detail, lang, params),
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
    params: dict[str, str] | None = None,
) -> Response:
    instance = problem_instance(request.scope) if request is not None else None
    lang = words.scope_lang(request.scope) if request is not None else DEFAULT
    return JSONResponse(
        problem_body(status, kind, detail, instance, errors, lang, params),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _request_errors(exc: RequestValidationError, lang: Lang) -> list[FieldError]:
    """FastAPI's own validation errors in `lang`, with `input` and `ctx` dropped: only where and what."""
    out = []
    for err in exc.errors():
        key, params, message = explain(BaseModel, err, lang)
        path = ".".join(str(p) for p in err.get("loc", ())) or "request"
        out.append(FieldError(path=path, message=message, key=key or None, params=params))
    return out


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


# The one table from exceptions to problems: status, kind, and the detail (None: the exception's own text).
# The field errors and headers some of them carry are added by `_extras`.
PROBLEMS: dict[type[Exception], tuple[int, str, str | None]] = {
    InvalidSubmission: (422, "invalid-submission", words.INVALID_SUBMISSION),
    InvalidRequest: (422, "invalid-request", words.INVALID_REQUEST),
    RequestValidationError: (422, "invalid-request", words.INVALID_REQUEST),
    Unauthenticated: (401, "unauthenticated", None),
    TooManyFailures: (429, "too-many-failed-authentications", None),
    Forbidden: (403, "forbidden", None),
    NotFound: (404, "not-found", None),
    IdempotencyMismatch: (409, "idempotency-key-reused", None),
    Conflict: (409, "review-conflict", None),
    StoreError: (503, "storage-unavailable", words.STORE_UNAVAILABLE),
    AssessmentUnavailable: (503, "storage-unavailable", words.STORE_UNAVAILABLE),
}


def _extras(exc: Exception, lang: Lang) -> tuple[list[FieldError] | None, dict[str, str] | None]:
    """The field errors and the headers of a problem, for the exceptions that carry some."""
    if isinstance(exc, InvalidSubmission):
        return [e.under("body") for e in exc.errors_in(lang.value)], None
    if isinstance(exc, InvalidRequest):
        return exc.worded_errors(lang), None
    if isinstance(exc, RequestValidationError):
        return _request_errors(exc, lang), None
    if isinstance(exc, Unauthenticated):
        return None, {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, TooManyFailures):
        return None, {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, IdempotencyMismatch):
        return [FieldError(path="header.Idempotency-Key", message=worded(exc, lang))], None
    if isinstance(exc, Conflict) and exc.current_revision is not None:
        return None, {"ETag": f'"{exc.current_revision}"'}
    if isinstance(exc, StoreError | AssessmentUnavailable):
        STORE_ERRORS.labels(type(exc).__name__).inc()
        if isinstance(exc, AssessmentUnavailable):
            log.error("the assessment processes stopped")
        elif isinstance(exc, StoreCorrupted):
            log.error("store file unreadable: %s", exc.path)
        elif not isinstance(exc, StoreLocked):
            log.error("store error: %s", type(exc).__name__)
        return None, {"Retry-After": "5"}
    return None, None


def install_problem_handlers(app: FastAPI) -> None:
    async def from_table(request: Request, exc: Exception) -> Response:
        status, kind, detail = next(v for t, v in PROBLEMS.items() if isinstance(exc, t))
        errors, headers = _extras(exc, words.scope_lang(request.scope))
        message = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Said) else str(exc)
        return problem(request, status, kind, detail or message, errors=errors, headers=headers)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return problem(request, exc.status, exc.kind, exc.detail, headers=exc.headers, params=exc.params)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = {404: "not-found", 405: "method-not-allowed", 413: "content-too-large"}.get(
            exc.status_code, "http-error"
        )
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers or {})
        if exc.status_code == 413:
            detail = words.TOO_LARGE
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return problem(request, exc.status_code, kind, detail, headers=headers)

    for exc_type in PROBLEMS:
        app.add_exception_handler(exc_type, from_table)
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
