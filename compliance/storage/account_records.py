"""The records of the web app's people: accounts, one-time links, sessions and drafts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.storage.records import Role


class User(Frozen):
    id: str
    email: str = Field(description="Lower-cased; unique.")
    display_name: str = Field(
        default="", max_length=120, description="The name shown to others; the e-mail if empty."
    )
    organisation: str | None = Field(description="None for CNDP liaisons and service admins.")
    role: Role
    org_admin: bool = False
    password_hash: str
    totp_secret: str | None = None
    totp_last_step: int = 0
    disabled: bool = False
    created_at: datetime
    password_changed_at: datetime

    @property
    def needs_second_factor(self) -> bool:
        """Liaisons, service admins and organisation admins must use TOTP."""
        return self.role in (Role.liaison, Role.admin) or self.org_admin


class TokenPurpose(StrEnum):
    invitation = "invitation"
    password_reset = "password_reset"


class OneTimeToken(Frozen):
    """An invitation or a password-reset link; only a hash of its secret is kept, and it is used once."""

    token_hash: str
    purpose: TokenPurpose
    email: str
    organisation: str | None
    role: Role
    org_admin: bool = False
    user_id: str | None = None
    created_by: str
    created_at: datetime
    expires_at: datetime


class WebSession(Frozen):
    """A signed-in browser. The cookie carries a random id; the store keeps only its hash."""

    id_hash: str
    user_id: str
    created_at: datetime
    last_seen: datetime
    csrf: str
    second_factor_done: bool


class Draft(Frozen):
    """A questionnaire being filled in: partial answers, possibly invalid, kept per organisation."""

    id: str
    organisation: str
    name: str
    answers: dict[str, Any] = Field(default_factory=dict)
    project_id: str | None = None
    created_at: datetime
    updated_at: datetime
    updated_by: str
