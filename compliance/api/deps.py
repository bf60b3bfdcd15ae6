"""What routes receive: the services of the running app and the caller's principal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from compliance.api.evaluate_cache import EvaluateCache
from compliance.service.access import Principal, authenticate
from compliance.service.assessing import Assessor
from compliance.service.projects import Projects
from compliance.service.store import Store

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="An API key from `compliance admin create-key`, sent as `Authorization: Bearer <key>`.",
)


@dataclass
class Services:
    store: Store
    assessor: Assessor
    projects: Projects
    evaluate_cache: EvaluateCache = field(default_factory=EvaluateCache)


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_principal(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> Principal:
    services = get_services(request)
    return authenticate(services.store.access, request.headers.get("authorization"))


ServicesDep = Annotated[Services, Depends(get_services)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
