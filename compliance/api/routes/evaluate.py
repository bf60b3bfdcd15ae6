"""POST /evaluate: assess a submission without storing anything (CI dry runs)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from compliance.api.bodies import read_raw, submission_body
from compliance.api.deps import PrincipalDep, services_of
from compliance.api.evaluate_cache import EvaluateCache
from compliance.api.negotiation import ApiFormat, choose_format, media_type, report_responses
from compliance.api.plain_route import Endpoint, PlainRoute
from compliance.api.problems import error_responses
from compliance.domain.rules import Severity
from compliance.i18n import Lang, negotiate
from compliance.service.assess_runner import in_loop
from compliance.service.reporting import ReportOptions


class PlainRequestRoute(PlainRoute):
    """A dry run with no query string: the route called with the parameters' defaults."""

    def shortcut(self, request: Request) -> Endpoint:
        return lambda principal: evaluate(request, principal)


router = APIRouter(tags=["evaluate"], route_class=PlainRequestRoute)

FormatQuery = Annotated[
    ApiFormat | None, Query(alias="format", description="The report format; overrides the Accept header.")
]
LangQuery = Annotated[
    Lang | None,
    Query(
        description="Language of the texts in the report and its errors (ar: right to left); by default the "
        "best of the Accept-Language header, else French."
    ),
]
FailOnQuery = Annotated[
    Severity, Query(description="Severity at or above which a failure gates (JUnit, SARIF).")
]


# A relative path inside the repository, '/'-separated: no leading '/', no empty, '.' or '..' segment, no
# scheme or drive (no ':'), printable ASCII. Written without look-arounds, which the validator lacks.
_NAME = "[A-Za-z0-9_@+,=~ -]"
_CHAR = "[A-Za-z0-9_.@+,=~ -]"
_SEGMENT = rf"(?:{_NAME}{_CHAR}*|\.{_NAME}{_CHAR}*|\.\.{_CHAR}+)"
SOURCE_PATTERN = rf"^{_SEGMENT}(?:/{_SEGMENT})*$"


SourceQuery = Annotated[
    str | None,
    Query(
        max_length=300,
        pattern=SOURCE_PATTERN,
        description="SARIF: the path of the submission file relative to the repository root, e.g. "
        "`compliance/project.yaml`; results then point at that file.",
    ),
]


@router.post(
    "/evaluate",
    summary="Assess a submission without storing it",
    description="A dry run for CI: the assessment is returned and nothing is kept. JSON or YAML body.",
    openapi_extra=submission_body("The project described by its facts (JSON or YAML)."),
    responses={
        **report_responses("The assessment, in the format asked."),
        **error_responses(401, 403, 406, 413, 415, 422, 503),
    },
)
async def evaluate(
    request: Request,
    principal: PrincipalDep,
    fmt: FormatQuery = None,
    lang: LangQuery = None,
    fail_on: FailOnQuery = Severity.major,
    source: SourceQuery = None,
) -> Response:
    lang = lang or negotiate(request.headers.get("accept-language"))
    # The services and the Accept header are read here rather than declared as parameters: each dependency and
    # parameter FastAPI resolves costs a share of every dry run, and neither is part of the documented API.
    services = services_of(request)
    services.projects.check_can_evaluate(principal)
    chosen = choose_format(fmt, request.headers.get("accept"))
    raw, is_json = await read_raw(request)
    options = ReportOptions(chosen, lang, fail_on, source)
    key = EvaluateCache.key(raw, str(is_json), chosen.value, lang, fail_on.value, source or "")
    text = services.evaluate_cache.get(key)
    if text is None:
        pending = services.projects.evaluate_body(principal, raw, is_json, options)
        text = await in_loop(pending)
        services.evaluate_cache.put(key, text)
    return Response(content=text, media_type=media_type(chosen))
