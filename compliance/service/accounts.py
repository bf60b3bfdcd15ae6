"""People's accounts: e-mail and argon2id password, TOTP, invitations and admin-issued password resets.

Accounts resolve to the same `Principal` as API keys (its `key_id` is the user id), so every use case keeps
one set of access rules. Audit entries name users by id, never by e-mail. A stored change hands its event
to the repository, which writes both together (crash-safe); `record` logs what changes nothing stored.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from compliance.i18n.said import Choice, said
from compliance.service.access import CLI_ACTOR, Principal
from compliance.service.errors import ADMIN_ONLY, Forbidden, InvalidRequest, NotFound, wrong
from compliance.storage.accounts import AccountTables, OneTimeToken, TokenPurpose, User
from compliance.storage.protocol import AccessRepository, AuditRepository
from compliance.storage.records import AuditEvent, Role

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
TOKEN_LIFETIME = timedelta(days=7)
TOTP_ISSUER = "compliance-0908"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]{1,63}$")
# argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 0.1 s here, where the library's default
# (64 MiB, 3 passes, 4 lanes) took 0.6 s per sign-in on the shared 2-core machine. Hashes carry their
# parameters, so raising them later keeps old hashes valid (check_needs_rehash).
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


def check_email(email: str) -> str:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise InvalidRequest([wrong("email", "not_email")])
    return email


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidRequest([wrong("password", "password_length", least=MIN_PASSWORD, most=MAX_PASSWORD)])
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(check_password(password))


def password_matches(user: User | None, password: str) -> bool:
    """Constant work whether or not the account exists."""
    try:
        return _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return "sha256:" + hashlib.sha256(token.encode()).hexdigest()


def principal_of(user: User) -> Principal:
    return Principal(key_id=user.id, role=user.role, organisation=user.organisation)


def totp_matches(user: User, code: str, at: datetime | None = None) -> int | None:
    """The time step the code belongs to, when it is right and newer than the last one used (no replay)."""
    if user.totp_secret is None or not re.fullmatch(r"\d{6}", code.strip()):
        return None
    totp = pyotp.TOTP(user.totp_secret)
    now = (at or datetime.now(UTC)).timestamp()
    for drift in (0, -1, 1):
        step = int(now // totp.interval) + drift
        if step > user.totp_last_step and secrets.compare_digest(totp.at(step * totp.interval), code.strip()):
            return step
    return None


def totp_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def event(
    actor: str, action: str, organisation: str | None, target: str | None, **details: str | int | None
) -> AuditEvent:
    return AuditEvent(actor=actor, action=action, organisation=organisation, target=target, details=details)


@dataclass
class IssuedLink:
    token: str
    record: OneTimeToken


class Accounts:
    def __init__(self, access: AccessRepository, audit: AuditRepository, repo: AccountTables) -> None:
        self.access = access
        self.audit = audit
        self.repo = repo

    def record(
        self,
        actor: str,
        action: str,
        organisation: str | None,
        target: str | None,
        **details: str | int | None,
    ) -> None:
        """Log an event that goes with no stored change (a sign-in, a sign-out)."""
        self.audit.append(event(actor, action, organisation, target, **details))

    # -- creating ----------------------------------------------------------------------------------------
    def create_user(
        self,
        email: str,
        password: str,
        role: Role,
        organisation: str | None,
        *,
        org_admin: bool = False,
        actor: str = CLI_ACTOR,
    ) -> User:
        if role is Role.submitter:
            if not organisation or self.access.get_organisation(organisation) is None:
                raise NotFound(said("no_organisation", organisation=organisation))
        elif organisation or org_admin:
            raise InvalidRequest([wrong("org", "account_unbound", role=Choice(role.value))])
        now = datetime.now(UTC)
        user = User(
            id="usr_" + secrets.token_hex(6),
            email=check_email(email),
            organisation=organisation if role is Role.submitter else None,
            role=role,
            org_admin=org_admin,
            password_hash=hash_password(password),
            created_at=now,
            password_changed_at=now,
        )
        self.repo.add_user(
            user,
            event(
                actor, "user.created", user.organisation, user.id, role=role.value, org_admin=int(org_admin)
            ),
        )
        return user

    def _issue(
        self,
        purpose: TokenPurpose,
        actor: User,
        email: str,
        user: User | None,
        org_admin: bool,
        issued: AuditEvent,
    ) -> IssuedLink:
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        record = OneTimeToken(
            token_hash=token_hash(token),
            purpose=purpose,
            email=email,
            organisation=actor.organisation,
            role=Role.submitter,
            org_admin=org_admin,
            user_id=user.id if user else None,
            created_by=actor.id,
            created_at=now,
            expires_at=now + TOKEN_LIFETIME,
        )
        self.repo.add_token(record, issued)
        return IssuedLink(token, record)

    def require_org_admin(self, actor: User) -> str:
        if not actor.org_admin or actor.organisation is None:
            raise Forbidden(ADMIN_ONLY)
        return actor.organisation

    def invite(self, actor: User, email: str, org_admin: bool = False) -> IssuedLink:
        organisation = self.require_org_admin(actor)
        email = check_email(email)
        if self.repo.find_user(email) is not None:
            raise InvalidRequest([wrong("email", "email_taken")])
        invited = event(actor.id, "user.invited", organisation, None, org_admin=int(org_admin))
        return self._issue(TokenPurpose.invitation, actor, email, None, org_admin, invited)

    def pending_token(self, token: str, purpose: TokenPurpose) -> OneTimeToken:
        record = self.repo.peek_token(token_hash(token))
        if record is None or record.purpose is not purpose or record.expires_at < datetime.now(UTC):
            raise NotFound(said("link_unknown"))
        return record

    def accept_invitation(self, token: str, password: str) -> User:
        record = self.pending_token(token, TokenPurpose.invitation)
        check_password(password)
        taken = self.repo.take_token(record.token_hash)
        if taken is None:
            raise NotFound(said("link_used"))
        return self.create_user(
            taken.email,
            password,
            Role.submitter,
            taken.organisation,
            org_admin=taken.org_admin,
            actor=taken.created_by,
        )

    def user_of_org(self, actor: User, user_id: str) -> User:
        organisation = self.require_org_admin(actor)
        user = self.repo.get_user(user_id)
        if user is None or user.organisation != organisation:
            raise NotFound(said("no_user", user=user_id))
        return user

    def issue_reset(self, actor: User, user_id: str) -> IssuedLink:
        user = self.user_of_org(actor, user_id)
        issued = event(actor.id, "user.password_reset_issued", user.organisation, user.id)
        return self._issue(TokenPurpose.password_reset, actor, user.email, user, user.org_admin, issued)

    def reset_password(self, token: str, password: str) -> User:
        record = self.pending_token(token, TokenPurpose.password_reset)
        check_password(password)
        if self.repo.take_token(record.token_hash) is None or record.user_id is None:
            raise NotFound(said("link_used"))
        user = self.repo.get_user(record.user_id)
        if user is None:
            raise NotFound(said("account_gone"))
        return self._set_password(user, password, actor=record.created_by)

    def change_password(self, user: User, current: str, new: str) -> User:
        if not password_matches(user, current):
            raise InvalidRequest([wrong("current_password", "wrong_password")])
        return self._set_password(user, new, actor=user.id)

    def _set_password(self, user: User, password: str, actor: str) -> User:
        changed = user.model_copy(
            update={"password_hash": hash_password(password), "password_changed_at": datetime.now(UTC)}
        )
        self.repo.save_user(changed, event(actor, "user.password_changed", user.organisation, user.id))
        self.repo.delete_user_sessions(user.id)  # every session ends with the old password
        return changed

    def set_disabled(self, actor: User, user_id: str, disabled: bool) -> User:
        user = self.user_of_org(actor, user_id)
        if user.id == actor.id:
            raise InvalidRequest([wrong("user", "own_account")])
        changed = user.model_copy(update={"disabled": disabled})
        action = "user.disabled" if disabled else "user.enabled"
        self.repo.save_user(changed, event(actor.id, action, user.organisation, user.id))
        self.repo.delete_user_sessions(user.id)
        return changed

    def set_org_admin(self, actor: User, user_id: str, org_admin: bool) -> User:
        """A role change ends the user's sessions: the next sign-in asks for the second factor if needed."""
        user = self.user_of_org(actor, user_id)
        changed = user.model_copy(update={"org_admin": org_admin})
        self.repo.save_user(
            changed,
            event(actor.id, "user.role_changed", user.organisation, user.id, org_admin=int(org_admin)),
        )
        self.repo.delete_user_sessions(user.id)
        return changed

    # -- second factor -----------------------------------------------------------------------------------
    @staticmethod
    def new_totp_secret() -> str:
        return pyotp.random_base32()

    def enable_totp(self, user: User, secret: str, code: str) -> User:
        candidate = user.model_copy(update={"totp_secret": secret, "totp_last_step": 0})
        step = totp_matches(candidate, code)
        if step is None:
            raise InvalidRequest([wrong("code", "code_mismatch")])
        changed = candidate.model_copy(update={"totp_last_step": step})
        self.repo.save_user(changed, event(user.id, "user.totp_enabled", user.organisation, user.id))
        return changed

    def check_totp(self, user: User, code: str) -> bool:
        step = totp_matches(user, code)
        if step is None:
            return False
        return self.repo.use_totp_step(user.id, step)  # not save_user: the user read may be stale

    # -- erasure -----------------------------------------------------------------------------------------
    def erase_user(self, actor: User, user: User) -> None:
        """The account is removed (the audit log keeps a tombstone with its id only)."""
        self.repo.delete_user_sessions(user.id)
        self.repo.delete_user(user.id, event(actor.id, "user.erased", user.organisation, user.id))
