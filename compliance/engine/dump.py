"""A model's JSON values with its string enums serialised as the strings they are, without calling Python.

pydantic-core serialises an enum member by reading its `value` in Python, about 35 times for a submission (a
third of the time of its dump). A `StrEnum` member *is* a string equal to its value, and pydantic-core's `str`
serializer writes a string subclass as a plain string in JSON mode: a copy of the model's core schema where such
enums are `str` gives the same JSON values and the same JSON, byte for byte (so the same `submission_hash`),
with no call back into Python. Enums that are not all strings equal to their values, or that carry their own
serialisation, are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic_core import SchemaSerializer

# The plain serializer made from a model's serializer, by the latter's id (kept beside it, so the id is not reused).
_made: dict[int, tuple[SchemaSerializer, SchemaSerializer]] = {}


def _str_enum(schema: dict[str, Any]) -> bool:
    members = schema.get("members", ())
    return (
        schema.get("sub_type") == "str"
        and "serialization" not in schema
        and all(isinstance(m, str) and str.__str__(m) == getattr(m, "value", None) for m in members)
    )


def enums_as_str(schema: Any) -> Any:
    """The core schema with every string enum serialised as `str` (validation is not what it is used for)."""
    if isinstance(schema, dict):
        if schema.get("type") == "enum" and _str_enum(schema):
            return {"type": "str"}
        return {k: enums_as_str(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [enums_as_str(v) for v in schema]
    return schema


def remade(built: Any, kind: Any, change: Callable[[Any], Any]) -> Any:
    """A pydantic-core validator or serializer made again, as `kind`, from its core schema changed by `change`."""
    schema, *rest = built.__reduce__()[1]  # (schema, config, ...): what it pickles as
    return kind(change(schema), *rest)


def plain_of(serializer: SchemaSerializer) -> SchemaSerializer:
    """The serializer made from the core schema of `serializer` by `enums_as_str`."""
    plain: SchemaSerializer = remade(serializer, SchemaSerializer, enums_as_str)
    return plain


def keep(serializer: SchemaSerializer, plain: SchemaSerializer) -> None:
    """Use `plain` for `serializer` (one kept between runs, see `compliance.service.validator_cache`)."""
    _made[id(serializer)] = (serializer, plain)


def plain_serializer(serializer: SchemaSerializer) -> SchemaSerializer:
    """`plain_of(serializer)`, made once for each serializer."""
    made = _made.get(id(serializer))
    if made is None or made[0] is not serializer:
        made = (serializer, plain_of(serializer))
        _made[id(serializer)] = made
    return made[1]
