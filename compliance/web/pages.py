"""How a page handler is wired: context in, refusals turned into pages."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from compliance.service.access import bind_caller_scope
from compliance.service.errors import Forbidden, InvalidRequest, NotFound, Unauthenticated
from compliance.web.context import Ctx, PageExit, context
from compliance.web.numbers import whole_number

Handler = Callable[..., Awaitable[Response]]


def page(path: str, handler: Handler, methods: tuple[str, ...] = ("GET",)) -> Route:
    async def endpoint(request: Request) -> Response:
        ctx = await run_in_threadpool(context, request)
        if ctx.signed_in and ctx.user is not None:  # here: the handler's context, not the thread's
            bind_caller_scope(ctx.user.role, ctx.user.organisation)
        try:
            return await handler(ctx, **request.path_params)
        except PageExit as exit_:
            return exit_.response
        except NotFound:
            return ctx.render(
                "error.html", status=404, message=ctx._("This page does not exist, or you may not see it.")
            )
        except InvalidRequest as exc:  # a field the service refused that the page did not word itself
            return ctx.render("error.html", status=400, message=exc.worded(ctx.lang))
        except (Forbidden, Unauthenticated):
            return ctx.render("error.html", status=403, message=ctx._("Your account may not do this."))

    assert inspect.iscoroutinefunction(handler), handler
    return Route(path, endpoint, methods=list(methods))


async def blocking(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run CPU-heavy work (argon2, an assessment) off the event loop."""
    return await run_in_threadpool(fn, *args, **kwargs)


def version_number(ctx: Ctx, number: str) -> int:
    """A version's number from the URL; a 404 page for anything but a whole number."""
    found = whole_number(number)
    if found is None:
        ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    return found


def safe_next(value: Any) -> str:
    """A local path to go back to; anything else (another host, a scheme) is replaced by '/'."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


__all__ = ["Ctx", "blocking", "page", "safe_next", "version_number"]
