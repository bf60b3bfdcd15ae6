"""The test servers' start (`compliance.devserver`): a port taken by another socket between its choice and
the server's bind, as any outgoing connection of the host may take it, made the start fail (a flake of the
kill loops, which start a server tens of times while their writers open a connection a request)."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

import pytest

from compliance import devserver
from compliance.devserver import ServerProcess


def test_a_port_taken_before_the_server_binds_it_is_chosen_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    free_port = devserver.free_port
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        chosen = iter([busy])  # the first choice is taken by the time the server binds
        monkeypatch.setattr(devserver, "free_port", lambda: next(chosen, None) or free_port())
        server = ServerProcess(data_dir=tmp_path / "data", log_path=tmp_path / "server.log")
        server.start(extra_env={"COMPLIANCE_ASSESS_WORKERS": "0"})
        try:
            assert server.port != busy
            assert "address already in use" in server.log()
            with urllib.request.urlopen(server.url + "/readyz", timeout=10) as answer:
                assert answer.status == 200
        finally:
            server.stop()
