"""Who may do what: API keys bound to a role, and the checks every use case makes.

A key is `<key id>.<secret>`. Only sha256(secret) is stored: the secret is random (32 bytes), so a fast
hash is enough and the key is shown once, at creation. Roles:

- submitter: creates, submits, reads and deletes the projects of its one organisation;
- liaison: reads the projects of every organisation (and will review them);
- admin: organisations and keys.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from compliance.i18n.said import Choice, said
from compliance.service.errors import (
    BAD_AUTHORIZATION,
    NO_API_KEY,
    REVOKED_API_KEY,
    UNKNOWN_API_KEY,
    Forbidden,
    InvalidRequest,
    NotFound,
    Unauthenticated,
    wrong,
)
from compliance.storage.protocol import AccessRepository, AuditRepository
from compliance.storage.records import ORG_ID, ApiKey, AuditEvent, Organisation, Role
from compliance.storage.scope import bind_scope

_TOKEN = re.compile(r"^(key_[0-9a-f]{12})\.([A-Za-z0-9_-]{20,100})$")
CLI_ACTOR = "cli"
ORGANISATION_ROLES = (Role.submitter, Role.ci)  # keys bound to one organisation


@dataclass(frozen=True)
class Principal:
    key_id: str
    role: Role
    organisation: str | None

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            allowed = tuple(Choice(r.value) for r in roles)
            raise Forbidden(said("needs_role", roles=allowed, role=Choice(self.role.value)))

    def readable_organisation(self) -> str | None:
        """The one organisation a submitter may read, or None for a liaison (every organisation)."""
        self.require(Role.submitter, Role.liaison)
        return self.organisation if self.role is Role.submitter else None

    def can_read(self, organisation: str) -> bool:
        readable = self.readable_organisation()
        return readable is None or readable == organisation


def _hash(secret: str) -> str:
    return "sha256:" + hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Credentials:
    """What a request presented: its bearer token (None when absent or in another scheme) and whether it
    sent an Authorization header at all (a header in another scheme is still a guess)."""

    token: str | None
    presented: bool

    @classmethod
    def from_header(cls, authorization: str | None) -> Credentials:
        scheme, _, token = (authorization or "").strip().partition(" ")
        return cls(token.strip() if scheme.lower() == "bearer" else None, bool(authorization))

    def parts(self) -> re.Match[str] | None:
        return _TOKEN.match(self.token) if self.token is not None else None

    def claimed_key_id(self) -> str | None:
        """The key id a well-formed token claims, whether or not its secret is right."""
        match = self.parts()
        return match.group(1) if match else None


def bind_caller_scope(role: Role, organisation: str | None) -> None:
    """The store's own organisation scope for the rest of this request (row-level security in
    PostgreSQL): the organisation of a submitter or a CI key, every organisation for a liaison, none for
    an admin."""
    bind_scope(organisation if role in ORGANISATION_ROLES else None, every=role is Role.liaison)


def authenticate(access: AccessRepository, credentials: Credentials) -> Principal:
    if not credentials.presented:
        raise Unauthenticated(NO_API_KEY)
    match = credentials.parts()
    if match is None:
        raise Unauthenticated(BAD_AUTHORIZATION)
    key = access.get_key(match.group(1))
    if key is None or not hmac.compare_digest(key.secret_hash, _hash(match.group(2))):
        raise Unauthenticated(UNKNOWN_API_KEY)
    if not key.active:
        raise Unauthenticated(REVOKED_API_KEY)
    bind_caller_scope(key.role, key.organisation)
    return Principal(key_id=key.id, role=key.role, organisation=key.organisation)


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    return slug or "org"


def create_organisation(
    access: AccessRepository,
    audit: AuditRepository,
    name: str,
    org_id: str | None = None,
    actor: str = CLI_ACTOR,
) -> Organisation:
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidRequest([wrong("name", "name_length")])
    chosen = org_id or _slug(name)
    if not ORG_ID.match(chosen):
        raise InvalidRequest([wrong("id", "org_id_form")])
    org = Organisation(id=chosen, name=name, created_at=datetime.now(UTC))
    access.add_organisation(
        org, AuditEvent(actor=actor, action="organisation.created", organisation=org.id, target=org.id)
    )
    return org


def create_key(
    access: AccessRepository,
    audit: AuditRepository,
    role: Role,
    organisation: str | None = None,
    label: str = "",
    actor: str = CLI_ACTOR,
) -> tuple[ApiKey, str]:
    """A new key and its token. The token is returned once and never stored."""
    if role in ORGANISATION_ROLES:
        if not organisation:
            raise InvalidRequest([wrong("org", "key_needs_org", role=Choice(role.value))])
        if access.get_organisation(organisation) is None:
            raise NotFound(said("no_organisation", organisation=organisation))
    elif organisation:
        raise InvalidRequest([wrong("org", "key_unbound", role=Choice(role.value))])
    secret = secrets.token_urlsafe(32)
    key = ApiKey(
        id="key_" + secrets.token_hex(6),
        role=role,
        organisation=organisation if role in ORGANISATION_ROLES else None,
        label=label.strip()[:200],
        secret_hash=_hash(secret),
        created_at=datetime.now(UTC),
    )
    access.add_key(
        key,
        AuditEvent(
            actor=actor,
            action="key.created",
            organisation=key.organisation,
            target=key.id,
            details={"role": role.value},
        ),
    )
    return key, f"{key.id}.{secret}"


def revoke_key(
    access: AccessRepository, audit: AuditRepository, key_id: str, actor: str = CLI_ACTOR
) -> ApiKey:
    current = access.get_key(key_id)
    if current is None:
        raise NotFound(said("no_key", key=key_id))
    event = AuditEvent(actor=actor, action="key.revoked", organisation=current.organisation, target=key_id)
    revoked = access.revoke_key(key_id, datetime.now(UTC), event)  # logged only if it was active
    assert revoked is not None
    return revoked


def has_active_admin(access: AccessRepository) -> bool:
    return any(k.active and k.role is Role.admin for k in access.list_keys())


def list_organisations(access: AccessRepository, principal: Principal) -> list[Organisation]:
    principal.require(Role.admin, Role.liaison)
    return access.list_organisations()
