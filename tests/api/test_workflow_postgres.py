"""The French workflow features again, against a server on PostgreSQL: the same steps, another store."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from pytest_bdd import scenarios

from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.records import Role
from compliance.storage.signing_keys import default_key_dir
from tests.api import test_workflow
from tests.api.conftest import Server
from tests.api.pg_servers import QUIET

# The step definitions (pytest-bdd keeps them as fixtures of the module that declares them).
globals().update({k: v for k, v in vars(test_workflow).items() if not k.startswith(("test_", "__"))})

scenarios("workflow")


@pytest.fixture(scope="module")
def live_pg(
    tmp_path_factory: pytest.TempPathFactory, pg_databases: Callable[[], TemporaryDatabase]
) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("live-pg")
    server = Server(
        data_dir=folder / "data",
        log_path=folder / "server.log",
        database_url=pg_databases().url(),
        keys_dir=default_key_dir(folder / "data"),  # where the steps look for it
    )
    for org in ("atlas", "sahara"):
        server.add_org(org)
        server.add_key(org, Role.submitter, org)
    server.add_key("liaison", Role.liaison)
    server.add_key("admin", Role.admin)
    server.start(extra_env=QUIET)
    assert httpx.get(server.url + "/readyz").json()["store"] == "postgresql"
    yield server
    server.stop()


@pytest.fixture
def flow(live_pg: Server) -> test_workflow.Flow:
    return test_workflow.Flow(live_pg)
