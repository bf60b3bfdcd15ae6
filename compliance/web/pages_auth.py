"""Signing in and out, the second factor, invitations, password resets, the account and the language."""

from __future__ import annotations

import asyncio

from starlette.responses import Response
from starlette.routing import Route

from compliance.i18n.languages import parse
from compliance.service.accounts import password_matches, totp_uri
from compliance.service.errors import InvalidRequest, NotFound
from compliance.service.sign_in import SESSION_COOKIE
from compliance.storage.accounts import TokenPurpose
from compliance.web.context import LANG_COOKIE, Ctx
from compliance.web.pages import blocking, page, safe_next

PENDING_TOTP = "pending_totp"


async def home(ctx: Ctx) -> Response:
    if not ctx.signed_in:
        return ctx.render("welcome.html")
    user = ctx.require_user()
    principal = ctx.principal
    drafts = ctx.services.drafts.list(principal) if user.organisation else []
    projects = ctx.services.projects.list_projects(principal, limit=100).items
    orgs = {o.id: o.name for o in ctx.services.store.access.list_organisations()}
    return ctx.render("home.html", drafts=drafts, projects=projects, orgs=orgs)


def _address(ctx: Ctx) -> str:
    return ctx.request.client.host if ctx.request.client else "unknown"


async def _wait_turn(ctx: Ctx, keys: list[str]) -> None:
    """Past the free failures of one of `keys`, the attempt waits its turn: slower, never refused."""
    wait = ctx.services.throttle.wait_before(keys)
    if wait > 0:
        await asyncio.sleep(wait)


async def sign_in_form(ctx: Ctx) -> Response:
    if ctx.signed_in:
        return ctx.redirect("/")
    return ctx.render(
        "sign_in.html", email="", error=None, next=safe_next(ctx.request.query_params.get("next"))
    )


async def sign_in(ctx: Ctx) -> Response:
    form = await ctx.form()
    email = str(form.get("email") or "").strip().lower()[:320]
    password = str(form.get("password") or "")[:1024]
    target = safe_next(form.get("next"))
    keys = ctx.services.throttle.keys(_address(ctx), email)
    await _wait_turn(ctx, keys)
    user = ctx.services.accounts.repo.find_user(email)
    if not await blocking(password_matches, user, password) or user is None or user.disabled:
        ctx.services.throttle.failed(keys)
        if user is not None:
            ctx.services.accounts.record(user.id, "user.sign_in_failed", user.organisation, user.id)
        message = ctx._("Wrong e-mail or password, or a disabled account.")
        return ctx.render("sign_in.html", status=401, email=email, error=message, next=target)
    ctx.services.throttle.succeeded(keys[1])
    second_factor_done = not user.needs_second_factor and user.totp_secret is None
    session_id, _ = ctx.services.sessions.start(
        user, second_factor_done=second_factor_done, replacing=ctx.session_id
    )
    ctx.cookies.append((SESSION_COOKIE, session_id, None))
    if second_factor_done:
        ctx.services.accounts.record(user.id, "user.signed_in", user.organisation, user.id)
        return ctx.redirect(target)
    return ctx.redirect(
        "/sign-in/code?next=" + target if user.totp_secret else "/sign-in/enrol?next=" + target
    )


def _pending(ctx: Ctx) -> tuple[str, str]:
    """The half-signed-in session (password given, second factor missing)."""
    if ctx.user is None or ctx.session is None or ctx.session_id is None:
        ctx.fail(403, ctx._("Sign in with your e-mail and password first."))
    return ctx.session_id, safe_next(ctx.request.query_params.get("next"))


async def code_form(ctx: Ctx) -> Response:
    _pending(ctx)
    return ctx.render("sign_in_code.html", error=None)


async def code(ctx: Ctx) -> Response:
    session_id, target = _pending(ctx)
    form = await ctx.form()
    assert ctx.user is not None
    user = ctx.user
    keys = ctx.services.throttle.second_factor_keys(user.email)
    await _wait_turn(ctx, keys)
    if not ctx.services.accounts.check_totp(user, str(form.get("code") or "")):
        ctx.services.throttle.failed(keys)
        return ctx.render(
            "sign_in_code.html", status=401, error=ctx._("This code is not right or was already used.")
        )
    ctx.services.throttle.succeeded(keys[0])
    new_id, _ = ctx.services.sessions.start(user, second_factor_done=True, replacing=session_id)
    ctx.cookies.append((SESSION_COOKIE, new_id, None))
    ctx.services.accounts.record(user.id, "user.signed_in", user.organisation, user.id, second_factor=1)
    return ctx.redirect(target)


def _enrolling(ctx: Ctx) -> tuple[str, str]:
    """A session whose account has no second factor yet: a password alone never replaces an existing one."""
    session_id, target = _pending(ctx)
    assert ctx.user is not None
    if ctx.user.totp_secret is not None:
        ctx.fail(403, ctx._("Your account may not do this."))
    return session_id, target


async def enrol_form(ctx: Ctx) -> Response:
    _enrolling(ctx)
    assert ctx.user is not None
    secret = ctx.services.accounts.new_totp_secret()
    return ctx.render("totp_enrol.html", secret=secret, uri=totp_uri(ctx.user, secret), error=None)


