"""Field errors a founder understands, in French, Arabic or English: plain words for dates, country codes, versions
and numbers (never a raw regular expression), and "did you mean" for an unknown key or a misspelt value.

A suggestion always comes from the vocabulary (the keys of the model, the accepted values, or the member
names of an enumeration such as `darija` for `ary`): the submitted text is compared with it but never
repeated, so the same message is safe in an API answer.
"""

from __future__ import annotations

import difflib
import re
import types
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from compliance.domain.field_errors import FieldError
from compliance.domain.waivers import LEGAL_GROUND_PATTERN
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued
from compliance.i18n.languages import parse

# The messages, in English: the message ids of the one catalogue (French and Arabic come from there).
FIELD_MESSAGES: Catalogued[str] = Catalogued(
    "field error",
    {
        "unknown_key": "unknown key",
        "did_you_mean": "did you mean '{suggestion}'?",
        "allowed_keys": "the keys allowed here are: {keys}",
        "enum": "not one of the accepted values: {values}",
        "date": "expected a date written YYYY-MM-DD, e.g. 2026-03-31",
        "country": "expected a country as its two-letter ISO 3166 code in capitals, e.g. MA, FR, US",
        "version": 'this tool reads version {version} of the format: write schema_version: "{version}"',
        "identifier": "expected letters, digits, '_', '.' or '-' only (at most 64)",
        "pattern": "not written in the expected form (see the field's description in the schema)",
        "legal_ground": "expected an article of the law written like 'Art. 6(b)' or 'Decree Art. 29'",
        "integer": "expected a whole number",
        "number": "expected a number",
        "boolean": "expected true or false",
        "text": "expected a text",
        "mapping": "expected a mapping of facts (key: value lines)",
        "object": "expected a mapping of fields (key: value lines)",
        "list": "expected a list, e.g. [a, b]",
        "too_long_text": "at most {limit} characters",
        "too_long_list": "at most {limit} items",
        "too_short": "must not be empty",
        "too_short_text": "at least {limit} characters",
        "too_big": "at most {limit}",
        "too_small": "at least {limit}",
        "missing": "missing: this key is required",
        "bad_key": "a key of this mapping is not accepted",
        "not_here": "not accepted here",
        "position": "line {line}, column {column}",
        "more_errors": "and {count} more problems, not listed",
        "surrogate": "not valid text: it holds half of a UTF-16 surrogate pair (U+D800 to U+DFFF)",
    },
)

COUNTRY_PATTERN = "^[A-Z]{2}$"
IDENTIFIER_PATTERN = "^[A-Za-z0-9_.-]{1,64}$"
_BY_TYPE = {
    "date_from_datetime_parsing": "date",
    "date_parsing": "date",
    "date_type": "date",
    "date_from_datetime_inexact": "date",
    "int_parsing": "integer",
    "int_type": "integer",
    "int_from_float": "integer",
    "float_parsing": "number",
    "float_type": "number",
    "bool_parsing": "boolean",
    "bool_type": "boolean",
    "string_type": "text",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "dict_type": "mapping",
    "list_type": "list",
    "missing": "missing",
}


def unwrap(annotation: Any) -> Any:
    """`X | None` and `Annotated[X, ...]` -> X (a union of several types is left as it is)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            rest = [a for a in get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def _item(annotation: Any) -> Any:
    """The type of what a location reaches: through optional, annotated and list types."""
    inner = unwrap(annotation)
    return unwrap(get_args(inner)[0]) if get_origin(inner) is list else inner


def _target(model: type[BaseModel], loc: tuple[int | str, ...]) -> Any:
    """The model or type a location ends in (None when it leaves the model)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        inner = _item(current)
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)) or part not in inner.model_fields:
            return None
        current = inner.model_fields[part].annotation
    return _item(current)


def closest(word: str, vocabulary: list[str]) -> str | None:
    """The vocabulary word closest to `word` (case and separators aside), if close enough."""
    norm = {re.sub(r"[\s_-]+", "_", v.lower()): v for v in vocabulary}
    found = difflib.get_close_matches(re.sub(r"[\s_-]+", "_", word.lower()), list(norm), n=1, cutoff=0.6)
    return norm[found[0]] if found else None


def _enum_suggestion(enum: type[StrEnum], given: str) -> str | None:
    by_name = {m.name: m.value for m in enum}  # `darija` written for `ary`
    named = by_name.get(given.lower().replace(" ", "_").replace("-", "_"))
    if named is not None:
        return named
    guess = closest(given, [m.value for m in enum] + list(by_name))
    return by_name.get(guess, guess) if guess is not None else None


