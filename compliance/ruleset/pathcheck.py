"""Check every path of a condition against the submission model, and enumerated values against their enum.

A typo in a rule (`processings[].legal_bases`, `contains: cin_numbr`) is an error at load, never a rule that
silently evaluates to "unknown" forever.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict

from compliance.domain.derived import Derived
from compliance.domain.paths import parse_path
from compliance.domain.rules import (
    Affirmed,
    AllOf,
    AnyOf,
    Condition,
    Const,
    Contains,
    Count,
    Doubtful,
    Eq,
    Every,
    Exists,
    Gte,
    In,
    Intersects,
    IsFalse,
    IsTrue,
    Lte,
    Matches,
    Not,
    Some,
    SubsetOf,
)
from compliance.domain.submission import Submission

# Quantifiers over lists of scalars expose each item as `value`.
_SCALAR_ITEM = "value"


class _Facts(Submission):
    # Only its fields are read (never validated): building it would rebuild the whole submission model.
    model_config = ConfigDict(defer_build=True)

    derived: Derived | None = None


ROOT: type[BaseModel] = _Facts


def _unwrap(tp: Any) -> Any:
    """Strip Optional and Annotated."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _is_list(tp: Any) -> bool:
    return typing.get_origin(tp) is list


def _item(tp: Any) -> Any:
    return _unwrap(typing.get_args(tp)[0])


class PathError(ValueError):
    pass


def resolve_type(scope: Any, path: str) -> tuple[Any, bool]:
    """The type reached by `path` from `scope` and whether the path walks lists with `[]`.

    A path starting with `root.` is read from the whole submission, whatever the scope.
    """
    parsed = parse_path(path)
    tp = ROOT if parsed.from_root else scope
    last = len(parsed.segments) - 1
    for i, (name, each) in enumerate(parsed.segments):
        if tp is _SCALAR_ITEM:
            raise PathError(f"'{path}': items of this list are plain values, use the path 'value'")
        if not (isinstance(tp, type) and issubclass(tp, BaseModel)):
            raise PathError(f"'{path}': '{name}' is not inside a block of facts")
        field = tp.model_fields.get(name)
        if field is None:
            known = ", ".join(sorted(tp.model_fields))
            raise PathError(f"'{path}': unknown fact '{name}' (known here: {known})")
        tp = _unwrap(field.annotation)
        if each:
            if not _is_list(tp):
                raise PathError(f"'{path}': '{name}' is not a list, remove '[]'")
            tp = _item(tp)
        elif _is_list(tp) and i != last:
            raise PathError(f"'{path}': '{name}' is a list, write '{name}[]' to walk its items")
    return tp, parsed.walks_lists


def _enum_of(tp: Any) -> type[Enum] | None:
    if _is_list(tp):
        tp = _item(tp)
    return tp if isinstance(tp, type) and issubclass(tp, Enum) else None


def _check_values(path: str, tp: Any, values: list[Any]) -> None:
    """Each operand must be a value the fact can hold: a member of its enumeration, or of its type."""
    leaf = _item(tp) if _is_list(tp) else tp
    enum = _enum_of(tp)
    if enum is not None:
        allowed = {m.value for m in enum}
        bad = [v for v in values if v not in allowed]
        if bad:
            raise PathError(f"'{path}': {bad} not among the values of {enum.__name__}: {sorted(allowed)}")
        return
    kind = _kind(leaf)
    bad = [v for v in values if kind is not None and _kind(type(v)) != kind]
    if bad:
        raise PathError(f"'{path}': {bad} cannot be compared with a {kind} fact")


def _kind(tp: Any) -> str | None:
    """The family of values a type holds, for operand checks; None when the type is not a plain scalar."""
    if tp is bool:
        return "true/false"
    if tp in (int, float):
        return "number"
    if tp is str:
        return "text"
    if tp is date:
        return "date"
    return None


def _check_comparable(cond: Lte | Gte, scope: Any, tp: Any) -> None:
    """`lte`/`gte` read numbers or dates, and compare them with a value or a fact of the same family."""
    kind = _kind(tp)
    if kind not in ("number", "date"):
        raise PathError(f"'{cond.path}': '{cond.op}' needs a number or a date, not a {kind or 'block'} fact")
    if cond.to_path:
        other, _ = resolve_type(scope, cond.to_path)
        if _kind(other) != kind:
            raise PathError(f"'{cond.path}': '{cond.op}' compares a {kind} with '{cond.to_path}'")
    elif kind == "number" and _kind(type(cond.value)) != "number":
        raise PathError(f"'{cond.path}': '{cond.op}' compares a number with {cond.value!r}")
    elif kind == "date":
        raise PathError(f"'{cond.path}': '{cond.op}' compares a date only with another date fact ('to_path')")


def check_condition(cond: Condition, scope: Any = ROOT) -> None:
    """Raise PathError on the first path or value that does not fit the model."""
    if isinstance(cond, AllOf | AnyOf):
        for c in cond.of:
            check_condition(c, scope)
        return
    if isinstance(cond, Not | Doubtful):
        check_condition(cond.condition, scope)
        return
    if isinstance(cond, Const):
        return
    if scope is _SCALAR_ITEM and not cond.path.startswith("root."):
        if cond.path != _SCALAR_ITEM:
            raise PathError(f"'{cond.path}': items of this list are plain values, use the path 'value'")
        return
    tp, walked = resolve_type(scope, cond.path)
    if isinstance(cond, Every | Some):
        if not _is_list(tp) and not walked:
            raise PathError(f"'{cond.path}': '{cond.op}' needs a list")
        item = _item(tp) if _is_list(tp) else tp
        is_model = isinstance(item, type) and issubclass(item, BaseModel)
        check_condition(cond.condition, item if is_model else _SCALAR_ITEM)
        return
    if walked and not isinstance(cond, Contains | Intersects | SubsetOf | Count | Exists):
        raise PathError(
            f"'{cond.path}': '{cond.op}' cannot read a path with '[]'; use every/some, or contains/intersects"
        )
    if isinstance(cond, Eq | Contains):
        _check_values(cond.path, tp, [cond.value])
    elif isinstance(cond, In | Intersects | SubsetOf):
        _check_values(cond.path, tp, list(cond.values))
    elif isinstance(cond, IsTrue | IsFalse | Affirmed) and tp is not bool:
        raise PathError(f"'{cond.path}': '{cond.op}' needs a true/false fact")
    elif isinstance(cond, Lte | Gte):
        _check_comparable(cond, scope, tp)
    elif isinstance(cond, Count) and not (_is_list(tp) or walked):
        raise PathError(f"'{cond.path}': 'count' needs a list")
    elif (
        isinstance(cond, Matches)
        and _kind(tp) != "text"
        and not (isinstance(tp, type) and issubclass(tp, str))
    ):
        raise PathError(f"'{cond.path}': 'matches' needs a text fact")
