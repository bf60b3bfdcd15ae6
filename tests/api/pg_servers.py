"""Servers on a PostgreSQL database for the multi-process and fault tests (fixtures in conftest style)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from compliance.storage.postgres.provision import TemporaryDatabase
from tests.api.conftest import Server

PgServerFactory = Callable[..., Server]
QUIET = {"COMPLIANCE_ASSESS_WORKERS": "0"}  # assess in the worker: the machine has two cores


@pytest.fixture(name="pg_servers")
def pg_servers_fixture(
    tmp_path: Path, pg_databases: Callable[[], TemporaryDatabase]
) -> Iterator[tuple[TemporaryDatabase, PgServerFactory]]:
    """A fresh database and a maker of servers on it (stopped at the end), sharing one decision key."""
    database = pg_databases()
    keys = tmp_path / "keys"
    made: list[Server] = []

    def make(*args: str, url: str | None = None) -> Server:
        n = len(made)
        server = Server(
            data_dir=tmp_path / f"data{n}",
            log_path=tmp_path / f"server{n}.log",
            database_url=url or database.url(),
            keys_dir=keys,
            args=args,
        )
        made.append(server)
        return server

    yield database, make
    for server in made:
        server.stop()
