"""Organisations, for admins and liaisons (keys and organisations are created with `compliance admin`)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from compliance.api.deps import PrincipalDep, ServicesDep
from compliance.api.problems import error_responses
from compliance.api.schemas import OrganisationOut
from compliance.service.access import list_organisations

router = APIRouter(tags=["organisations"])


@router.get(
    "/organisations",
    summary="List organisations",
    response_model=list[OrganisationOut],
    responses=error_responses(401, 403, 503),
)
async def organisations(principal: PrincipalDep, services: ServicesDep) -> list[OrganisationOut]:
    orgs = await run_in_threadpool(list_organisations, services.store.access, principal)
    return [OrganisationOut.of(o) for o in orgs]
