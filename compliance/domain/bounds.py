"""Size caps every submission field gets unless it states a tighter one, so that no body yields an unbounded
assessment. They are written into the core schema pydantic validates with, hence into the JSON Schema too
(`maxItems`, `maxLength`, `maximum`): a field added later is capped without anyone remembering to."""

from __future__ import annotations

from typing import Any

MAX_ITEMS = 100  # items in any list (processings: MAX_PROCESSINGS)
MAX_PROCESSINGS = 200
MAX_TEXT = 10_000  # characters in any text without a tighter limit
MAX_INTEGER = 10**12  # no count, number of days or of persons comes near it

# Core-schema wrappers whose `schema` key is the schema of the value itself.
_WRAPPERS = frozenset(
    {"nullable", "default", "model-field", "model", "function-after", "function-before", "function-wrap"}
)


def cap_sizes(schema: Any) -> None:
    """Set the default caps, in place, wherever a list, text or integer of this model has none. Nested
    models are left alone: each caps its own fields when pydantic builds it."""
    kind = schema.get("type")
    if kind == "list":
        schema.setdefault("max_length", MAX_ITEMS)
        cap_sizes(schema["items_schema"])
    elif kind == "str":
        schema.setdefault("max_length", MAX_TEXT)
    elif kind == "int":
        schema.setdefault("le", MAX_INTEGER)
    elif kind == "dict":
        schema.setdefault("max_length", MAX_ITEMS)
        cap_sizes(schema["keys_schema"])
        cap_sizes(schema["values_schema"])
    elif kind == "union":
        for choice in schema["choices"]:
            cap_sizes(choice[0] if isinstance(choice, tuple) else choice)
    elif kind == "model-fields":
        for field in schema["fields"].values():
            cap_sizes(field)
    elif kind in _WRAPPERS:
        cap_sizes(schema["schema"])


# What the caps buy: no valid body under 1 MiB yields an assessment (its JSON) over this many bytes. The
# largest found is about 2.8 MB (bench/abuse_bench.py, tests/api/test_abuse.py); before the caps an 81.5 KB
# body of YAML aliases gave 113 MB.
MAX_ASSESSMENT_BYTES = 8_000_000
