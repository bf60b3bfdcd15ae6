"""What routes receive: the services of the running app and the caller's principal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from compliance.api.evaluate_cache import EvaluateCache
from compliance.api.middleware import Occupancy
from compliance.service.access import Principal
from compliance.service.assessing import Assessor
from compliance.service.errors import InvalidRequest, Unauthenticated
from compliance.service.projects import Projects
from compliance.service.reviews import Reviews
from compliance.service.sign_in import SESSION_COOKIE
from compliance.service.store import Store
from compliance.service.throttle import AuthThrottle
from compliance.storage.failure_counters import MemoryFailureCounters


@dataclass
class Services:
    store: Store
    assessor: Assessor
    projects: Projects
    reviews: Reviews
    evaluate_cache: EvaluateCache = field(default_factory=EvaluateCache)
    throttle: AuthThrottle = field(default_factory=lambda: AuthThrottle(MemoryFailureCounters()))
    occupancy: Occupancy = field(default_factory=Occupancy)


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_services(request: Request) -> Services:
    """Async on purpose: FastAPI runs a plain `def` dependency in its thread pool, a hop per request."""
    return services_of(request)


async def get_principal(request: Request) -> Principal:
    """The caller, from `Authorization: Bearer <key>` (declared in the OpenAPI document by openapi.py)."""
    services = services_of(request)
    if SESSION_COOKIE in request.cookies:
        raise Unauthenticated("the API does not accept the web app's session cookie: send an API key")
    address = request.client.host if request.client else "-"
    return services.throttle.authenticate(
        services.store.access, request.headers.get("authorization"), address
    )


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
        raise InvalidRequest([f"query: unknown parameter; the parameters accepted here are: {accepted}"])
