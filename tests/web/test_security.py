"""The web app's defences, in process: CSRF, organisations apart, sessions, cookies, throttling, headers."""

from __future__ import annotations

import time

import pyotp
from starlette.testclient import TestClient

from compliance.service.sign_in import SESSION_COOKIE
from compliance.web.context import CSRF_COOKIE
from tests.web.conftest import PASSWORD, Web, csrf_of, sign_in


def next_code(secret: str) -> str:
    """The code of the next time step: the current one was spent when the factor was turned on."""
    code: str = pyotp.TOTP(secret).at(time.time() + 30)
    return code


def new_draft(client: TestClient, name: str = "Bank voice bot") -> str:
    token = csrf_of(client.get("/drafts/new").text)
    answer = client.post("/drafts", data={"csrf": token, "name": name})
    assert answer.status_code == 303
    location: str = answer.headers["location"]
    return location.split("/")[2]


def test_csrf_refused_without_or_with_a_wrong_token(web: Web) -> None:
    client = web.client()
    client.get("/sign-in")
    answer = client.post("/sign-in", data={"email": "founder@atlas.ma", "password": PASSWORD})
    assert answer.status_code == 403
    sign_in(client, "founder@atlas.ma")
    assert client.post("/drafts", data={"name": "x"}).status_code == 403
    assert client.post("/drafts", data={"name": "x", "csrf": "forged"}).status_code == 403
    assert web.store.accounts.list_drafts("atlas-ai") == []


def test_another_organisations_draft_and_project_are_404(web: Web) -> None:
    owner = web.client()
    sign_in(owner, "founder@atlas.ma")
    draft_id = new_draft(owner)
    summary = owner.get(f"/drafts/{draft_id}/summary")
    answer = owner.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary.text)})
    project_id = answer.headers["location"].split("/")[2]
    stranger = web.client()
    sign_in(stranger, "founder@souss.ma")
    for path in (
        f"/drafts/{draft_id}/summary",
        f"/drafts/{draft_id}/steps/project",
        f"/drafts/{draft_id}/export?format=yaml",
        f"/projects/{project_id}",
        f"/projects/{project_id}/versions/1",
    ):
        assert stranger.get(path).status_code == 404, path
    token = csrf_of(stranger.get("/").text)
    assert stranger.post(f"/drafts/{draft_id}/delete", data={"csrf": token}).status_code == 404
    assert web.store.accounts.get_draft("atlas-ai", draft_id) is not None
    assert stranger.get("/").text.count(project_id) == 0


def test_session_fixation_refused(web: Web) -> None:
    client = web.client()
    client.cookies.set(SESSION_COOKIE, "attacker-chosen-value", domain="testserver.local")
    sign_in(client, "founder@atlas.ma")
    issued = client.cookies.get(SESSION_COOKIE)
    assert issued and issued != "attacker-chosen-value"
    planted = TestClient(client.app, base_url="https://testserver", follow_redirects=False)
    planted.cookies.set(SESSION_COOKIE, "attacker-chosen-value")
    assert planted.get("/account").status_code == 303


def test_half_signed_in_session_is_replaced_after_the_second_factor(web: Web) -> None:
    client = web.client()
    token = csrf_of(client.get("/sign-in").text)
    client.post("/sign-in", data={"csrf": token, "email": "liaison@cndp.ma", "password": PASSWORD})
    pending = client.cookies.get(SESSION_COOKIE)
    assert client.get("/account").status_code == 303  # no page before the code
    page = client.get("/sign-in/code")
    client.post("/sign-in/code", data={"csrf": csrf_of(page.text), "code": next_code(web.totp_secret)})
    final = client.cookies.get(SESSION_COOKIE)
    assert final and final != pending
    assert client.get("/account").status_code == 200
    stale = TestClient(client.app, base_url="https://testserver", follow_redirects=False)
    stale.cookies.set(SESSION_COOKIE, pending or "")
    assert stale.get("/account").status_code == 303


def _password_step(client: TestClient, email: str) -> str:
    token = csrf_of(client.get("/sign-in").text)
    client.post("/sign-in", data={"csrf": token, "email": email, "password": PASSWORD})
    return csrf_of(client.get("/sign-in/code").text)


def test_wrong_or_replayed_code_refused(web: Web) -> None:
    client = web.client()
    token = _password_step(client, "liaison@cndp.ma")
    assert client.post("/sign-in/code", data={"csrf": token, "code": "000000"}).status_code == 401
    code = next_code(web.totp_secret)
    assert client.post("/sign-in/code", data={"csrf": token, "code": code}).status_code == 303
    again = web.client()
    token = _password_step(again, "liaison@cndp.ma")
    assert again.post("/sign-in/code", data={"csrf": token, "code": code}).status_code == 401  # spent


