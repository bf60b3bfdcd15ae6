"""The words of problem documents, in the request's language: the `lang` query parameter when the operation
has one, else the best of `Accept-Language`, French by default. Titles are named by status; a detail is looked
up by its English text, its `{placeholders}` filled in after translation; a refusal the service words with
values (a `Said`) is worded in the language with its values. The service's refusals worded once
(`service/errors.py`) are worded by `compliance.i18n.said.worded`, the one lookup of the refusals' table."""

from __future__ import annotations

from http import HTTPStatus

from starlette.datastructures import Headers, QueryParams
from starlette.types import Scope

from compliance.i18n import Lang, negotiate
from compliance.i18n.catalogued import Catalogued
from compliance.i18n.languages import parse
from compliance.i18n.said import Said, worded

TITLES: Catalogued[int] = Catalogued(
    "problem title",
    {
        400: "Bad Request",
        401: "Unauthorized",
        403: "Forbidden",
        404: "Not Found",
        405: "Method Not Allowed",
        406: "Not Acceptable",
        408: "Request Timeout",
        409: "Conflict",
        413: "Content Too Large",
        415: "Unsupported Media Type",
        422: "Unprocessable Content",
        429: "Too Many Requests",
        500: "Internal Server Error",
        503: "Service Unavailable",
    },
)

INVALID_SUBMISSION = "the submission does not fit the format"
INVALID_REQUEST = "the request has invalid fields"
STORE_UNAVAILABLE = "the store cannot serve this request now"
TOO_LARGE = "the request body is larger than 1 MiB"
TOO_LARGE_BYTES = "the request body is larger than {size} bytes (1 MiB)"
TIMEOUT = "the request body did not arrive within {seconds} seconds"
UNEXPECTED = "an unexpected error occurred"
BUSY = "the server is at capacity; retry after the Retry-After delay"
SATURATED = "all {capacity} admission slots are taken: API requests wait or get 503"
NOT_ACCEPTABLE = (
    "reports are available as application/json, text/markdown, application/sarif+json, "
    "application/xml (JUnit), text/html and application/pdf; or use ?format=json|markdown|sarif|junit|html|pdf"
)
UNSUPPORTED_MEDIA = (
    "Content-Type {media} is not accepted: send application/json or application/yaml "
    "(also application/x-yaml, text/yaml)"
)
NO_MEDIA = "none"
SESSION_REFUSED = "the API does not accept the web app's session cookie: send an API key"
_DETAILS = (
    INVALID_SUBMISSION,
    INVALID_REQUEST,
    STORE_UNAVAILABLE,
    TOO_LARGE,
    TOO_LARGE_BYTES,
    TIMEOUT,
    UNEXPECTED,
    BUSY,
    SATURATED,
    NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA,
    NO_MEDIA,
    SESSION_REFUSED,
)
DETAILS: Catalogued[str] = Catalogued("problem detail", {text: text for text in _DETAILS})


def scope_lang(scope: Scope) -> Lang:
    """The language of a request: `?lang=` if it names one of ours, else `Accept-Language`, else French."""
    asked = parse(QueryParams(scope.get("query_string", b"").decode("latin-1")).get("lang"))
    return asked or negotiate(Headers(scope=scope).get("accept-language"))


def title(status: int, lang: Lang) -> str:
    return TITLES[lang].get(status) or HTTPStatus(status).phrase


def detail(text: str | None, lang: Lang, params: dict[str, str] | None = None) -> str | None:
    """A detail in `lang`: its translation when the catalogue has one, its placeholders filled in."""
    if text is None:
        return None
    if isinstance(text, Said):
        return text.worded(lang)
    in_lang = DETAILS[lang].get(text) or worded(text, lang)  # a service refusal: the one table's wording
    return in_lang.format(**params) if params else in_lang
