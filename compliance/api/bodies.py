"""Request bodies: JSON or YAML by Content-Type, read with the same parser as the command line."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, Field, ValidationError

from compliance.api.problem_words import DETAILS, NO_MEDIA, UNSUPPORTED_MEDIA, scope_lang
from compliance.api.problems import ApiError
from compliance.domain.field_errors import FieldError
from compliance.service.errors import NO_NUL, InvalidRequest, refuse_nul
from compliance.service.field_messages import worded_errors, words
from compliance.service.submissions import parse_data

M = TypeVar("M", bound=BaseModel)

JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def read_raw(request: Request) -> tuple[bytes, bool]:
    """The body and whether it is JSON (else YAML); 415 for any other media type."""
    media = _media_type(request)
    if media not in JSON_TYPES + YAML_TYPES:
        lang = scope_lang(request.scope)
        shown = f"'{media}'" if media else DETAILS[lang][NO_MEDIA]
        raise ApiError(415, "unsupported-media-type", UNSUPPORTED_MEDIA, params={"media": shown})
    return await request.body(), media in JSON_TYPES


async def read_data(request: Request) -> Any:
    raw, is_json = await read_raw(request)
    return parse_data(raw, "body", json_only=is_json)


def optional_text(limit: int, description: str) -> Any:
    """An optional text field of a typed body: at most `limit` characters, and no NUL (`body_of` refuses
    one; the schema says so)."""
    return Field(default=None, max_length=limit, description=description, json_schema_extra=NO_NUL)


def body_of(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    """A dependency giving a route its typed body, read as JSON or YAML by the strict parser (duplicate
    keys, depth and long numbers refused, with line and column) and validated against `model`."""

    async def typed_body(request: Request) -> M:
        data = await read_data(request)
        lang = scope_lang(request.scope)
        if not isinstance(data, dict):
            raise InvalidRequest([FieldError(path="body", message=words(lang)["object"], key="object")])
        try:
            body = model.model_validate(data)
        except ValidationError as exc:
            raise InvalidRequest([e.under("body") for e in worded_errors(model, exc, lang)]) from None
        refuse_nul(body.model_dump(), "body")
        return body

    return typed_body


def submission_body(description: str) -> dict[str, Any]:
    """The OpenAPI request body of a route that reads a submission itself (JSON or YAML)."""
    ref = {"$ref": "#/components/schemas/Submission"}
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {
                media: {"schema": ref, "examples": {"chatbot": {"$ref": "#/components/examples/submission"}}}
                for media in ("application/json", "application/yaml")
            },
        }
    }
