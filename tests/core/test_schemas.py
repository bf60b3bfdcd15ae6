"""The committed JSON Schemas are generated from the models; they must not drift, and every fact is described."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel

from compliance.domain.rules import Rule
from compliance.domain.submission import Submission

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS: dict[str, type[BaseModel]] = {"submission.schema.json": Submission, "rule.schema.json": Rule}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(name: str) -> None:
    committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    assert committed == SCHEMAS[name].model_json_schema(), f"schemas/{name} is stale: run `make schema`"


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    if model in seen:
        return
    seen.add(model)
    for field in model.model_fields.values():
        for sub in _nested(field.annotation):
            _models(sub, seen)


def _nested(annotation: object) -> list[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _nested(arg)]


def test_every_fact_is_described_and_optional() -> None:
    models: set[type[BaseModel]] = set()
    _models(Submission, models)
    required_top = {"schema_version", "project_name"}
    for model in models:
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
            if not (model is Submission and name in required_top):
                assert field.default is None, (
                    f"{model.__name__}.{name}: an unstated fact must default to None"
                )


def _unbounded(schema: object, where: str = "") -> list[str]:
    """Every array, text and integer of the schema that states no upper bound."""
    found: list[str] = []
    if isinstance(schema, dict):
        kind = schema.get("type")
        if kind == "array" and "maxItems" not in schema:
            found.append(where)
        if kind == "string" and not {"maxLength", "enum", "const", "format"} & schema.keys():
            found.append(where)
        if kind == "integer" and "maximum" not in schema:
            found.append(where)
        if isinstance(schema.get("additionalProperties"), dict) and "maxProperties" not in schema:
            found.append(where)
        for key, value in schema.items():
            found += _unbounded(value, f"{where}.{key}")
    elif isinstance(schema, list):
        for n, value in enumerate(schema):
            found += _unbounded(value, f"{where}[{n}]")
    return found


def test_every_list_text_and_number_of_a_submission_states_its_cap() -> None:
    schema = Submission.model_json_schema()
    assert _unbounded(schema) == []
    processings = schema["properties"]["processings"]["anyOf"][0]
    assert processings["maxItems"] == 200
