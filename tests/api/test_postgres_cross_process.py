"""Two real `compliance serve` processes on one PostgreSQL database, on different ports: a web session made
through one is valid on the other, failed sign-ins are counted across both, each webhook event is sent
once although both run a sender, and the audit log they both append to verifies against the signed
checkpoints of the key folder they share."""

from __future__ import annotations

import io
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from compliance.cli.main import main
from compliance.service.sign_in import SESSION_COOKIE, Throttle
from compliance.storage.postgres import Database, PostgresFailureCounters
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.records import Role
from tests.api.conftest import YAML, Server, new_project
from tests.api.pg_servers import QUIET, PgServerFactory, pg_servers_fixture  # noqa: F401
from tests.api.webhook_receiver import Receiver
from tests.web.conftest import CSRF

SUBMISSION = b'schema_version: "1.0"\nproject_name: bare\n'
PASSWORD = "correct horse battery staple 0908"
SPACING = 3.0  # seconds between sign-in attempts once an account is throttled
ENV = QUIET | {
    "COMPLIANCE_WEBHOOK_ALLOW": "127.0.0.1",
    "COMPLIANCE_WEBHOOK_POLL": "0.05",
    "COMPLIANCE_SIGN_IN_SPACING": str(SPACING),
}


class Browser:
    """A browser's cookie jar kept by hand: the web app's cookies are `Secure` (`__Host-`), which httpx
    rightly keeps from plain-HTTP loopback servers."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, server: Server, method: str, path: str, **kwargs: object) -> httpx.Response:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        with httpx.Client(base_url=server.url, timeout=60) as client:
            answer = client.request(method, path, headers={"Cookie": cookie}, **kwargs)  # type: ignore[arg-type]
        for header in answer.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return answer

    def sign_in(self, server: Server, email: str, password: str) -> httpx.Response:
        found = CSRF.search(self.request(server, "GET", "/sign-in").text)
        assert found, "no CSRF field on the sign-in page"
        form = {"csrf": found.group(1), "email": email, "password": password, "next": "/"}
        return self.request(server, "POST", "/sign-in", data=form)


@pytest.fixture
def two_servers(
    pg_servers: tuple[TemporaryDatabase, PgServerFactory],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[tuple[TemporaryDatabase, Server, Server]]:
    database, make = pg_servers
    a, b = make(), make()
    a.add_org("atlas")
    a.add_key("atlas", Role.submitter, "atlas")
    b.tokens = a.tokens
    # The account is made by the admin command, on the database, as an operator would.
    monkeypatch.setenv("COMPLIANCE_DATABASE_URL", database.url())
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert a.keys_dir is not None
    admin = ["--data-dir", str(tmp_path / "admin"), "--key-dir", str(a.keys_dir)]
    create = ["admin", "create-user", "--email", "ines@atlas.ma", "--role", "submitter", "--org", "atlas"]
    assert main([*create, "--password-stdin", *admin]) == 0
    capsys.readouterr()
    for server in (a, b):
        server.start(extra_env=ENV)
    yield database, a, b


def test_a_session_made_on_one_server_is_valid_on_the_other_and_ends_on_both(
    two_servers: tuple[TemporaryDatabase, Server, Server],
) -> None:
    _, a, b = two_servers
    with a.client("atlas") as c:
        new_project(c, "Chatbot Tafilalet")
    browser = Browser()
    assert browser.request(b, "GET", "/account").status_code == 303  # not signed in yet
    assert browser.sign_in(a, "ines@atlas.ma", PASSWORD).status_code == 303
    assert SESSION_COOKIE in browser.cookies
    home = browser.request(b, "GET", "/")  # in the organisation's scope: its project is listed
    assert home.status_code == 200 and "Chatbot Tafilalet" in home.text
    page = browser.request(b, "GET", "/account")
    assert page.status_code == 200 and "ines@atlas.ma" in page.text
    found = CSRF.search(page.text)
    assert found
    assert browser.request(b, "POST", "/sign-out", data={"csrf": found.group(1)}).status_code == 303
    assert browser.request(a, "GET", "/account").status_code == 303  # signed out on b: gone on a


def test_failed_sign_ins_are_counted_across_both_servers(
    two_servers: tuple[TemporaryDatabase, Server, Server],
) -> None:
    database, a, b = two_servers
    free = 5
    for n in range(free):  # alternately on each server: each one alone stays under the free failures
        assert Browser().sign_in((a, b)[n % 2], "ines@atlas.ma", "wrong").status_code == 401
    started = time.monotonic()
    assert Browser().sign_in(b, "ines@atlas.ma", "wrong").status_code == 401
    assert time.monotonic() - started >= SPACING * 0.9  # the sixth waited for its slot
    account_key = Throttle.keys("127.0.0.1", "ines@atlas.ma")[1]
    db = Database(database.url())
    try:
        counted = PostgresFailureCounters(db)
        assert counted.failures(account_key, time.time()) == free + 1
        assert Browser().sign_in(a, "ines@atlas.ma", PASSWORD).status_code == 303  # never refused
        assert counted.failures(account_key, time.time()) == 0  # a success clears the account's count
    finally:
        db.close()


def test_each_webhook_event_is_sent_once_by_two_senders(
    two_servers: tuple[TemporaryDatabase, Server, Server], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, a, b = two_servers
    receiver = Receiver()
    receiver.start()
    try:
        with a.client("atlas") as c:
            made = c.post("/api/v1/webhooks", json={"url": receiver.base + "/ok"})
            assert made.status_code == 201, made.text
        submitted = 0
        for server in (a, b, a, b):
            with server.client("atlas") as c:
                project = new_project(c, "Chatbot")
                answer = c.post(f"/api/v1/projects/{project}/versions", content=SUBMISSION, headers=YAML)
                assert answer.status_code == 201, answer.text
                submitted += 1
        deadline = time.monotonic() + 30
        while len(receiver.at("/ok")) < submitted and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # time for a second sender to send again, if it were going to
        ids = Counter(hit.headers["webhook-id"] for hit in receiver.at("/ok"))
        assert len(ids) == submitted and set(ids.values()) == {1}, ids
    finally:
        receiver.stop()
    assert a.keys_dir is not None
    verify = [
        "audit",
        "verify",
        "--data-dir",
        str(tmp_path / "admin"),
        "--key-dir",
        str(a.keys_dir),
        "--lang",
        "en",
    ]
    assert main(verify) == 0, capsys.readouterr().out
    assert "signed checkpoints verified" in capsys.readouterr().out
