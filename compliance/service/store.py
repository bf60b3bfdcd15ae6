"""Opening the store a service runs on, and the stored records as the layers above see them."""

from __future__ import annotations

from pathlib import Path

from compliance.storage.accounts import AccountTables, tinydb_accounts
from compliance.storage.memory import memory_store
from compliance.storage.postgres import PoolSettings, open_admin_postgres, open_postgres_store
from compliance.storage.postgres.config import database_url
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
from compliance.storage.signing_keys import KeyRing, PublishedKey, default_key_dir
from compliance.storage.tinydb_files import QUARANTINE
from compliance.storage.tinydb_store import (
    open_admin_repositories,
    open_tinydb_store,
    prepare_data_dir,
)


def open_store(
    data_dir: Path,
    key_dir: Path | None = None,
    database_url: str | None = None,
    pool: PoolSettings | None = None,
) -> Store:
    """PostgreSQL when a database URL is configured (any number of processes, sharing the key folder);
    otherwise the embedded TinyDB store in `data_dir` (one process per data folder). The key folder (the
    signing key and the audit checkpoints) defaults to `<data folder>-keys`, beside the data folder."""
    if database_url:
        return open_postgres_store(database_url, open_key_ring(data_dir, key_dir), pool)
    return open_tinydb_store(data_dir, key_dir)


def missing_data_dir(data_dir: Path) -> str | None:
    """Why a command that reads a store cannot run on this folder (it must exist: reading never creates
    one), or None."""
    if not data_dir.exists():
        return f"no data folder at {data_dir} (give the --data-dir the server runs with)"
    if not data_dir.is_dir():
        return f"{data_dir} is not a folder (give the --data-dir the server runs with)"
    return None


def open_admin(data_dir: Path, key_dir: Path | None = None) -> tuple[AccessRepository, AuditRepository]:
    """Keys, organisations and the audit log, for commands run beside a live server: in the database
    when one is configured (COMPLIANCE_DATABASE_URL or its _FILE), otherwise in the data folder. Opening
    the data folder logs what a crash kept out of the audit log, the accounts' changes included."""
    url = database_url()
    if url:
        return open_admin_postgres(url)
    access, audit = open_admin_repositories(data_dir, key_dir)
    open_admin_accounts(data_dir, audit)
    return access, audit


def open_key_ring(data_dir: Path, key_dir: Path | None = None) -> KeyRing:
    return KeyRing(key_dir.resolve() if key_dir is not None else default_key_dir(data_dir))


def open_admin_accounts(data_dir: Path, audit: AuditRepository) -> AccountTables:
    """People's accounts, for `compliance admin create-user` run beside a live server; `audit` is the log
    that `open_admin` opened on the same folder."""
    root = prepare_data_dir(data_dir)
    return tinydb_accounts(root, root / QUARANTINE, audit)


__all__ = [
    "ApiKey",
    "AuditEntry",
    "KeyRing",
    "Organisation",
    "PoolSettings",
    "Project",
    "ProjectPage",
    "ProjectVersion",
    "PublishedKey",
    "Role",
    "Store",
    "StoredAssessment",
    "VersionStatus",
    "VersionSummary",
    "database_url",
    "default_key_dir",
    "memory_store",
    "missing_data_dir",
    "open_admin",
    "open_admin_accounts",
    "open_key_ring",
    "open_store",
]
