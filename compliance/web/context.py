"""What every page needs: the language, the signed-in person, the CSRF token and the page renderer."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from compliance.i18n import DEFAULT, Lang, Translator, direction, negotiate, translator
from compliance.i18n.languages import parse
from compliance.reports.html import COLON
from compliance.service.access import Principal
from compliance.service.accounts import principal_of
from compliance.service.sign_in import SESSION_COOKIE
from compliance.storage.accounts import User, WebSession
from compliance.web.services import WebServices

CSRF_COOKIE = "__Host-csrf"
LANG_COOKIE = "__Host-lang"
LANGUAGES = [(Lang.fr, "Français"), (Lang.ar, "العربية"), (Lang.en, "English")]

ENV = Environment(
    loader=PackageLoader("compliance.web", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class PageExit(Exception):
    """Leave the handler with this response (a redirect to sign in, a 403, a 404)."""

    def __init__(self, response: Response) -> None:
        self.response = response


@dataclass
class Ctx:
    request: Request
    services: WebServices
    lang: Lang
    t: Translator
    user: User | None = None
    session: WebSession | None = None
    session_id: str | None = None
    anon_csrf: str | None = None
    set_anon_csrf: bool = False
    cookies: list[tuple[str, str, int | None]] = field(default_factory=list)

    @property
    def csrf(self) -> str:
        if self.session is not None:
            return self.session.csrf
        if self.anon_csrf is None:
            self.anon_csrf = secrets.token_urlsafe(32)
            self.set_anon_csrf = True
        return self.anon_csrf

    @property
    def signed_in(self) -> bool:
        return self.user is not None and self.session is not None and self.session.second_factor_done

    @property
    def principal(self) -> Principal:
        return principal_of(self.require_user())

    def require_user(self) -> User:
        if not self.signed_in or self.user is None:
            raise PageExit(RedirectResponse("/sign-in?next=" + quote(self.request.url.path), 303))
        return self.user

    def _(self, message: str, **values: Any) -> str:
        text = self.t.gettext(message)
        return text % values if values else text

    def choice(self, value: object) -> str:
        """A state, outcome, action or judgement (`request_changes`) in words of the page's language."""
        return self.t.pgettext("choice", str(value).replace("_", " "))

    def severity(self, value: object) -> str:
        """A rule's severity (`blocker`) in words: its own context, apart from the questionnaire's choices."""
        return self.t.pgettext("severity", str(value))

    def render(self, template: str, status: int = 200, **values: Any) -> Response:
        body = ENV.get_template(template).render(
            ctx=self,
            _=self._,
            choice=self.choice,
            severity=self.severity,
            lang=self.lang.value,
            dir=direction(self.lang),
            colon=COLON[self.lang]["colon"],  # French puts a space before a colon
            languages=LANGUAGES,
            user=self.user if self.signed_in else None,
            path=self.request.url.path,
            **values,
        )
        return self.finish(HTMLResponse(body, status_code=status))

    def finish(self, response: Response) -> Response:
        if self.set_anon_csrf and self.anon_csrf:
            set_cookie(response, CSRF_COOKIE, self.anon_csrf, None)
        for name, value, max_age in self.cookies:
            set_cookie(response, name, value, max_age)
        return response

    def redirect(self, url: str) -> Response:
        return self.finish(RedirectResponse(url, 303))

    def fail(self, status: int, message: str) -> NoReturn:
        raise PageExit(self.render("error.html", status=status, message=message))

    async def form(self, files: tuple[str, ...] = ()) -> Any:
        """The posted form, once its CSRF token matched (a mismatch is a 403 page); a file is taken only in
        the fields named in `files` (elsewhere it would be read as text: a 422 page)."""
        try:
            form = await self.request.form()
        except HTTPException:  # Starlette's limits on a form: more than 1000 fields, a field over 1 MiB
            self.fail(
                400,
                self._(
                    "This form is too large to be read: at most 1000 fields, and 1 MiB in each. Shorten it and send it again."
                ),
            )
        sent = form.get("csrf")
        if not isinstance(sent, str) or not secrets.compare_digest(sent, self.csrf):
            self.fail(
                403,
                self._(
                    "This form has expired or did not come from this site. Reload the page and try again."
                ),
            )
        for name, value in form.multi_items():  # PostgreSQL stores no NUL, in text or JSON: refuse it here
            if not isinstance(value, str) and name not in files:
                self.fail(422, self._("The field %(field)s takes text, not a file.", field=name))
            if isinstance(value, str) and "\x00" in value:
                self.fail(
                    422,
                    self._(
                        "The field %(field)s holds a NUL character, which cannot be stored: remove it and send the form again.",
                        field=name,
                    ),
                )
        return form


def set_cookie(response: Response, name: str, value: str, max_age: int | None) -> None:
    """Every cookie is `__Host-`: Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain."""
    response.set_cookie(name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="lax")


def context(request: Request) -> Ctx:
    services: WebServices = request.app.state.web
    lang = (
        parse(request.cookies.get(LANG_COOKIE))
        or negotiate(request.headers.get("accept-language"))
        or DEFAULT
    )
    ctx = Ctx(request=request, services=services, lang=lang, t=translator(lang))
    ctx.anon_csrf = request.cookies.get(CSRF_COOKIE) or None
    session_id = request.cookies.get(SESSION_COOKIE)
    resolved = services.sessions.resolve(session_id)
    if resolved is not None:
        ctx.session, ctx.user = resolved
        ctx.session_id = session_id
    return ctx
