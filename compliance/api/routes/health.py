"""Liveness and readiness probes (outside /api/v1, no key, no admission limit)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from compliance.api.deps import ServicesDep
from compliance.api.problem_words import SATURATED
from compliance.api.problems import ApiError, error_responses
from compliance.api.schemas import Health, Readiness

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process answers", response_model=Health)
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="The store and the rule pack are usable, and an API request would be admitted now",
    response_model=Readiness,
    responses=error_responses(503),
)
async def readyz(services: ServicesDep) -> Readiness:
    occupancy = services.occupancy
    if occupancy.saturated:
        raise ApiError(
            503,
            "saturated",
            SATURATED,
            {"Retry-After": "1"},
            {"capacity": str(occupancy.capacity)},
        )
    await run_in_threadpool(services.store.access.list_organisations)
    await run_in_threadpool(services.store.projects.list_projects, None, limit=1)
    pack = services.assessor.pack
    return Readiness(
        status="ready",
        store=services.store.description.split(":", 1)[0],
        rule_pack=f"{pack.info.id}@{pack.info.version}",
        rules=pack.info.rule_count,
        quarantined_projects=len(services.store.quarantined),
    )
