"""Guesses the sign-in throttle did not slow: wrong second-factor codes, cleared by signing in again with the
right password (a fresh set of free codes each time), and wrong current passwords on the account page."""

from __future__ import annotations

from starlette.testclient import TestClient

from compliance.service.sign_in import Throttle
from tests.web.conftest import PASSWORD, Web, csrf_of, sign_in


def _password(client: TestClient, email: str) -> str:
    token = csrf_of(client.get("/sign-in").text)
    answer = client.post("/sign-in", data={"csrf": token, "email": email, "password": PASSWORD, "next": "/"})
    assert answer.status_code == 303 and answer.headers["location"].startswith("/sign-in/code")
    return csrf_of(client.get("/sign-in/code").text)


def test_a_new_password_sign_in_does_not_clear_wrong_codes(web: Web) -> None:
    email = "liaison@cndp.ma"
    client = web.client()
    throttle: Throttle = client.app.state.web.throttle  # type: ignore[attr-defined]
    token = _password(client, email)
    for _ in range(throttle.policy.free):
        wrong = client.post("/sign-in/code", data={"csrf": token, "code": "000000"})
        assert wrong.status_code == 401
    again = web.client()
    _password(again, email)  # the right password once more, from a new session
    assert throttle.wait_before(Throttle.second_factor_keys(email)) > 0  # the next code still waits its turn


def test_guesses_of_the_current_password_on_the_account_page_are_slowed(web: Web) -> None:
    email = "founder@atlas.ma"
    client = web.client()
    sign_in(client, email)
    throttle: Throttle = client.app.state.web.throttle  # type: ignore[attr-defined]
    token = csrf_of(client.get("/account").text)
    for _ in range(throttle.policy.free):
        guess = {"csrf": token, "current": "not the password", "new": "a new long password"}
        assert client.post("/account/password", data=guess).status_code == 400
    assert throttle.wait_before(Throttle.keys("testclient", email)[1:]) > 0  # the next guess waits its turn
