"""The web app in process, over a memory store: two organisations, a founder in each, an org admin and a
CNDP liaison. Requests go to https://testserver so that the `__Host-` Secure cookies are kept by the client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyotp
import pytest
from starlette.testclient import TestClient

from compliance.api.settings import Settings
from compliance.server import create_server
from compliance.service.access import create_organisation
from compliance.service.accounts import Accounts
from compliance.storage.accounts import User
from compliance.storage.memory import memory_store
from compliance.storage.postgres import open_postgres_store
from compliance.storage.protocol import Store
from compliance.storage.records import Role
from tests.pgdb import pg_database, pg_databases, pg_empty  # noqa: F401

PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Web:
    store: Store
    accounts: Accounts
    founder: User
    other_founder: User
    admin: User
    liaison: User
    totp_secret: str

    def client(self) -> TestClient:
        return client_of(self.store)


def client_of(store: Store) -> TestClient:
    """The whole server (API and web app) in process over `store`, for a browser at https://testserver."""
    app = create_server(Settings(assess_workers=0, sign_in_spacing=0.3), repository=store)
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD, code: str | None = None) -> None:
    token = csrf_of(client.get("/sign-in").text)
    answer = client.post("/sign-in", data={"csrf": token, "email": email, "password": password, "next": "/"})
    assert answer.status_code == 303, answer.text
    if code is not None:
        page = client.get("/sign-in/code")
        answer = client.post("/sign-in/code", data={"csrf": csrf_of(page.text), "code": code})
        assert answer.status_code == 303, answer.text


def _populate(store: Store, users: list[User] | None) -> tuple[Accounts, list[User], str]:
    accounts = Accounts(store.access, store.audit, store.accounts)
    for name in ("Atlas AI", "Souss Data"):
        create_organisation(store.access, store.audit, name)
    if users is not None:  # the hashes made once for the session (argon2 is slow on purpose)
        for user in users:
            store.accounts.add_user(user)
        return accounts, users, ""
    founder = accounts.create_user("founder@atlas.ma", PASSWORD, Role.submitter, "atlas-ai")
    other = accounts.create_user("founder@souss.ma", PASSWORD, Role.submitter, "souss-data")
    admin = accounts.create_user("admin@atlas.ma", PASSWORD, Role.submitter, "atlas-ai", org_admin=True)
    liaison = accounts.create_user("liaison@cndp.ma", PASSWORD, Role.liaison, None)
    secret = pyotp.random_base32()
    liaison = accounts.enable_totp(liaison, secret, pyotp.TOTP(secret).now())
    admin = accounts.enable_totp(admin, secret, pyotp.TOTP(secret).now())
    return accounts, [founder, other, admin, liaison], secret


@pytest.fixture(scope="session")
def hashed_users() -> tuple[list[User], str]:
    _, users, secret = _populate(memory_store(), None)
    return users, secret


@pytest.fixture
def web(hashed_users: tuple[list[User], str]) -> Iterator[Web]:
    store = memory_store()
    accounts, users, _ = _populate(store, hashed_users[0])
    founder, other, admin, liaison = users
    yield Web(store, accounts, founder, other, admin, liaison, hashed_users[1])
    store.close()


@pytest.fixture(params=["memory", "postgresql"])
def any_store(request: pytest.FixtureRequest, hashed_users: tuple[list[User], str]) -> Iterator[Store]:
    """A store holding the users of `web`, in memory and on PostgreSQL (which refuses what memory keeps: NUL)."""
    opened = (
        memory_store()
        if request.param == "memory"
        else open_postgres_store(request.getfixturevalue("pg_empty").url())
    )
    _populate(opened, hashed_users[0])
    yield opened
    opened.close()
