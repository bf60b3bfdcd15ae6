"""Plain Python that validates a submission as pydantic does, written from the model's pydantic-core schema.

A warm `compliance check` of a valid file can then read it without importing pydantic's validators or the
submission's ninety models. The generated `validate(data)` takes the data as strict JSON validation sees them
(`compliance.service.submissions.validate_submission`: upgraded, whole numbers as integers, gone through JSON)
and returns the facts the engine reads (the model dumped in JSON mode), or None when it is not sure: anything
wrong, unusual or not checked here returns None, and the caller then runs pydantic, which accepts it or words
what is wrong. So the code may refuse more than pydantic, never less, and what it accepts it writes exactly.

`source_of` writes only the schema kinds it knows (models with extra fields forbidden, strict strings, integers
and booleans, string enums and literals, dates, lists, dicts, nullable fields with JSON defaults, and the field
validators of `AFTER`); any other kind, option or function raises `Unsupported`: then there is no fast path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any


class Unsupported(ValueError):
    """The schema holds something this generator does not write."""


# Functions run after a field's validation, by module and qualified name: the expression doing the same on a
# validated JSON value `v` (their keys are strings then, and strings sort as the enums they stand for).
AFTER = {
    "compliance.domain.facts_processing:Retention._canonical_order": "None if v is None else dict(sorted(v.items()))",
}

# Keys of each kind of schema that are written (`type`, `metadata` and `ref` aside); any other is refused.
_KNOWN = {
    "model": {"cls", "config", "custom_init", "root_model", "schema"},
    "model-fields": {"fields", "model_name", "computed_fields"},
    "model-field": {"schema"},
    "default": {"default", "schema"},
    "nullable": {"schema"},
    "str": {"min_length", "max_length", "pattern"},
    "int": {"ge", "le"},
    "bool": set(),
    "date": set(),
    "enum": {"cls", "members", "sub_type"},
    "literal": {"expected"},
    "list": {"items_schema", "min_length", "max_length"},
    "dict": {"keys_schema", "values_schema", "min_length", "max_length"},
    "function-after": {"function", "schema"},
    "definitions": {"schema", "definitions"},
    "definition-ref": {"schema_ref"},
}

PRELUDE = '''
import re as _re
from datetime import date as _date


class Unsure(Exception):
    pass


_DATE = _re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _str(v, low, high, pattern):
    if type(v) is not str or len(v) < low or (high is not None and len(v) > high):
        raise Unsure
    # Pydantic matches patterns with Rust's regex crate: printable ASCII reads the same in both.
    if pattern is not None and not (v.isascii() and v.isprintable() and pattern.search(v)):
        raise Unsure
    return v


def _int(v, ge, le):
    if type(v) is not int or (ge is not None and v < ge) or (le is not None and v > le):
        raise Unsure
    return v


def _bool(v):
    if v is not True and v is not False:
        raise Unsure
    return v


def _date_text(v):
    if type(v) is not str or not _DATE.fullmatch(v) or _date.fromisoformat(v).isoformat() != v:
        raise Unsure
    return v


def _in(v, allowed):
    if type(v) is not str or v not in allowed:
        raise Unsure
    return v


def _sized(v, kind, low, high):
    if type(v) is not kind or len(v) < low or (high is not None and len(v) > high):
        raise Unsure
    return v


def validate(data):
    """The facts, or None when pydantic has to say."""
    try:
        return _model_0(data)
    except Exception:
        return None
'''


class _Writer:
    def __init__(self, definitions: dict[str, Any]) -> None:
        self.definitions = definitions
        self.functions: list[str] = []
        self.names: dict[str, str] = {}  # a model's ref -> its function
        self.constants: list[str] = []

    def constant(self, text: str) -> str:
        name = f"_C{len(self.constants)}"
        self.constants.append(f"{name} = {text}")
        return name

    def model(self, schema: dict[str, Any]) -> str:
        """The name of the function validating this model (written once per ref)."""
        ref = schema.get("ref")
        if ref is not None and ref in self.names:
            return self.names[ref]
        name = f"_model_{len(self.names)}"
        self.names[ref or name] = name
        _check(schema, "model")
        config = schema.get("config") or {}
        if (
            schema.get("custom_init")
            or schema.get("root_model")
            or set(config) - {"title", "extra_fields_behavior"}
        ):
            raise Unsupported(f"model options {sorted(config)}")
        if config.get("extra_fields_behavior") != "forbid":
            raise Unsupported("a model that does not forbid extra fields")
        fields_schema = schema["schema"]
        _check(fields_schema, "model-fields")
        if fields_schema.get("computed_fields"):
            raise Unsupported("computed fields")
        fields: dict[str, Any] = fields_schema["fields"]
        allowed = self.constant(repr(frozenset(fields)))
        lines = [
            f"def {name}(data):",
            "    if type(data) is not dict or not data.keys() <= " + allowed + ":",
            "        raise Unsure",
            "    out = {}",
        ]
        for field, spec in fields.items():
            _check(spec, "model-field")
            inner = spec["schema"]
            if inner["type"] == "default":
                _check(inner, "default")
                default = _json_literal(inner["default"])
                value = self.value(inner["schema"], f"data[{field!r}]")
                lines.append(f"    out[{field!r}] = {value} if {field!r} in data else {default}")
            else:
                lines.append(f"    out[{field!r}] = {self.value(inner, f'data[{field!r}]')}")
        lines.append("    return out")
        self.functions.append("\n".join(lines))
        return name

    def value(self, schema: dict[str, Any], v: str) -> str:
        """An expression validating the JSON value `v` and giving its facts (raising `Unsure` otherwise)."""
        kind = schema.get("type")
        if kind not in _KNOWN:
            raise Unsupported(f"schema kind {kind!r}")
        _check(schema, kind)
        if kind == "model":
            return f"{self.model(schema)}({v})"
        if kind == "definition-ref":
            return self.value(self.definitions[schema["schema_ref"]], v)
        if kind == "nullable":
            return f"(None if {v} is None else {self.value(schema['schema'], v)})"
        if kind == "str":
            pattern = schema.get("pattern")
            compiled = "None" if pattern is None else self.constant(f"_re.compile({_anchored(pattern)!r})")
            return f"_str({v}, {schema.get('min_length', 0)}, {schema.get('max_length')}, {compiled})"
        if kind == "int":
            return f"_int({v}, {schema.get('ge')!r}, {schema.get('le')!r})"
        if kind == "bool":
            return f"_bool({v})"
        if kind == "date":
            return f"_date_text({v})"
        if kind == "enum":
            return f"_in({v}, {self.constant(repr(frozenset(_enum_values(schema))))})"
        if kind == "literal":
            expected = schema["expected"]
            if not all(type(e) is str for e in expected):
                raise Unsupported("a literal that is not text")
            return f"_in({v}, {self.constant(repr(frozenset(expected)))})"
        if kind == "list":
            return self.function("list", schema, v, lambda item: self.value(schema["items_schema"], item))
        if kind == "dict":
            return self.function("dict", schema, v, None)
        if kind == "function-after":
            return self.after(schema, v)
        raise Unsupported(f"schema kind {kind!r} here")

    def function(self, kind: str, schema: dict[str, Any], v: str, item: Callable[[str], str] | None) -> str:
        name = f"_{kind}_{len(self.functions)}"
        self.functions.append("")  # the slot, so that nested functions get other numbers
        slot = len(self.functions) - 1
        low, high = schema.get("min_length", 0), schema.get("max_length")
        head = f"def {name}(data):\n    data = _sized(data, {kind}, {low}, {high})\n"
        if item is not None:
            body = f"    return [{item('x')} for x in data]"
        else:
            keys, values = self.value(schema["keys_schema"], "k"), self.value(schema["values_schema"], "x")
            body = f"    return {{{keys}: {values} for k, x in data.items()}}"
        self.functions[slot] = head + body
        return f"{name}({v})"

    def after(self, schema: dict[str, Any], v: str) -> str:
        function = schema["function"]
        if function.get("type") != "no-info":
            raise Unsupported("a validator that takes information")
        fn = function["function"]
        key = f"{getattr(fn, '__module__', '')}:{getattr(fn, '__qualname__', '')}"
        if key not in AFTER:
            raise Unsupported(f"the validator {key}")
        name = f"_after_{len(self.functions)}"
        self.functions.append("")
        slot = len(self.functions) - 1
        inner = self.value(schema["schema"], "v")
        self.functions[slot] = f"def {name}(v):\n    v = {inner}\n    return {AFTER[key]}"
        return f"{name}({v})"


def _check(schema: dict[str, Any], kind: str) -> None:
    extra = set(schema) - _KNOWN[kind] - {"type", "metadata", "ref"}
    if extra:
        raise Unsupported(f"{kind} with {sorted(extra)}")


def _anchored(pattern: str) -> str:
    """Only a pattern anchored at both ends: searched or matched, it then means the same."""
    if not (pattern.startswith("^") and pattern.endswith("$")) or "\\" in pattern or "(?" in pattern:
        raise Unsupported(f"the pattern {pattern!r}")
    re.compile(pattern)
    return pattern


def _enum_values(schema: dict[str, Any]) -> list[str]:
    values = [getattr(m, "value", m) for m in schema["members"]]
    if schema.get("sub_type") != "str" or not all(type(v) is str for v in values):
        raise Unsupported("an enum whose values are not text")
    return values


def _json_literal(value: Any) -> str:
    if value is None or type(value) in (bool, int, str):
        return repr(value)
    raise Unsupported(f"the default {value!r}")


def source_of(core_schema: Mapping[str, Any]) -> str:
    """The module's source: `validate(data)` as described above. Raises `Unsupported`."""
    schema = dict(core_schema)
    definitions: dict[str, Any] = {}
    if schema.get("type") == "definitions":
        _check(schema, "definitions")
        definitions = {d["ref"]: d for d in schema["definitions"]}
        schema = schema["schema"]
    if schema.get("type") != "model":
        raise Unsupported("the submission is not a model")
    writer = _Writer(definitions)
    writer.model(schema)
    return "\n".join([PRELUDE, *writer.constants, "", *(f + "\n" for f in writer.functions)])
