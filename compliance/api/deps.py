"""What routes receive: the services of the running app and the caller's principal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from compliance.api.evaluate_cache import EvaluateCache
from compliance.api.middleware import Occupancy
from compliance.api.problem_words import SESSION_REFUSED
from compliance.domain.field_errors import FieldError
from compliance.service.access import Credentials, Principal
from compliance.service.assessing import Assessor
from compliance.service.errors import InvalidRequest, Unauthenticated
from compliance.service.notifications import Webhooks
from compliance.service.projects import Projects
from compliance.service.review_queue import ReviewQueue
from compliance.service.reviews import Reviews
from compliance.service.sign_in import SESSION_COOKIE
from compliance.service.store import Store
from compliance.service.throttle import AuthThrottle
from compliance.service.waiver_export import WaiverExport
from compliance.storage.failure_counters import MemoryFailureCounters


@dataclass
class Services:
    store: Store
    assessor: Assessor
    projects: Projects
    reviews: Reviews
    review_queue: ReviewQueue
    waivers: WaiverExport
    webhooks: Webhooks
    evaluate_cache: EvaluateCache = field(default_factory=EvaluateCache)
    throttle: AuthThrottle = field(default_factory=lambda: AuthThrottle(MemoryFailureCounters()))
    occupancy: Occupancy = field(default_factory=Occupancy)


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_services(request: Request) -> Services:
    """Async on purpose: FastAPI runs a plain `def` dependency in its thread pool, a hop per request."""
    return services_of(request)


api_key = HTTPBearer(
    auto_error=False,  # our own 401 problem, and a header in another scheme still counts as a guess
    scheme_name="ApiKey",
    description="An API key from `compliance admin create-key`, sent as `Authorization: Bearer <key>`.",
)


async def get_principal(
    request: Request, bearer: Annotated[HTTPAuthorizationCredentials | None, Security(api_key)]
) -> Principal:
    """The caller, from the bearer token HTTPBearer read (which also declares the scheme in OpenAPI)."""
    services = services_of(request)
    if SESSION_COOKIE in request.cookies:
        raise Unauthenticated(SESSION_REFUSED)
    address = request.client.host if request.client else "-"
    credentials = Credentials(
        token=bearer.credentials if bearer is not None else None,
        presented=bearer is not None or bool(request.headers.get("authorization")),
    )
    return services.throttle.authenticate(services.store.access, credentials, address)


ServicesDep = Annotated[Services, Depends(get_services)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _declared_query(route: APIRoute) -> frozenset[str]:
    known = _QUERY_NAMES.get(id(route))
    if known is None:
        known = frozenset(_query_names(route.dependant))
        _QUERY_NAMES[id(route)] = known
    return known


_QUERY_NAMES: dict[int, frozenset[str]] = {}  # by route: routes live as long as the process


async def reject_unknown_query_parameters(request: Request) -> None:
    """A misspelt filter (`?verdcit=`) is an error naming it, not a silently unfiltered answer."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    unknown = sorted(set(request.query_params) - _declared_query(route))
    if unknown:
        accepted = ", ".join(sorted(_declared_query(route))) or "none"
        raise InvalidRequest(
            [
                FieldError(
                    path="query", message=f"unknown parameter; the parameters accepted here are: {accepted}"
                )
            ]
        )
