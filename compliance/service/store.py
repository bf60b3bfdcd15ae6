"""Opening the store a service runs on, and the stored records as the layers above see them."""

from __future__ import annotations

from pathlib import Path

from compliance.storage.memory import memory_store
from compliance.storage.protocol import AccessRepository, AuditRepository, Store
from compliance.storage.records import (
    ApiKey,
    AuditEntry,
    Organisation,
    Project,
    ProjectPage,
    ProjectVersion,
    Role,
    StoredAssessment,
    VersionStatus,
    VersionSummary,
)
from compliance.storage.tinydb_store import open_admin_repositories, open_tinydb_store


def open_store(data_dir: Path) -> Store:
    """The embedded TinyDB store for a server process (one process per data folder)."""
    return open_tinydb_store(data_dir)


def missing_data_dir(data_dir: Path) -> str | None:
    """Why a command that reads a store cannot run on this folder (it must exist: reading never creates
    one), or None."""
    if not data_dir.exists():
        return f"no data folder at {data_dir} (give the --data-dir the server runs with)"
    if not data_dir.is_dir():
        return f"{data_dir} is not a folder (give the --data-dir the server runs with)"
    return None


def open_admin(data_dir: Path) -> tuple[AccessRepository, AuditRepository]:
    """Keys, organisations and the audit log, for commands run beside a live server."""
    return open_admin_repositories(data_dir)


__all__ = [
    "ApiKey",
    "AuditEntry",
    "Organisation",
    "Project",
    "ProjectPage",
    "ProjectVersion",
    "Role",
    "Store",
    "StoredAssessment",
    "VersionStatus",
    "VersionSummary",
    "memory_store",
    "missing_data_dir",
    "open_admin",
    "open_store",
]
