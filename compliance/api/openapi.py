"""The OpenAPI document: the generated one, plus the schemas of bodies that routes read themselves
(a submission in JSON or YAML), the problem document and a worked example."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from compliance.api.problems import Problem
from compliance.api.routes.reviews import ActionIn, CommentIn, JudgementIn
from compliance.api.schemas import ProjectCreate
from compliance.domain.submission import SCHEMA_VERSION, Submission

EXAMPLE_SUBMISSION: dict[str, Any] = {
    "schema_version": SCHEMA_VERSION,
    "project_name": "Darija customer-support chatbot",
    "description": "A chatbot answering customer questions in Darija and French.",
    "processes_personal_data": True,
    "live": False,
    "sectors": ["telecom"],
    "controller": {
        "name": "Atlas Connect SARL",
        "kind": "private_company",
        "country": "MA",
        "established_in_morocco": True,
    },
    "processings": [
        {
            "id": "support-chat",
            "name": "Customer support chatbot",
            "purposes": ["Answer customer questions about subscriptions and invoices"],
            "legal_basis": "contract",
            "data_categories": ["identification", "contact", "free_text_prompts"],
            "data_subjects": ["customers"],
        }
    ],
}

DESCRIPTION = """Law 09-08 (Morocco) compliance checks for AI projects.

Send `Authorization: Bearer <key>` with a key from `compliance admin create-key`. Submitter keys act for one
organisation; liaison keys read every organisation; admin keys manage organisations and keys. Every error is
an RFC 9457 problem document (`application/problem+json`) naming the fields at fault, without echoing the
values sent. Bodies are JSON or YAML, at most 1 MiB.
"""


def _extra_schemas() -> dict[str, Any]:
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        (Submission, "validation"),
        (ProjectCreate, "validation"),
        (ActionIn, "validation"),
        (JudgementIn, "validation"),
        (CommentIn, "validation"),
        (Problem, "serialization"),
    ]
    _, top = models_json_schema(models, ref_template="#/components/schemas/{model}")
    defs: dict[str, Any] = top.get("$defs", {})
    return defs


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=DESCRIPTION,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name, definition in _extra_schemas().items():
        schemas.setdefault(name, definition)
    components.setdefault("examples", {})["submission"] = {
        "summary": "A customer-support chatbot before launch",
        "value": EXAMPLE_SUBMISSION,
    }
    app.openapi_schema = schema
    return schema
