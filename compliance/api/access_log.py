"""The access log of `compliance serve`: a line per answer, the line uvicorn's access log writes without colours
(`INFO:     127.0.0.1:50522 - "POST /api/v1/evaluate HTTP/1.1" 200 OK`), query string cut, never a body.

uvicorn's goes through `logging` for each request (a record, our query-string filter, a formatter that copies
the record, a write and a flush): about 50 us, a few per cent of a dry run's CPU. Here the line is formatted
directly and written at once, when the answer starts, as uvicorn does. The app takes the log over where uvicorn
would write it (`serve` without `--no-access-log`) and stdout is not a terminal, where uvicorn's coloured log
stays (tests/api/test_access_log.py compares both)."""

from __future__ import annotations

import http
import logging
import sys
from urllib.parse import quote

from starlette.types import Scope


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


_STATUS = {status: f"{status} {_phrase(status)}" for status in range(100, 600)}


def access_line(scope: Scope, status: int) -> str:
    """The line of one request, as uvicorn's AccessFormatter (without colours) and our filter make it."""
    client = scope.get("client")
    address = f"{client[0]}:{int(client[1])}" if client else ""
    shown = _STATUS.get(status) or f"{status} {_phrase(status)}"
    path = quote(scope["path"])
    return f'INFO:     {address} - "{scope["method"]} {path} HTTP/{scope["http_version"]}" {shown}\n'


def write_access_line(scope: Scope, status: int) -> None:
    """Onto stdout, where uvicorn's access log goes, flushed as its handler does."""
    out = sys.stdout
    out.write(access_line(scope, status))
    out.flush()


def take_over_access_log() -> bool:
    """In the factory uvicorn calls: whether the app writes the access log. uvicorn writes it where its
    `uvicorn.access` logger has handlers (`--no-access-log` removes them), checked for each connection; the
    app takes it over by removing them, unless stdout is a terminal."""
    access = logging.getLogger("uvicorn.access")
    if not access.handlers or sys.stdout.isatty():
        return False
    access.handlers = []
    access.propagate = False
    return True
