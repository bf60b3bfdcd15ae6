"""Routes whose commonest request skips FastAPI's dependency solving.

A request as CI sends it (no query string, nothing else to read but the caller) has nothing for FastAPI to check
but the API key: solving the declared dependencies again for every such request cost a fifth of the server's
CPU on a dry run. A `PlainRoute` stays declared as it is (OpenAPI, errors, metrics and exception handlers see
the same route); its handler asks `shortcut` whether the request is plain, authenticates it as `PrincipalDep`
would and calls the endpoint directly; anything else is solved and answered by FastAPI as before. The tests
(tests/api/test_plain_evaluate.py, test_plain_submit.py) check that the dependencies left out are the known
ones and that both ways answer alike.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from compliance.api.deps import api_key, get_principal
from compliance.service.access import Principal

Endpoint = Callable[[Principal], Awaitable[Response]]


class PlainRoute(APIRoute):
    def shortcut(self, request: Request) -> Endpoint | None:
        """The endpoint called with this request's values once the caller is known, or None when FastAPI
        must read the request (a query string, or values it would check)."""
        raise NotImplementedError

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        solved = super().get_route_handler()

        async def handler(request: Request) -> Response:
            if request.scope["query_string"]:
                return await solved(request)  # the app refuses unknown query parameters there
            call = self.shortcut(request)
            if call is None:
                return await solved(request)
            return await call(await get_principal(request, await api_key(request)))

        return handler
