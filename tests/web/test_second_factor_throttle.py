"""Wrong second-factor codes stay counted when the right password is given again: signing in anew must not
hand a guesser of codes (who holds the password) a fresh set of free attempts."""

from __future__ import annotations

from starlette.testclient import TestClient

from compliance.service.sign_in import Throttle
from tests.web.conftest import PASSWORD, Web, csrf_of


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
