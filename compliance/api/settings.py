"""Server settings. `compliance serve` sets them through the environment so that uvicorn can build the app
from an import string (`compliance.api.app:app_from_environment`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from compliance.service.store import PoolSettings, database_url

MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Settings:
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
    sign_in_spacing: float = 2.0  # seconds between attempts on a throttled address or account
    database_url: str | None = field(default=None, repr=False)  # PostgreSQL instead of the data folder
    db_pool_size: int = 8
    db_pool_timeout: float = 2.0  # waiting for a free connection, then 503

    @classmethod
    def from_environment(cls) -> Settings:
        env = os.environ
        rules = env.get("COMPLIANCE_RULES_DIR")
        return cls(
            data_dir=Path(env.get("COMPLIANCE_DATA_DIR", "data")),
            key_dir=Path(keys) if (keys := env.get("COMPLIANCE_KEY_DIR")) else None,
            rules_dir=Path(rules) if rules else None,
            max_in_flight=int(env.get("COMPLIANCE_MAX_IN_FLIGHT", cls.max_in_flight)),
            max_waiting=int(env.get("COMPLIANCE_MAX_WAITING", cls.max_waiting)),
            wait_seconds=float(env.get("COMPLIANCE_WAIT_SECONDS", cls.wait_seconds)),
            body_timeout=float(env.get("COMPLIANCE_BODY_TIMEOUT", cls.body_timeout)),
            auth_failure_limit=int(env.get("COMPLIANCE_AUTH_FAILURE_LIMIT", cls.auth_failure_limit)),
            auth_failure_window=float(env.get("COMPLIANCE_AUTH_FAILURE_WINDOW", cls.auth_failure_window)),
            assess_workers=int(workers) if (workers := env.get("COMPLIANCE_ASSESS_WORKERS")) else None,
            sign_in_spacing=float(env.get("COMPLIANCE_SIGN_IN_SPACING", cls.sign_in_spacing)),
            database_url=database_url(),
            db_pool_size=int(env.get("COMPLIANCE_DB_POOL_SIZE", cls.db_pool_size)),
            db_pool_timeout=float(env.get("COMPLIANCE_DB_POOL_TIMEOUT", cls.db_pool_timeout)),
        )

    def pool(self) -> PoolSettings:
        return PoolSettings(max_size=self.db_pool_size, timeout=self.db_pool_timeout)

    def workers(self) -> int:
        if self.assess_workers is not None:
            return self.assess_workers
        return max(0, min(4, (os.cpu_count() or 1) - 1))