async def enrol(ctx: Ctx) -> Response:
    session_id, target = _enrolling(ctx)
    form = await ctx.form()
    assert ctx.user is not None
    secret = str(form.get("secret") or "")
    try:
        user = ctx.services.accounts.enable_totp(ctx.user, secret, str(form.get("code") or ""))
    except (InvalidRequest, ValueError):
        return ctx.render(
            "totp_enrol.html",
            status=400,
            secret=secret,
            uri=totp_uri(ctx.user, secret),
            error=ctx._("This code does not match. Check the clock of your device and try again."),
        )
    new_id, _ = ctx.services.sessions.start(user, second_factor_done=True, replacing=session_id)
    ctx.cookies.append((SESSION_COOKIE, new_id, None))
    ctx.services.accounts.record(user.id, "user.signed_in", user.organisation, user.id, second_factor=1)
    return ctx.redirect(target)


async def sign_out(ctx: Ctx) -> Response:
    await ctx.form()
    if ctx.session_id and ctx.user:
        ctx.services.sessions.end(ctx.session_id)
        ctx.services.accounts.record(ctx.user.id, "user.signed_out", ctx.user.organisation, ctx.user.id)
    ctx.cookies.append((SESSION_COOKIE, "", 0))
    return ctx.redirect("/")


async def account(ctx: Ctx) -> Response:
    ctx.require_user()
    return ctx.render("account.html", error=None, done=ctx.request.query_params.get("done"))


async def change_password(ctx: Ctx) -> Response:
    user = ctx.require_user()
    form = await ctx.form()
    keys = ctx.services.throttle.keys(_address(ctx), user.email)  # guesses of the current password here are
    await _wait_turn(ctx, keys)  # slowed as on the sign-in page, on the same counts
    try:
        await blocking(
            ctx.services.accounts.change_password,
            user,
            str(form.get("current") or ""),
            str(form.get("new") or ""),
        )
    except InvalidRequest as exc:
        if any(e.key == "wrong_password" for e in exc.errors):
            ctx.services.throttle.failed(keys)
        return ctx.render(
            "account.html",
            status=400,
            done=None,
            error=ctx._("The current password is wrong, or the new one is shorter than 12 characters."),
        )
    ctx.cookies.append((SESSION_COOKIE, "", 0))
    return ctx.redirect("/sign-in")


async def erase_account(ctx: Ctx) -> Response:
    user = ctx.require_user()
    form = await ctx.form()
    if form.get("confirm") != "yes":
        return ctx.render(
            "account.html", status=400, done=None, error=ctx._("Tick the box to confirm the erasure.")
        )
    ctx.services.accounts.erase_user(user, user)
    ctx.cookies.append((SESSION_COOKIE, "", 0))
    return ctx.redirect("/")


async def _token_page(ctx: Ctx, token: str, purpose: TokenPurpose, post: bool) -> Response:
    template = "invitation.html" if purpose is TokenPurpose.invitation else "reset.html"
    try:
        ctx.services.accounts.pending_token(token, purpose)
    except NotFound:
        ctx.fail(404, ctx._("This link is unknown, used or expired: ask your administrator for a new one."))
    if not post:
        return ctx.render(template, error=None)
    form = await ctx.form()
    password = str(form.get("password") or "")
    try:
        if purpose is TokenPurpose.invitation:
            await blocking(ctx.services.accounts.accept_invitation, token, password)
        else:
            await blocking(ctx.services.accounts.reset_password, token, password)
    except InvalidRequest:
        return ctx.render(template, status=400, error=ctx._("Choose a password of at least 12 characters."))
    return ctx.redirect("/sign-in")


async def invitation_form(ctx: Ctx, token: str) -> Response:
    return await _token_page(ctx, token, TokenPurpose.invitation, post=False)


async def invitation(ctx: Ctx, token: str) -> Response:
    return await _token_page(ctx, token, TokenPurpose.invitation, post=True)


async def reset_form(ctx: Ctx, token: str) -> Response:
    return await _token_page(ctx, token, TokenPurpose.password_reset, post=False)


async def reset(ctx: Ctx, token: str) -> Response:
    return await _token_page(ctx, token, TokenPurpose.password_reset, post=True)


async def language(ctx: Ctx, code: str) -> Response:
    lang = parse(code)
    if lang is None:
        ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    ctx.cookies.append((LANG_COOKIE, lang.value, 365 * 24 * 3600))
    return ctx.redirect(safe_next(ctx.request.query_params.get("next")))


async def privacy(ctx: Ctx) -> Response:
    from compliance.service.org_data import RETENTION

    return ctx.render("privacy.html", retention=RETENTION)


ROUTES: list[Route] = [
    page("/", home),
    page("/sign-in", sign_in_form),
    page("/sign-in", sign_in, ("POST",)),
    page("/sign-in/code", code_form),
    page("/sign-in/code", code, ("POST",)),
    page("/sign-in/enrol", enrol_form),
    page("/sign-in/enrol", enrol, ("POST",)),
    page("/sign-out", sign_out, ("POST",)),
    page("/account", account),
    page("/account/password", change_password, ("POST",)),
    page("/account/erase", erase_account, ("POST",)),
    page("/invitation/{token}", invitation_form),
    page("/invitation/{token}", invitation, ("POST",)),
    page("/reset/{token}", reset_form),
    page("/reset/{token}", reset, ("POST",)),
    page("/language/{code}", language),
    page("/privacy", privacy),
]
