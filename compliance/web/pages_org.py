"""An organisation's administrator: its users, invitations, password resets, export and erasure."""

from __future__ import annotations

import json

from starlette.responses import Response
from starlette.routing import Route

from compliance.service.errors import InvalidRequest
from compliance.service.org_data import erase_organisation, export_organisation
from compliance.service.sign_in import SESSION_COOKIE
from compliance.storage.accounts import User
from compliance.web.context import Ctx
from compliance.web.pages import page


def _admin(ctx: Ctx) -> tuple[User, str]:
    user = ctx.require_user()
    organisation = ctx.services.accounts.require_org_admin(user)
    return user, organisation


def _users_page(ctx: Ctx, status: int = 200, link: str | None = None, error: str | None = None) -> Response:
    _, organisation = _admin(ctx)
    users = ctx.services.accounts.repo.list_users(organisation)
    base = str(ctx.request.base_url).rstrip("/")
    return ctx.render(
        "org_users.html", status=status, users=users, link=base + link if link else None, error=error
    )


async def users(ctx: Ctx) -> Response:
    return _users_page(ctx)


async def invite(ctx: Ctx) -> Response:
    admin, _ = _admin(ctx)
    form = await ctx.form()
    try:
        issued = ctx.services.accounts.invite(
            admin, str(form.get("email") or ""), org_admin=form.get("org_admin") == "yes"
        )
    except InvalidRequest:
        return _users_page(ctx, 400, error=ctx._("Give a valid e-mail address that has no account yet."))
    return _users_page(ctx, link=f"/invitation/{issued.token}")


async def user_action(ctx: Ctx, user_id: str, action: str) -> Response:
    admin, _ = _admin(ctx)
    await ctx.form()
    if user_id == admin.id:  # the page offers no action on one's own row: an admin could leave none
        return _users_page(ctx, 400, error=ctx._("You cannot do this to your own account."))
    accounts = ctx.services.accounts
    if action == "reset":
        issued = accounts.issue_reset(admin, user_id)
        return _users_page(ctx, link=f"/reset/{issued.token}")
    try:
        if action in ("disable", "enable"):
            accounts.set_disabled(admin, user_id, action == "disable")
        elif action in ("make-admin", "remove-admin"):
            accounts.set_org_admin(admin, user_id, action == "make-admin")
        elif action == "erase":
            accounts.erase_user(admin, accounts.user_of_org(admin, user_id))
        else:
            ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    except InvalidRequest:
        return _users_page(ctx, 400, error=ctx._("You cannot do this to your own account."))
    return ctx.redirect("/organisation/users")


async def export(ctx: Ctx) -> Response:
    _, organisation = _admin(ctx)
    data = export_organisation(ctx.services.store, organisation)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{organisation}-export.json"'},
    )


async def erase(ctx: Ctx) -> Response:
    admin, organisation = _admin(ctx)
    form = await ctx.form()
    if form.get("confirm") != organisation:
        return _users_page(ctx, 400, error=ctx._("Type the organisation's id to confirm its erasure."))
    erase_organisation(ctx.services.store, admin, organisation)
    ctx.cookies.append((SESSION_COOKIE, "", 0))
    return ctx.redirect("/")


ROUTES: list[Route] = [
    page("/organisation/users", users),
    page("/organisation/invite", invite, ("POST",)),
    page("/organisation/users/{user_id}/{action}", user_action, ("POST",)),
    page("/organisation/export", export),
    page("/organisation/erase", erase, ("POST",)),
]
