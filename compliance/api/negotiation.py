"""Choosing a report format from `?format=` or, failing that, the Accept header."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from compliance.api.problem_words import NOT_ACCEPTABLE
from compliance.api.problems import ApiError
from compliance.reports import MEDIA_TYPES, ReportFormat


class ApiFormat(StrEnum):
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"
    html = "html"
    pdf = "pdf"


_BY_MEDIA = {
    "application/json": ReportFormat.json,
    "application/sarif+json": ReportFormat.sarif,
    "text/markdown": ReportFormat.markdown,
    "application/xml": ReportFormat.junit,
    "text/xml": ReportFormat.junit,
    "application/junit+xml": ReportFormat.junit,
    "text/html": ReportFormat.html,
    "application/pdf": ReportFormat.pdf,
    "application/*": ReportFormat.json,
    "text/*": ReportFormat.markdown,
    "*/*": ReportFormat.json,
}


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, position, media.lower()))
    return sorted(ranges)


def choose_format(fmt: ApiFormat | None, accept: str | None) -> ReportFormat:
    if fmt is not None:
        return ReportFormat(fmt.value)
    if not accept or not accept.strip():
        return ReportFormat.json
    for _, _, media in _ranges(accept):
        if media in _BY_MEDIA:
            return _BY_MEDIA[media]
    raise ApiError(
        406,
        "not-acceptable",
        NOT_ACCEPTABLE,
    )


def media_type(fmt: ReportFormat) -> str:
    return MEDIA_TYPES[fmt]


def report_responses(description: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": description,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Assessment"}},
                "text/markdown": {"schema": {"type": "string"}},
                "application/sarif+json": {"schema": {"type": "object"}},
                "application/xml": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    }
