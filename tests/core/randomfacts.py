"""Random but valid submissions, walked from the model itself, for property-style tests of the engine."""

from __future__ import annotations

import random
import types
import typing
from datetime import date, timedelta
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from compliance.domain.submission import SCHEMA_VERSION, Submission

COUNTRIES = ["MA", "FR", "US", "IE", "DE", "CN", "CA", "AE", None]


def _value(tp: Any, rng: random.Random, depth: int, name: str) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _value(typing.get_args(tp)[0], rng, depth, name)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if rng.random() < 0.25:
            return None
        return _value(options[0], rng, depth, name)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_value(item, rng, depth + 1, name) for _ in range(rng.randint(0, 3 if depth < 3 else 1))]
    if origin is dict:
        return {}
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return build(tp, rng, depth + 1)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return rng.choice(list(tp)).value
    if tp is bool:
        return rng.random() < 0.5
    if tp is int:
        return rng.choice([0, 5, 10, 30, 90, 365, 4000])
    if tp is date:
        return (date(2024, 1, 1) + timedelta(days=rng.randint(0, 900))).isoformat()
    if tp is str:
        if "country" in name:
            return rng.choice([c for c in COUNTRIES if c])
        if name.endswith("_number"):
            return rng.choice(["D-W-85/2015", "A-PO-23/2024", "12345"])
        return rng.choice(["improve our services", "answer customer questions", "x"])
    if typing.get_origin(tp) is typing.Literal:
        return typing.get_args(tp)[0]
    return None


def build(model: type[BaseModel], rng: random.Random, depth: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        value = _value(field.annotation, rng, depth, name)
        if value is not None:
            out[name] = value
    return out


def value_paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested mappings and lists (the whole itself left out), depth first."""
    found = [here] if here else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += value_paths(value, (*here, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += value_paths(value, (*here, i))
    return found


def holder_of(data: Any, path: tuple[Any, ...]) -> Any:
    """The mapping or list that holds the value at `path` (under its last key)."""
    for key in path[:-1]:
        data = data[key]
    return data


def _drop(data: Any, loc: tuple[Any, ...]) -> None:
    del holder_of(data, loc)[loc[-1]]


def random_submission(seed: int) -> Submission:
    """A valid submission: values the generator cannot know are valid (patterns, lengths) are dropped."""
    rng = random.Random(seed)
    data = build(Submission, rng)
    data["schema_version"] = SCHEMA_VERSION
    data["project_name"] = f"random {seed}"
    for _ in range(50):
        try:
            return Submission.model_validate(data)
        except ValidationError as exc:
            for loc in sorted({e["loc"] for e in exc.errors()}, key=len, reverse=True):
                try:
                    _drop(data, loc)
                except (KeyError, IndexError, TypeError):
                    continue
    raise AssertionError(f"seed {seed}: could not build a valid submission")
