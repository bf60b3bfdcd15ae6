"""Field errors as data, from the loader and the validators to the API and the CLI.

A `FieldError` names where (a path of our own model, empty for the whole file), what (a message key and its
parameters, and the message already worded in the language asked), and the line and column of the text when
they are known. Nothing is formatted into a `path: message` string to be split apart again: `describe` is the
one formatter, for people (the CLI, the web app, rule pack errors); the API sends the fields themselves.
"""

from __future__ import annotations

import re

from pydantic import Field, ValidationError

from compliance.domain.base import Frozen

WHOLE_FILE = ""  # the path of an error about the whole text: not readable, not a mapping, too large


class FieldError(Frozen):
    path: str = Field(
        description="Where: 'controller.country', 'processings.0.legal_basis'; '' for the whole text."
    )
    message: str = Field(description="What is wrong, in plain words; never the value submitted.")
    key: str | None = Field(
        default=None, description="The message's key, e.g. 'unknown_key', 'date', 'enum'."
    )
    params: dict[str, str] = Field(default_factory=dict, description="The values the message is worded with.")
    line: int | None = Field(default=None, description="Line of the text where the problem is, when known.")
    column: int | None = Field(default=None, description="Column of the text, when known.")

    def under(self, prefix: str) -> FieldError:
        """The same error with its path under `prefix` (the API's `body`, `query`, `header`)."""
        return self.model_copy(update={"path": f"{prefix}.{self.path}" if self.path else prefix})


def whole_file(message: str, key: str | None = None, **params: str) -> FieldError:
    return FieldError(path=WHOLE_FILE, message=message, key=key, params=params)


_MENTIONED = re.compile(r"line (\d+), column (\d+)")


def yaml_error(message: str) -> FieldError:
    """A text the YAML reader refused: its message names the place, kept as the line and column too."""
    found = _MENTIONED.search(message)
    line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
    return FieldError(path=WHOLE_FILE, message=message, key="yaml", line=line, column=column)


def validation_errors(exc: ValidationError) -> list[FieldError]:
    """pydantic's errors as field errors, without the offending input."""
    return [
        FieldError(path=".".join(str(p) for p in err["loc"]), message=err["msg"], key=err["type"])
        for err in exc.errors(include_input=False, include_url=False)
    ]


def describe(error: FieldError, position: str = "line {0}, column {1}", whole: str = "(file)") -> str:
    """`path: message (line L, column C)`, the one way errors are written for people; `position` is the
    wording of the place and `whole` the name of the whole file, in the language of the message."""
    where = (
        " (" + position.format(error.line, error.column) + ")"
        if error.line is not None and error.column is not None
        else ""
    )
    return f"{error.path or whole}: {error.message}{where}"
