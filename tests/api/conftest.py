"""A real server for the API tests: `compliance serve` as a subprocess on a free loopback port, with a
temporary data folder, driven over HTTP with httpx. Keys are made with the same code as `compliance admin`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from compliance.devserver import ServerProcess
from compliance.service.access import create_key, create_organisation
from compliance.service.store import Role, open_admin
from compliance.storage.postgres import open_admin_postgres
from compliance.storage.protocol import AccessRepository, AuditRepository

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
YAML = {"Content-Type": "application/yaml"}


@dataclass
class Server(ServerProcess):
    """The real server with the keys the tests made for it, by name."""

    tokens: dict[str, str] = field(default_factory=dict)
    database_url: str | None = None  # PostgreSQL (the service role) instead of the data folder
    keys_dir: Path | None = None  # the key folder every server on the database shares

    def admin(self) -> tuple[AccessRepository, AuditRepository]:
        return open_admin_postgres(self.database_url) if self.database_url else open_admin(self.data_dir)

    def start(self, timeout: float = 30.0, extra_env: dict[str, str] | None = None) -> None:
        env = dict(extra_env or {})
        if self.database_url:
            env |= {"COMPLIANCE_DATABASE_URL": self.database_url, "COMPLIANCE_KEY_DIR": str(self.keys_dir)}
        super().start(timeout, env)

    def audit_lines(self) -> list[str]:
        if self.database_url:
            return self.admin()[1].raw_lines()
        return (self.data_dir / "audit.log").read_text(encoding="utf-8").splitlines()

    def add_org(self, org_id: str) -> None:
        access, audit = self.admin()
        create_organisation(access, audit, org_id.title(), org_id)

    def add_key(self, name: str, role: Role, org: str | None = None) -> str:
        access, audit = self.admin()
        _, token = create_key(access, audit, role, org, label=name)
        self.tokens[name] = token
        return token

    def client(self, who: str | None = None, **kwargs: object) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


ServerFactory = Callable[[Path | None], Server]


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[ServerFactory]:
    """Make servers that are stopped at the end of the test (a killed one stays down)."""
    made: list[Server] = []

    def make(data_dir: Path | None = None) -> Server:
        folder = data_dir or tmp_path / f"data{len(made)}"
        server = Server(data_dir=folder, log_path=tmp_path / f"server{len(made)}.log")
        made.append(server)
        return server

    yield make
    for server in made:
        server.stop()


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server shared by the tests that do not stop or break it, with two organisations and a key of
    each kind: 'atlas' and 'sahara' (submitters), 'liaison', 'admin'."""
    folder = tmp_path_factory.mktemp("live")
    server = Server(data_dir=folder / "data", log_path=folder / "server.log")
    server.add_org("atlas")
    server.add_org("sahara")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("sahara", Role.submitter, "sahara")
    server.add_key("liaison", Role.liaison)
    server.add_key("admin", Role.admin)
    # The fuzzer sends invalid keys by the thousand on purpose (its ignored-auth check expects 401, not the
    # 429 that throttling answers); throttling has its own server in test_abuse.py.
    server.start(extra_env={"COMPLIANCE_AUTH_FAILURE_LIMIT": "1000000"})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def example_bytes() -> bytes:
    return (ROOT / "examples" / "darija-support-chatbot.yaml").read_bytes()


def new_project(client: httpx.Client, name: str = "Darija chatbot") -> str:
    response = client.post("/api/v1/projects", json={"name": name})
    assert response.status_code == 201, response.text
    project_id: str = response.json()["id"]
    return project_id
