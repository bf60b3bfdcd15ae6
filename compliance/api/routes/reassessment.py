"""POST /reassess: liaisons re-assess stored submissions against the pack the server runs, without
stopping it (the command line cannot open a store a server holds)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from compliance.api.deps import PrincipalDep, ServicesDep
from compliance.api.problems import error_responses
from compliance.service.reassess import reassess_as

router = APIRouter(tags=["reviews"])


@router.post(
    "/reassess",
    summary="Re-assess every project's latest version against the server's rule pack",
    description="Liaisons only. Stored versions are kept as they are; the answer lists, per project, the "
    "findings gained and lost and the verdicts, and each project's run is recorded in the audit log.",
    responses=error_responses(401, 403, 503),
)
async def reassess_projects(principal: PrincipalDep, services: ServicesDep) -> dict[str, Any]:
    changes = await run_in_threadpool(reassess_as, principal, services.store, services.assessor)
    return {
        "pack": f"{services.assessor.pack.info.id}@{services.assessor.pack.info.version}",
        "projects": [asdict(c) | {"changed": c.changed} for c in changes],
        "changed": sum(c.changed for c in changes),
    }
