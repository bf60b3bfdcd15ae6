"""What `compliance serve` runs: the API under /api/v1 and the web app at `/`, on one store."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Scope

from compliance.api.app import create_app, served_settings
from compliance.api.settings import Settings
from compliance.service.assess_channel import running_loop
from compliance.service.sign_in import ThrottlePolicy
from compliance.service.store import Store
from compliance.web.app import create_web
from compliance.web.security import too_large_page


class _WebMount(Mount):
    """The web app takes every path the API does not know: under /api, and on any path an API route
    matches even by its path alone (`POST /healthz`), the API answers (404 and 405 problem documents
    included), never a web page."""

    def __init__(self, app: ASGIApp, api_routes: list[BaseRoute]) -> None:
        super().__init__("/", app=app)
        self.api_routes = api_routes

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = scope.get("path", "")
        if path == "/api" or path.startswith("/api/"):
            return Match.NONE, {}
        if any(route.matches(scope)[0] is not Match.NONE for route in self.api_routes):
            return Match.NONE, {}
        return super().matches(scope)


def create_server(
    settings: Settings | None = None,
    repository: Store | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> FastAPI:
    """`loop`: the loop that will serve it (see `create_app`)."""
    settings = settings or Settings()
    app = create_app(settings, repository, loop=loop, page_too_large=too_large_page)
    services = app.state.services
    web = create_web(
        services.store,
        services.assessor,
        services.projects,
        services.reviews,
        throttle_policy=ThrottlePolicy(spacing=settings.sign_in_spacing),
    )
    app.router.routes.append(_WebMount(web, list(app.router.routes)))
    app.state.web = web.state.web  # the web app's use cases, for tests and tools
    return app


def server_from_environment() -> FastAPI:
    """The factory uvicorn calls (`compliance serve`): settings from COMPLIANCE_* variables."""
    return create_server(served_settings(), loop=running_loop())
