"""Which organisation's rows the current request may touch, for adapters that enforce it themselves.

The service binds the scope when it authenticates a caller; the PostgreSQL adapter sets it in every
transaction, where row-level security applies it even to a query that forgot its own filter. Memory and
TinyDB rely on the filters in the code and ignore it. Nothing bound means no organisation's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

EVERY_ORGANISATION = "*"
NO_ORGANISATION = ""

_scope: ContextVar[str] = ContextVar("compliance_organisation_scope", default=NO_ORGANISATION)


def bind_scope(organisation: str | None, *, every: bool = False) -> None:
    """For the rest of this context (a request): one organisation, every one, or none."""
    _scope.set(EVERY_ORGANISATION if every else organisation or NO_ORGANISATION)


def current_scope() -> str:
    return _scope.get()


@contextmanager
def scoped(organisation: str | None, *, every: bool = False) -> Iterator[None]:
    """The scope for a block (commands run on the server machine, tests)."""
    token = _scope.set(EVERY_ORGANISATION if every else organisation or NO_ORGANISATION)
    try:
        yield
    finally:
        _scope.reset(token)