def test_session_reuse_after_sign_out_refused(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    old = client.cookies.get(SESSION_COOKIE)
    assert client.get("/account").status_code == 200
    client.post("/sign-out", data={"csrf": csrf_of(client.get("/account").text)})
    replay = TestClient(client.app, base_url="https://testserver", follow_redirects=False)
    replay.cookies.set(SESSION_COOKIE, old or "")
    assert replay.get("/account").status_code == 303


def test_password_change_and_disabling_end_sessions(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    other_browser = web.client()
    sign_in(other_browser, "founder@atlas.ma")
    token = csrf_of(client.get("/account").text)
    client.post(
        "/account/password", data={"csrf": token, "current": PASSWORD, "new": "a brand new passphrase"}
    )
    assert other_browser.get("/account").status_code == 303
    sign_in(other_browser, "founder@atlas.ma", "a brand new passphrase")
    web.accounts.set_disabled(web.admin, web.founder.id, True)
    assert other_browser.get("/account").status_code == 303


def test_cookie_flags(web: Web) -> None:
    client = web.client()
    page = client.get("/sign-in")
    assert CSRF_COOKIE in page.headers["set-cookie"]
    answer = client.post(
        "/sign-in", data={"csrf": csrf_of(page.text), "email": "founder@atlas.ma", "password": PASSWORD}
    )
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    parts = {p.strip().split("=")[0].lower() for p in cookie.split(";")}
    assert {"secure", "httponly", "path", "samesite"} <= parts
    assert "domain" not in parts and "samesite=lax" in cookie.lower() and "path=/" in cookie.lower()


def test_failed_sign_ins_are_slowed_but_the_right_password_still_works(web: Web) -> None:
    client = web.client()
    policy = client.app.state.web.throttle.policy  # type: ignore[attr-defined]
    token = csrf_of(client.get("/sign-in").text)
    for _ in range(policy.free):
        wrong = client.post(
            "/sign-in", data={"csrf": token, "email": "founder@atlas.ma", "password": "guess-guess-guess"}
        )
        assert wrong.status_code == 401
    started = time.monotonic()
    wrong = client.post(
        "/sign-in", data={"csrf": token, "email": "founder@atlas.ma", "password": "guess-guess-guess"}
    )
    assert wrong.status_code == 401 and time.monotonic() - started >= policy.spacing * 0.9
    started = time.monotonic()
    right = client.post(
        "/sign-in", data={"csrf": token, "email": "founder@atlas.ma", "password": PASSWORD, "next": "/"}
    )
    assert right.status_code == 303 and right.headers["location"] == "/"
    assert time.monotonic() - started >= policy.spacing * 0.9  # throttled, yet accepted


def test_api_refuses_the_session_cookie_and_the_web_app_refuses_api_keys(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    answer = client.get("/api/v1/projects")
    assert answer.status_code == 401 and "cookie de session" in answer.text  # French by default
    bare = web.client()
    assert bare.get("/", headers={"Authorization": "Bearer key_000000000000.x"}).status_code == 401


def test_headers_csp_and_no_store(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["cache-control"] == "no-store"
    assert "<script>" not in page.text and " on" + "click=" not in page.text


def test_liaison_needs_second_factor_and_reads_every_organisation(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@souss.ma")
    draft_id = new_draft(founder, "Souss crop advisor")
    summary = founder.get(f"/drafts/{draft_id}/summary")
    project_id = (
        founder.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary.text)})
        .headers["location"]
        .split("/")[2]
    )
    liaison = web.client()
    sign_in(liaison, "liaison@cndp.ma", code=next_code(web.totp_secret))
    home = liaison.get("/")
    assert "Souss crop advisor" in home.text and "Souss Data" in home.text
    assert liaison.get(f"/projects/{project_id}/versions/1").status_code == 200
    assert liaison.get(f"/drafts/{draft_id}/summary").status_code == 403  # drafts stay the organisation's


def test_a_password_alone_cannot_replace_an_existing_second_factor(web: Web) -> None:
    client = web.client()
    _password_step(client, "liaison@cndp.ma")
    assert client.get("/sign-in/enrol").status_code == 403
    secret = pyotp.random_base32()
    token = csrf_of(client.get("/sign-in/code").text)
    answer = client.post(
        "/sign-in/enrol", data={"csrf": token, "secret": secret, "code": pyotp.TOTP(secret).now()}
    )
    assert answer.status_code == 403
    assert web.store.accounts.get_user(web.liaison.id).totp_secret == web.totp_secret  # type: ignore[union-attr]
    assert client.get("/account").status_code == 303
