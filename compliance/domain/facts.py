"""The base of every block of a submission, and the small types its fields share."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, StringConstraints
from pydantic_core import CoreSchema

from compliance.domain.base import Frozen
from compliance.domain.bounds import cap_sizes

CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. MA, FR, US."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Days = Annotated[int, Field(ge=0, le=36500)]


class Facts(Frozen):
    """Base of every block: unknown keys are errors, values are validated strictly, and every list, text and
    integer is capped (`bounds.py`) unless its field states a tighter limit."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        cap_sizes(schema)
        return schema


def fact(description: str) -> Any:
    """A stated-or-not fact: defaults to None, which means 'not stated'."""
    return Field(default=None, description=description)
