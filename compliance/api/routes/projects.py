"""Projects of an organisation and their versions: create, submit, list, read, report, erase."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from compliance.api.bodies import read_data, read_raw, submission_body
from compliance.api.deps import PrincipalDep, ServicesDep, services_of
from compliance.api.negotiation import choose_format, media_type, report_responses
from compliance.api.plain_route import Endpoint, PlainRoute
from compliance.api.problem_words import scope_lang
from compliance.api.problems import error_responses
from compliance.api.routes.evaluate import FailOnQuery, FormatQuery, LangQuery, SourceQuery
from compliance.api.schemas import ProjectList, ProjectOut, VersionHead, VersionList, VersionOut, VersionRef
from compliance.domain.field_errors import FieldError
from compliance.domain.outcomes import Verdict
from compliance.domain.rules import Severity
from compliance.i18n import negotiate
from compliance.reports import ReportFormat
from compliance.service.errors import InvalidRequest
from compliance.service.projects import check_project_name
from compliance.service.reporting import ReportOptions, render_assessment
from compliance.service.store import ProjectVersion, VersionStatus

router = APIRouter(prefix="/projects", tags=["projects"])

PROJECT_ID_LENGTH = 64
ProjectId = Annotated[
    str, Path(description="A project id, e.g. prj_0123456789abcdef.", max_length=PROJECT_ID_LENGTH)
]
VersionNumber = Annotated[int, Path(ge=1, le=1_000_000_000, description="1 for the first version.")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",  # as _IDEMPOTENCY_KEY
        description="Retries with the same key are stored once and get the same answer.",
    ),
]
_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")
REPLAYED = "Idempotent-Replayed"
_REPLAY_HEADER = {
    "Location": {"schema": {"type": "string"}},
    REPLAYED: {"schema": {"type": "string"}, "description": "'true' when an earlier answer is replayed."},
}


def json_response(
    version: ProjectVersion, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """A version as VersionOut JSON. The full assessment (~100 KB, expanded from the stored compact form) is
    spliced in as already serialised, and FastAPI's generic re-validation of the return value is bypassed;
    the response_model documents it."""
    head = VersionHead.of(version).model_dump_json(exclude={"submission"}).encode()
    parts = (
        head[:-1],
        b',"submission":',
        version.submission_json,
        b',"assessment":',
        version.assessment.expanded_json,
        b"}",
    )
    body = b"".join(parts)
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def _version_location(project_id: str, number: int) -> str:
    return f"/api/v1/projects/{project_id}/versions/{number}"


@router.get(
    "",
    summary="List projects",
    description="A submitter sees its organisation's projects, a liaison every organisation's. Filter by the "
    "verdict and status of each project's latest version; oldest first.",
    response_model=ProjectList,
    responses=error_responses(401, 403, 422, 503),
)
async def list_projects(
    principal: PrincipalDep,
    services: ServicesDep,
    organisation: Annotated[str | None, Query(max_length=64, description="Only this organisation.")] = None,
    verdict: Annotated[Verdict | None, Query(description="Verdict of the latest version.")] = None,
    status: Annotated[VersionStatus | None, Query(description="Status of the latest version.")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> ProjectList:
    page = await run_in_threadpool(
        services.projects.list_projects,
        principal,
        organisation=organisation,
        verdict=verdict,
        status=status,
        offset=offset,
        limit=limit,
    )
    following = offset + limit
    return ProjectList(
        items=[ProjectOut.of(p) for p in page.items],
        total=page.total,
        offset=offset,
        limit=limit,
        next_offset=following if following < page.total else None,
    )


@router.post(
    "",
    status_code=201,
    summary="Create a project in the caller's organisation",
    response_model=ProjectOut,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {
                    "schema": {"$ref": "#/components/schemas/ProjectCreate"},
                    "example": {"name": "Darija chatbot"},
                }
                for media in ("application/json", "application/yaml")
            },
        }
    },
    responses={201: {"headers": _REPLAY_HEADER}, **error_responses(401, 403, 409, 413, 415, 422, 503)},
)
async def create_project(
    request: Request,
    response: Response,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKey = None,
) -> ProjectOut:
    services.projects.check_can_create(principal)
    data = await read_data(request)
    name = check_project_name(data.get("name") if isinstance(data, dict) else None)
    if isinstance(data, dict) and set(data) - {"name"}:
        raise InvalidRequest(
            [FieldError(path="body", message="unknown field; the only field accepted here is: name")]
        )
    project, created = await run_in_threadpool(services.projects.create, principal, name, idempotency_key)
    response.headers["Location"] = f"/api/v1/projects/{project.id}"
    if not created:
        response.headers[REPLAYED] = "true"
    return ProjectOut.of(project)


@router.get(
    "/{project_id}",
    summary="Read a project",
    response_model=ProjectOut,
    responses=error_responses(401, 403, 404, 422, 503),
)
async def get_project(project_id: ProjectId, principal: PrincipalDep, services: ServicesDep) -> ProjectOut:
    return ProjectOut.of(await run_in_threadpool(services.projects.get, principal, project_id))


@router.delete(
    "/{project_id}",
    status_code=204,
    summary="Erase a project and all its submissions",
    description="The submitter's right to erasure: the project, its versions and their assessments are "
    "removed from the store. The audit log keeps only a tombstone (ids and a count).",
    responses=error_responses(401, 403, 404, 422, 503),
)
async def delete_project(project_id: ProjectId, principal: PrincipalDep, services: ServicesDep) -> Response:
    await run_in_threadpool(services.projects.delete, principal, project_id)
    return Response(status_code=204)


@router.get(
    "/{project_id}/versions",
    summary="List the versions of a project",
    response_model=VersionList,
    responses=error_responses(401, 403, 404, 422, 503),
)
async def list_versions(project_id: ProjectId, principal: PrincipalDep, services: ServicesDep) -> VersionList:
    summaries = await run_in_threadpool(services.projects.versions, principal, project_id)
    return VersionList(project_id=project_id, items=[VersionRef.of(s) for s in summaries])


async def submit_version(
    project_id: ProjectId,
    request: Request,
    principal: PrincipalDep,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    services = services_of(request)  # not a dependency: each one FastAPI solves costs every submission
    raw, is_json = await read_raw(request)
    lang = scope_lang(request.scope)
    version, created = await run_in_threadpool(
        services.projects.submit_body, principal, project_id, raw, is_json, idempotency_key, lang.value
    )
    headers = {"Location": _version_location(project_id, version.number)}
    if not created:
        headers[REPLAYED] = "true"
    return json_response(version, 201, headers)


class PlainSubmitRoute(PlainRoute):
    """A submission with a project id and an Idempotency-Key that FastAPI would accept (or none)."""

    def shortcut(self, request: Request) -> Endpoint | None:
        project_id = request.path_params.get("project_id")
        keys = request.headers.getlist("idempotency-key")
        if (
            not isinstance(project_id, str)
            or len(project_id) > PROJECT_ID_LENGTH
            or len(keys) > 1
            or (keys and not _IDEMPOTENCY_KEY.fullmatch(keys[0]))
        ):
            return None
        return lambda principal: submit_version(project_id, request, principal, keys[0] if keys else None)


router.add_api_route(
    "/{project_id}/versions",
    submit_version,
    methods=["POST"],
    status_code=201,
    summary="Submit a new version of a project",
    description="The submission is assessed and stored with its assessment; the answer comes once both are "
    "durably written. Send an Idempotency-Key so that a retry is stored once.",
    response_model=VersionOut,
    openapi_extra=submission_body("The project described by its facts (JSON or YAML)."),
    responses={201: {"headers": _REPLAY_HEADER}, **error_responses(401, 403, 404, 409, 413, 415, 422, 503)},
    route_class_override=PlainSubmitRoute,
)


@router.get(
    "/{project_id}/versions/{number}",
    summary="Read a version and its assessment",
    response_model=VersionOut,
    responses=error_responses(401, 403, 404, 422, 503),
)
async def get_version(
    project_id: ProjectId, number: VersionNumber, principal: PrincipalDep, services: ServicesDep
) -> Response:
    version = await run_in_threadpool(services.projects.version, principal, project_id, number)
    return json_response(version)


@router.get(
    "/{project_id}/versions/{number}/report",
    summary="The report of a stored assessment",
    description="JSON, Markdown, SARIF, JUnit, HTML or PDF, chosen by `?format=` or the Accept header.",
    response_class=Response,
    responses={**report_responses("The report."), **error_responses(401, 403, 404, 406, 422, 503)},
)
async def get_report(
    project_id: ProjectId,
    number: VersionNumber,
    principal: PrincipalDep,
    services: ServicesDep,
    fmt: FormatQuery = None,
    lang: LangQuery = None,
    fail_on: FailOnQuery = Severity.major,
    source: SourceQuery = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    lang = lang or negotiate(accept_language)
    chosen = choose_format(fmt, accept)
    today = datetime.now(UTC).date()
    if chosen is ReportFormat.json:  # the fast path before a decision, the review applied after it
        content = await run_in_threadpool(services.reviews.report_json, principal, project_id, number, today)
        return Response(content=content, media_type=media_type(chosen))
    assessment = await run_in_threadpool(services.reviews.report, principal, project_id, number, today)
    options = ReportOptions(chosen, lang, fail_on, source or f"{project_id}/v{number}")
    text = await run_in_threadpool(render_assessment, assessment, options)
    return Response(content=text, media_type=media_type(chosen))
