"""Where the database is: from the environment or a file, never the command line (where `ps` shows it).

COMPLIANCE_DATABASE_URL or COMPLIANCE_DATABASE_URL_FILE name the service's connection;
COMPLIANCE_MIGRATION_DATABASE_URL(_FILE) the owner's, for `compliance db upgrade`. A password may also
stay out of the URL altogether: libpq reads PGPASSWORD and ~/.pgpass (or PGPASSFILE) itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from compliance.i18n.said import said
from compliance.storage.errors import StoreError

SERVICE = "COMPLIANCE_DATABASE_URL"
MIGRATION = "COMPLIANCE_MIGRATION_DATABASE_URL"


class DatabaseNotConfigured(StoreError, ValueError):
    """The database settings are missing or unreadable (the message names the variable)."""


def database_url(variable: str = SERVICE, env: Mapping[str, str] | None = None) -> str | None:
    """The URL from `variable`, or read from the file named by `variable`_FILE; None when neither is set."""
    env = os.environ if env is None else env
    direct = env.get(variable)
    from_file = env.get(variable + "_FILE")
    if direct and from_file:
        raise DatabaseNotConfigured(said("database_twice", variable=variable))
    if from_file:
        path = Path(from_file)
        try:
            text = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise DatabaseNotConfigured(
                said("database_unreadable", variable=variable, path=path, reason=exc.strerror)
            ) from None
        if not text:
            raise DatabaseNotConfigured(said("database_empty", variable=variable, path=path))
        return text
    return direct or None


def require_url(variable: str = SERVICE) -> str:
    url = database_url(variable)
    if url is None:
        raise DatabaseNotConfigured(said("no_database", variable=variable))
    return url
