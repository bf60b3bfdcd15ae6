"""The access log the app writes for `compliance serve` (`access_log`): the very lines uvicorn's access log
wrote, through its formatter and our query-string filter, for any client, path, query and status."""

from __future__ import annotations

import io
import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient
from uvicorn.config import LOGGING_CONFIG
from uvicorn.logging import AccessFormatter
from uvicorn.protocols.utils import get_client_addr, get_path_with_query_string

from compliance.api.access_log import access_line
from compliance.api.app import _NoQueryStrings, create_app
from compliance.api.settings import Settings
from compliance.storage.memory import memory_store


def _uvicorns(scope: dict[str, Any], status: int) -> str:
    """What uvicorn's access logger (default configuration, no colours) writes for this answer."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(AccessFormatter(LOGGING_CONFIG["formatters"]["access"]["fmt"], use_colors=False))
    logger = logging.Logger("uvicorn.access.test")
    logger.addHandler(handler)
    logger.addFilter(_NoQueryStrings())
    logger.info(  # the call in uvicorn/protocols/http/httptools_impl.py
        '%s - "%s %s HTTP/%s" %d',
        get_client_addr(scope),  # type: ignore[arg-type]
        scope["method"],
        get_path_with_query_string(scope),  # type: ignore[arg-type]
        scope["http_version"],
        status,
    )
    return out.getvalue()


@pytest.mark.parametrize("status", [200, 201, 204, 304, 404, 413, 422, 429, 503, 500, 599, 299])
@pytest.mark.parametrize(
    ("client", "path", "query"),
    [
        (("127.0.0.1", 50522), "/api/v1/evaluate", b""),
        (("::1", 8000), "/api/v1/projects/p_1/versions", b"format=sarif&lang=ar"),
        (None, "/projets/été 2026/a?b", b"x=%20"),
        (("10.0.0.2", 1), "/", b"verdict=conforme"),
    ],
)
def test_each_line_is_uvicorns(client: tuple[str, int] | None, path: str, query: bytes, status: int) -> None:
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "query_string": query,
        "http_version": "1.1",
        "client": client,
    }
    assert access_line(scope, status) == _uvicorns(scope, status)


def test_the_app_logs_each_answer_and_no_body_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    for asked in (True, False):
        app = create_app(Settings(assess_workers=0, access_log=asked), repository=memory_store())
        with TestClient(app) as client:
            capsys.readouterr()
            client.get("/healthz?secret=1")
            client.post(
                "/api/v1/evaluate", content=b"project_name: SECRET", headers={"Content-Type": "text/yaml"}
            )
        out = capsys.readouterr().out
        if asked:
            assert out.splitlines() == [
                'INFO:     testclient:50000 - "GET /healthz HTTP/1.1" 422 Unprocessable Entity',
                'INFO:     testclient:50000 - "POST /api/v1/evaluate HTTP/1.1" 401 Unauthorized',
            ]
        else:
            assert out == ""


def test_the_app_takes_the_log_over_only_where_uvicorn_would_write_it_and_not_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from compliance.api.access_log import take_over_access_log

    access = logging.getLogger("uvicorn.access")
    monkeypatch.setattr(access, "handlers", [])
    monkeypatch.setattr(access, "propagate", False)
    assert not take_over_access_log()  # `--no-access-log`: uvicorn removed its handlers, nobody logs
    handler = logging.StreamHandler(io.StringIO())
    access.handlers = [handler]
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert not take_over_access_log() and access.handlers == [handler]  # a terminal: uvicorn's colours
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert take_over_access_log() and not access.hasHandlers()  # uvicorn sees no handler: it writes nothing
