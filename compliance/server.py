"""What `compliance serve` runs: the API under /api/v1 and the web app at `/`, on one store."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.routing import Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from compliance.api.app import create_app
from compliance.api.settings import Settings
from compliance.service.sign_in import ThrottlePolicy
from compliance.service.store import Store
from compliance.web.app import create_web


class _NotUnderApi:
    """Paths under /api stay the API's (an unknown one is a 404 problem document, not a web page)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if path == "/api" or path.startswith("/api/"):
            raise HTTPException(404)
        await self.app(scope, receive, send)


def create_server(settings: Settings | None = None, repository: Store | None = None) -> FastAPI:
    settings = settings or Settings()
    app = create_app(settings, repository)
    services = app.state.services
    web = create_web(
        services.store,
        services.assessor,
        services.projects,
        throttle_policy=ThrottlePolicy(spacing=settings.sign_in_spacing),
    )
    app.router.routes.append(Mount("/", app=_NotUnderApi(web)))
    return app


def server_from_environment() -> FastAPI:
    """The factory uvicorn calls (`compliance serve`): settings from COMPLIANCE_* variables."""
    return create_server(Settings.from_environment())
