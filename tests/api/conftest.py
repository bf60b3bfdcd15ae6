"""A real server for the API tests: `compliance serve` as a subprocess on a free loopback port, with a
temporary data folder, driven over HTTP with httpx. Keys are made with the same code as `compliance admin`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from compliance.service.access import create_key, create_organisation
from compliance.service.store import Role, open_admin

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
YAML = {"Content-Type": "application/yaml"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    data_dir: Path
    log_path: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        env = os.environ | {"PYTHONUNBUFFERED": "1"} | (extra_env or {})
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "compliance.cli.main",
                    "serve",
                    "--port",
                    str(self.port),
                    "--data-dir",
                    str(self.data_dir),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=ROOT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError(f"the server did not start:\n{self.log()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, nothing but what was already on disk survives."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def add_org(self, org_id: str) -> None:
        access, audit = open_admin(self.data_dir)
        create_organisation(access, audit, org_id.title(), org_id)

    def add_key(self, name: str, role: Role, org: str | None = None) -> str:
        access, audit = open_admin(self.data_dir)
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
    server.start()
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
