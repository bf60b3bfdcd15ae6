"""What a use case can refuse. The API maps each to a status code; the CLI to a message."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic.config import JsonDict

from compliance.domain.field_errors import FieldError, describe
from compliance.i18n.catalogued import Catalogued
from compliance.i18n.languages import Lang
from compliance.i18n.said import Said, said
from compliance.storage.errors import AlreadyExists, StoreCorrupted, StoreError, StoreLocked


class ServiceError(Exception):
    """Base of refusals; the message is safe to show: it never holds submitted values."""


class Unauthenticated(ServiceError):
    """No key, an unknown key or a revoked key."""


class Forbidden(ServiceError):
    """A valid key whose role may not do this."""


class NotFound(ServiceError):
    """No such thing, or one the caller may not see (another organisation's project). The message never
    repeats the id asked for."""


# Refusals worded once, in English, without values: the API answers them in the request's language through
# the catalogue. Refusals worded with values are in the one table of `compliance/i18n/said.py`.
NO_PROJECT = "no such project"
NO_VERSION = "this project has no such version"
NO_FINDING = "this version has no such finding"
NO_RULE = "no such rule"
NO_API_KEY = "an API key is required: send 'Authorization: Bearer <key>'"
BAD_AUTHORIZATION = "the Authorization header must be 'Bearer <key>' with a key from 'compliance admin'"
UNKNOWN_API_KEY = "unknown API key"
REVOKED_API_KEY = "this API key was revoked"
ADMIN_ONLY = "only an administrator of the organisation may do this"
PROJECT_KEY_REUSED = "this Idempotency-Key was already used to create a different project"
VERSION_KEY_REUSED = "this Idempotency-Key was already used for a different submission"
_REFUSALS = (
    NO_PROJECT,
    NO_VERSION,
    NO_FINDING,
    NO_RULE,
    NO_API_KEY,
    BAD_AUTHORIZATION,
    UNKNOWN_API_KEY,
    REVOKED_API_KEY,
    ADMIN_ONLY,
    PROJECT_KEY_REUSED,
    VERSION_KEY_REUSED,
)
REFUSALS: Catalogued[str] = Catalogued("refusal", {text: text for text in _REFUSALS})


@dataclass(frozen=True)
class Wrong:
    """A field at fault, worded from the one table of texts (`compliance.i18n.said`) in any language."""

    path: str
    said: Said

    def error(self, lang: Lang | str) -> FieldError:
        params = {name: str(value) for name, value in self.said.values.items()}
        return FieldError(path=self.path, message=self.said.worded(lang), key=self.said.key, params=params)


class Worded(Protocol):
    """A field at fault worded in the language it is answered in (`Wrong`, or a pydantic error: `Unfit`)."""

    def error(self, lang: Lang | str) -> FieldError: ...


def wrong(path: str, key: str, /, **values: Any) -> Wrong:
    return Wrong(path, said(key, **values))


class InvalidRequest(ServiceError):
    """A request that names a field wrongly: its field `errors` (in English; `worded_errors(lang)` in a
    language)."""

    def __init__(self, errors: Sequence[FieldError | Worded]) -> None:
        self.wrong = list(errors)
        self.errors = self.worded_errors(Lang.en)
        super().__init__("; ".join(describe(e) for e in self.errors))

    def worded_errors(self, lang: Lang | str) -> list[FieldError]:
        return [e if isinstance(e, FieldError) else e.error(lang) for e in self.wrong]

    def worded(self, lang: Lang | str) -> str:
        return "; ".join(describe(e) for e in self.worded_errors(lang))


NO_NUL: JsonDict = {"pattern": r"^[^\x00]*$"}  # what refuse_nul refuses, said in a text field's JSON Schema


def refuse_nul(fields: Mapping[str, Any], under: str) -> None:
    """InvalidRequest naming the first of `fields` (our field names, their values as read) whose text holds a
    NUL character, which PostgreSQL stores in no text or JSON column; lists and nested mappings are searched."""

    def holds_nul(value: Any) -> bool:
        if isinstance(value, str):
            return "\x00" in value
        if isinstance(value, Mapping):
            return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
        return isinstance(value, list | tuple) and any(holds_nul(v) for v in value)

    for name, value in fields.items():
        if holds_nul(value):
            raise InvalidRequest([wrong(f"{under}.{name}", "nul_character")])


class IdempotencyMismatch(ServiceError):
    """An Idempotency-Key already used for a different request."""


__all__ = [
    "NO_NUL",
    "NO_PROJECT",
    "NO_VERSION",
    "AlreadyExists",
    "Forbidden",
    "IdempotencyMismatch",
    "InvalidRequest",
    "NotFound",
    "ServiceError",
    "StoreCorrupted",
    "StoreError",
    "StoreLocked",
    "Unauthenticated",
    "refuse_nul",
]
