"""The rule catalogue and the submission schema: public documentation, no key needed."""

from __future__ import annotations

import json

from fastapi import APIRouter, Response

from compliance.api.deps import ServicesDep
from compliance.api.problems import error_responses
from compliance.api.schemas import RuleDetail, RuleSummary
from compliance.domain.submission import Submission
from compliance.service.errors import NO_RULE, NotFound
from compliance.service.rule_docs import feature_of

router = APIRouter(tags=["rules"])

_SUBMISSION_SCHEMA = json.dumps(Submission.model_json_schema(), ensure_ascii=False)


@router.get("/rules", summary="List the rules of the pack", response_model=list[RuleSummary])
async def list_rules(services: ServicesDep) -> list[RuleSummary]:
    pack = services.assessor.pack
    return [RuleSummary.of(r) for r in sorted(pack.rules, key=lambda r: r.id)]


@router.get(
    "/rules/{rule_id}",
    summary="One rule, with the scenarios of its feature file",
    response_model=RuleDetail,
    responses=error_responses(404, 422),
)
async def get_rule(rule_id: str, services: ServicesDep) -> RuleDetail:
    pack = services.assessor.pack
    rule = pack.rule(rule_id)
    if rule is None:
        raise NotFound(NO_RULE)
    return RuleDetail(
        rule=rule, can_fail=rule.can_fail, source=pack.sources.get(rule.id), feature=feature_of(pack, rule)
    )


@router.get(
    "/schema/submission",
    summary="The JSON Schema of a submission",
    responses={200: {"content": {"application/schema+json": {"schema": {"type": "object"}}}}},
)
async def submission_schema() -> Response:
    return Response(_SUBMISSION_SCHEMA, media_type="application/schema+json")