def words(lang: Lang | str) -> dict[str, str]:
    """The messages in `lang` (English for a language we do not have)."""
    return FIELD_MESSAGES[parse(str(lang)) or Lang.en]


def explain(
    model: type[BaseModel], err: ErrorDetails, lang: Lang | str = Lang.en, keys: list[str] | None = None
) -> tuple[str, dict[str, str], str]:
    """The message key, its parameters and the worded message for one validation error; `keys` are those
    allowed where an unknown key was found."""
    w = words(lang)
    loc = tuple(err["loc"])
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "extra_forbidden":
        guess = closest(str(loc[-1]), keys) if keys else None
        if guess:
            return (
                "unknown_key",
                {"suggestion": guess},
                w["unknown_key"] + "; " + w["did_you_mean"].format(suggestion=guess),
            )
        allowed = ", ".join(keys or [])
        return (
            "unknown_key",
            {"allowed": allowed},
            w["unknown_key"] + ("; " + w["allowed_keys"].format(keys=allowed) if keys else ""),
        )
    target = _target(model, loc)
    if kind == "enum" and isinstance(target, type) and issubclass(target, StrEnum):
        guess = _enum_suggestion(target, given) if isinstance(given, str) else None
        values = ", ".join(f"'{m.value}'" for m in target)
        params = {"values": values} | ({"suggestion": guess} if guess is not None else {})
        message = w["enum"].format(values=values)
        return (
            "enum",
            params,
            message + ("; " + w["did_you_mean"].format(suggestion=guess) if guess is not None else ""),
        )
    if kind == "literal_error" and loc == ("schema_version",):
        version = str(ctx.get("expected", "")).strip("'")
        return "version", {"version": version}, w["version"].format(version=version)
    if kind in ("enum", "literal_error") and ctx.get("expected"):  # outside the model: a query's vocabulary
        values = ", ".join(re.findall(r"'[^']*'", str(ctx["expected"]))) or str(ctx["expected"])
        return "enum", {"values": values}, w["enum"].format(values=values)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        named = {
            COUNTRY_PATTERN: "country",
            IDENTIFIER_PATTERN: "identifier",
            LEGAL_GROUND_PATTERN: "legal_ground",
        }
        key = named.get(pattern, "pattern")
        return key, {}, w[key]
    bound: tuple[str, object] | None = None
    if kind in ("string_too_long", "too_long"):
        bound = ("too_long_text" if kind == "string_too_long" else "too_long_list", ctx.get("max_length", ""))
    elif kind in ("less_than_equal", "less_than"):
        bound = ("too_big", ctx.get("le", ctx.get("lt", "")))
    elif kind in ("greater_than_equal", "greater_than"):
        bound = ("too_small", ctx.get("ge", ctx.get("gt", "")))
    elif kind == "string_too_short" and int(ctx.get("min_length", 1)) > 1:  # "not empty" would mislead
        bound = ("too_short_text", ctx["min_length"])
    if bound is not None:
        return bound[0], {"limit": str(bound[1])}, w[bound[0]].format(limit=bound[1])
    if kind in ("string_too_short", "too_short"):
        return "too_short", {}, w["too_short"]
    if kind in _BY_TYPE:
        return _BY_TYPE[kind], {}, w[_BY_TYPE[kind]]
    return kind, {}, err["msg"]


def worded_error(model: type[BaseModel], err: ErrorDetails, lang: Lang | str) -> FieldError:
    """One of pydantic's errors of `model` in `lang`, at the path pydantic gives (input never repeated)."""
    key, params, message = explain(model, err, lang)
    return FieldError(path=".".join(str(p) for p in err["loc"]), message=message, key=key, params=params)


def worded_errors(model: type[BaseModel], exc: ValidationError, lang: Lang | str) -> list[FieldError]:
    """pydantic's errors of a request body in `lang`."""
    return [worded_error(model, err, lang) for err in exc.errors(include_url=False)]


@dataclass(frozen=True)
class Unfit:
    """One of pydantic's errors of `model`, worded by `explain` in the language it is answered in (a use case
    that builds a model does not know the reader's language; `InvalidRequest.worded_errors` asks for it)."""

    model: type[BaseModel]
    detail: ErrorDetails
    under: str

    def error(self, lang: Lang | str) -> FieldError:
        return worded_error(self.model, self.detail, lang).under(self.under)


def unfit(model: type[BaseModel], exc: ValidationError, under: str) -> list[Unfit]:
    return [Unfit(model, detail, under) for detail in exc.errors(include_url=False)]
