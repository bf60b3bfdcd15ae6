"""Server settings, read by pydantic-settings from COMPLIANCE_* environment variables (COMPLIANCE_DATA_DIR,
COMPLIANCE_KEY_DIR, COMPLIANCE_MAX_IN_FLIGHT, ...): `compliance serve` sets them so that uvicorn can build
the app from an import string (`compliance.api.app:app_from_environment`). An empty variable means the
default."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from compliance.service.store import PoolSettings, database_url

MAX_BODY_BYTES = 1024 * 1024


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COMPLIANCE_", env_ignore_empty=True, frozen=True)

    data_dir: Path = Path("data")
    key_dir: Path | None = None  # the signing key and the audit checkpoints; None: `<data_dir>-keys`
    rules_dir: Path | None = None
    max_in_flight: int = 8  # enough to overlap disk waits; more only adds contention for the GIL
    max_waiting: int = 512
    wait_seconds: float = 1.0
    retry_after: int = 1
    body_timeout: float = 20.0  # seconds for a whole request body to arrive (1 MiB at 50 KB/s)
    auth_failure_limit: int = 10  # failed authentications per client address and key id ...
    auth_failure_window: float = 60.0  # ... in this many seconds; beyond: 429
    assess_workers: int | None = None  # helper processes for assessing; None: one per spare core
    webhook_allow: str = (
        ""  # hosts, addresses or networks webhooks may reach though internal (tests: loopback)
    )
    webhook_retry: str = ""  # seconds before each retry, comma-separated; empty: the default schedule
    webhook_poll: float = 1.0  # seconds between passes of the webhook sender
    webhook_scan: float = 3600.0  # seconds between scans for waivers about to expire
    sign_in_spacing: float = 2.0  # seconds between attempts on a throttled address or account
    database_url: str | None = Field(default=None, repr=False)  # PostgreSQL instead of the data folder
    db_pool_size: int = 8
    db_pool_timeout: float = 2.0  # waiting for a free connection, then 503
    access_log: bool = (
        False  # the app writes the access log, not uvicorn (see access_log.take_over_access_log)
    )

    @model_validator(mode="before")
    @classmethod
    def _database_from_file(cls, data: Any) -> Any:
        """COMPLIANCE_DATABASE_URL_FILE names a file holding the URL (a secret mounted by the platform)."""
        if isinstance(data, dict) and data.get("database_url") is None:
            return {**data, "database_url": database_url()}
        return data

    @classmethod
    def from_environment(cls) -> Settings:
        return cls()

    def pool(self) -> PoolSettings:
        return PoolSettings(max_size=self.db_pool_size, timeout=self.db_pool_timeout)

    def workers(self) -> int:
        if self.assess_workers is not None:
            return self.assess_workers
        return max(0, min(4, (os.cpu_count() or 1) - 1))
