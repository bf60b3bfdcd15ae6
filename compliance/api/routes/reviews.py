"""The liaison review over HTTP: a version's review, state changes, judgements, comments, the decision,
diffs between versions, the review queue, statistics and the waivers approved in reviews."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import Field, field_validator

from compliance.api.bodies import body_of, optional_text
from compliance.api.deps import PrincipalDep, ServicesDep
from compliance.api.problems import error_responses
from compliance.api.routes.evaluate import LangQuery
from compliance.api.routes.projects import ProjectId, VersionNumber
from compliance.api.schemas import ProjectOut
from compliance.domain.base import Frozen
from compliance.domain.outcomes import Outcome, Person
from compliance.domain.review import (
    Comment,
    Decision,
    FindingReview,
    Judgement,
    ReviewAction,
    ReviewState,
    StateChange,
)
from compliance.domain.rules import RULE_ID_PATTERN, Severity
from compliance.domain.vocabulary import Sector
from compliance.engine.diff import VersionDiff
from compliance.i18n import negotiate
from compliance.i18n.languages import Lang
from compliance.service.decision_pdf import record_bytes, render_decision_pdf
from compliance.service.errors import NO_NUL
from compliance.service.review_records import ReviewView

router = APIRouter(tags=["reviews"])
_VERSION = "/projects/{project_id}/versions/{number}"


class Revised(Frozen):
    revision: int = Field(ge=1, description="The revision last read: a stale one answers 409.")

    @field_validator("revision", mode="before")
    @classmethod
    def _not_boolean(cls, value: Any) -> Any:
        """JSON `true` is not a revision number (pydantic would read it as 1)."""
        if isinstance(value, bool):
            raise ValueError("a revision is a whole number, not true or false")
        return value


class ActionIn(Revised):
    action: ReviewAction
    message: str | None = optional_text(4000, "Required to request changes.")
    opinion: str | None = optional_text(4000, "Required to approve or reject.")


class JudgementIn(Revised):
    judgement: Judgement
    reason: str | None = optional_text(4000, "Required to dispute or waive.")
    corrected_outcome: Outcome | None = Field(default=None, description="The outcome a dispute asserts.")
    legal_ground: str | None = optional_text(200, "A waiver's ground: 'Art. 6(b)'.")
    expires: date | None = Field(default=None, description="Last day a waiver applies.")


class CommentIn(Frozen):
    rule_id: str | None = Field(default=None, pattern=RULE_ID_PATTERN, description="The finding discussed.")
    lang: Lang = Field(description="fr, ar or en: the language the comment is written in.")
    text: str = Field(min_length=1, max_length=4000, json_schema_extra=NO_NUL)


class ReviewOut(Frozen):
    project_id: str
    number: int
    status: ReviewState = Field(
        description="The version's place in the review (superseded once a newer exists)."
    )
    revision: int = Field(description="Send it back with every action: optimistic locking.")
    latest_version: int
    judgements: dict[str, FindingReview]
    comments: list[Comment]
    history: list[StateChange]
    decision: Decision | None
    people: dict[str, Person] = Field(description="Every id in this review, with the name it goes by.")

    @classmethod
    def of(cls, view: ReviewView) -> ReviewOut:
        r = view.record
        return cls(
            project_id=r.project_id,
            number=r.number,
            status=view.status,
            revision=r.revision,
            latest_version=view.latest,
            judgements=r.judgements,
            comments=r.comments,
            history=r.history,
            decision=r.decision,
            people=view.people,
        )


class QueueItemOut(Frozen):
    project: ProjectOut
    version: int
    status: ReviewState
    submitted_at: datetime
    age_days: int
    sectors: list[str]
    worst_open_severity: Severity | None
    open_findings: int


class QueueOut(Frozen):
    items: list[QueueItemOut]
    total: int


async def _view(services: ServicesDep, principal: PrincipalDep, project_id: str, number: int) -> ReviewOut:
    view = await run_in_threadpool(services.reviews.view, principal, project_id, number)
    return ReviewOut.of(view)


def _json_body(model: type[Frozen], example: dict[str, Any]) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {
        "requestBody": {
            "required": True,
            "content": {
                m: {"schema": ref, "example": example} for m in ("application/json", "application/yaml")
            },
        }
    }


@router.get(
    _VERSION + "/review",
    summary="Read a version's review",
    response_model=ReviewOut,
    responses=error_responses(401, 403, 404, 422, 503),
)
async def get_review(
    project_id: ProjectId, number: VersionNumber, principal: PrincipalDep, services: ServicesDep
) -> ReviewOut:
    return await _view(services, principal, project_id, number)


@router.post(
    _VERSION + "/review/actions",
    summary="Move a version through the review (liaison)",
    description="start_review, request_changes (with a message), approve or reject (with an opinion). Only the "
    "allowed transitions, by a liaison; send the revision last read (409 when it is stale). Approving or rejecting "
    "seals a decision into the audit log.",
    response_model=ReviewOut,
    openapi_extra=_json_body(ActionIn, {"action": "start_review", "revision": 1}),
    responses=error_responses(401, 403, 404, 409, 415, 422, 503),
)
async def act(
    project_id: ProjectId,
    number: VersionNumber,
    principal: PrincipalDep,
    body: Annotated[ActionIn, Depends(body_of(ActionIn))],
    services: ServicesDep,
) -> ReviewOut:
    text = body.opinion if body.action in (ReviewAction.approve, ReviewAction.reject) else body.message
    view = await run_in_threadpool(
        services.reviews.act, principal, project_id, number, body.action, body.revision, text
    )
    return ReviewOut.of(view)


@router.put(
    _VERSION + "/review/findings/{rule_id}",
    summary="Judge a finding (liaison)",
    description="confirmed; disputed (with the corrected outcome and a written reason); waived (with a reason "
    "citing a legal ground, e.g. 'Art. 6(b)', and an expiry date).",
    response_model=ReviewOut,
    openapi_extra=_json_body(JudgementIn, {"judgement": "confirmed", "revision": 2}),
    responses=error_responses(401, 403, 404, 409, 415, 422, 503),
)
async def judge(
    project_id: ProjectId,
    number: VersionNumber,
    rule_id: Annotated[str, Path(pattern=RULE_ID_PATTERN, max_length=80, description="The rule id.")],
    principal: PrincipalDep,
    body: Annotated[JudgementIn, Depends(body_of(JudgementIn))],
    services: ServicesDep,
) -> ReviewOut:
    view = await run_in_threadpool(
        services.reviews.judge,
        principal,
        project_id,
        number,
        rule_id,
        body.revision,
        body.judgement,
        body.reason,
        body.corrected_outcome,
        body.legal_ground,
        body.expires,
    )
    return ReviewOut.of(view)


@router.post(
    _VERSION + "/review/comments",
    status_code=201,
    summary="Comment on a finding or on the version",
    description="Liaisons and the project's submitters, in French or English. Comments do not change the "
    "revision.",
    response_model=ReviewOut,
    openapi_extra=_json_body(
        CommentIn, {"rule_id": "L0908-A12-CIN", "lang": "fr", "text": "Pourquoi la CIN ?"}
    ),
    responses=error_responses(401, 403, 404, 415, 422, 503),
)
async def comment(
    project_id: ProjectId,
    number: VersionNumber,
    principal: PrincipalDep,
    body: Annotated[CommentIn, Depends(body_of(CommentIn))],
    services: ServicesDep,
) -> ReviewOut:
    view = await run_in_threadpool(
        services.reviews.comment, principal, project_id, number, body.rule_id, body.lang, body.text
    )
    return ReviewOut.of(view)


@router.get(
    _VERSION + "/decision",
    summary="Export the decision on a version, for offline verification",
    description="The decision record with its hash, the audit entry that sealed it and the service's "
    "signature, or (`?format=pdf`) a printable decision carrying that record as the embedded file "
    "`decision.json`. Check either with `compliance verify-decision FILE`.",
    response_class=Response,
    responses={
        200: {
            "description": "The signed record (JSON) or the decision PDF.",
            "content": {"application/json": {"schema": {"type": "object"}}, "application/pdf": {}},
        },
        **error_responses(401, 403, 404, 422, 503),
    },
)
async def decision(
    project_id: ProjectId,
    number: VersionNumber,
    principal: PrincipalDep,
    services: ServicesDep,
    fmt: Annotated[
        Literal["json", "pdf"],
        Query(alias="format", description="json: the signed record; pdf: a printable decision carrying it."),
    ] = "json",
    lang: LangQuery = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    exported: dict[str, Any] = await run_in_threadpool(
        services.reviews.decision_export, principal, project_id, number
    )
    if fmt == "pdf":
        words = lang or negotiate(accept_language)
        pdf = await run_in_threadpool(render_decision_pdf, exported, services.reviews.people, words)
        filename = f"decision-{project_id}-v{number}.pdf"
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    return Response(record_bytes(exported), media_type="application/json")


@router.get(
    "/projects/{project_id}/diff",
    summary="What changed between two versions",
    description="Findings resolved, new, unchanged and changed, and the facts that changed.",
    response_model=VersionDiff,
    responses=error_responses(401, 403, 404, 422, 503),
)
async def diff(
    project_id: ProjectId,
    principal: PrincipalDep,
    services: ServicesDep,
    from_version: Annotated[int, Query(alias="from", ge=1, le=1_000_000_000, description="Older version.")],
    to_version: Annotated[int, Query(alias="to", ge=1, le=1_000_000_000, description="Newer version.")],
) -> VersionDiff:
    result: VersionDiff = await run_in_threadpool(
        services.reviews.diff, principal, project_id, from_version, to_version
    )
    return result


@router.get(
    "/reviews/queue",
    summary="Projects awaiting review (liaison)",
    description="Latest versions submitted, resubmitted or in review; filter by sector, by the worst severity "
    "still open, and by age in days. Oldest first.",
    response_model=QueueOut,
    responses=error_responses(401, 403, 422, 503),
)
async def queue(
    principal: PrincipalDep,
    services: ServicesDep,
    sector: Annotated[
        Sector | None,
        Query(description="A sector the project serves (the submission's `sectors` vocabulary)."),
    ] = None,
    worst_severity: Annotated[
        Severity | None, Query(description="At least this severity still open.")
    ] = None,
    min_age_days: Annotated[int, Query(ge=0, le=100_000, description="Waiting at least this many days.")] = 0,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> QueueOut:
    items, total = await run_in_threadpool(
        lambda: services.review_queue.queue(
            principal,
            sector=sector,
            worst_severity=worst_severity,
            min_age_days=min_age_days,
            offset=offset,
            limit=limit,
        )
    )
    return QueueOut(
        items=[
            QueueItemOut(
                project=ProjectOut.of(i.project),
                version=i.version,
                status=i.status,
                submitted_at=i.submitted_at,
                age_days=i.age_days,
                sectors=i.sectors,
                worst_open_severity=i.worst_open_severity,
                open_findings=i.open_findings,
            )
            for i in items
        ],
        total=total,
    )


@router.get(
    "/reviews/stats",
    summary="Review statistics (liaison)",
    description="Counts of latest versions per verdict and per state, and the most failed rules.",
    responses=error_responses(401, 403, 422, 503),
)
async def stats(principal: PrincipalDep, services: ServicesDep) -> dict[str, Any]:
    result: dict[str, Any] = await run_in_threadpool(services.review_queue.stats, principal)
    return result


@router.get(
    "/waivers",
    summary="Waivers approved in reviews, for `compliance check --waivers`",
    description="YAML by default (application/yaml), JSON with Accept: application/json.",
    responses={
        200: {"content": {"application/yaml": {}, "application/json": {}}},
        **error_responses(401, 403, 404, 422, 503),
    },
)
async def waivers(
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    project: Annotated[str | None, Query(max_length=64, description="Only this project's waivers.")] = None,
) -> Response:
    found = await run_in_threadpool(services.waivers.waivers, principal, project)
    data = found.model_dump(mode="json")
    if "application/json" in request.headers.get("accept", ""):
        return Response(found.model_dump_json(indent=2), media_type="application/json")
    return Response(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), media_type="application/yaml")


@router.get(
    "/decisions/public-key",
    summary="The key that signs new decisions",
    description="Pin its full SHA-256 fingerprint to verify exported decisions: "
    "`compliance verify-decision --fingerprint`.",
)
async def public_key(services: ServicesDep) -> dict[str, str]:
    key = services.reviews.keys.current()
    return {"algorithm": "ed25519", "public_key": key.public_key_b64, "fingerprint": key.fingerprint}


@router.get(
    "/decisions/public-keys",
    summary="Every key that ever signed decisions and audit checkpoints",
    description="The current key and the retired ones, oldest first, with their full SHA-256 fingerprints: a "
    "decision signed before a key rotation verifies with the key that signed it.",
)
async def public_keys(services: ServicesDep) -> dict[str, Any]:
    keys = await run_in_threadpool(services.reviews.keys.published)
    return {"keys": [k.model_dump(mode="json") for k in keys]}
