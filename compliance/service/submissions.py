"""Read a submission from bytes or a file: every failure is an `InvalidSubmission` naming the field path."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from compliance.domain.field_errors import FieldError, describe, whole_file, yaml_error
from compliance.domain.submission import Submission
from compliance.domain.upgrade import SCHEMA_VERSION
from compliance.i18n import Lang, Translator, translator
from compliance.service.plain_submission import (
    MAX_SUBMISSION_BYTES,
    DuplicateKey,
    no_duplicate_keys,
    reads_as_json,
    strict_payload,
)
from compliance.service.submission_errors import describe_errors, position_words, surrogate_error
from compliance.service.validator_cache import prepare
from compliance.strictyaml import YamlError, load_yaml


class InvalidSubmission(ValueError):
    """A submission (or another input file: `what` says which) that cannot be read or does not fit the
    format: its field `errors`, and `problems`, the same written for people."""

    def __init__(self, source: str, errors: list[FieldError], what: str = "submission") -> None:
        self.source = source
        self.errors = errors
        self.what = what
        super().__init__("\n".join(f"{source}: {p}" for p in self.problems))

    @property
    def problems(self) -> list[str]:
        return [describe(e) for e in self.errors]

    def errors_in(self, lang: str) -> list[FieldError]:
        """`errors` with the whole-file ones worded in `lang` from the catalogue (`FILE_ERRORS`); the others
        were worded in the language they were read in."""
        words = translator(Lang(lang) if lang in Lang.__members__ else Lang.en)
        return [_in_lang(e, words) for e in self.errors]

    def worded(self, lang: str) -> list[str]:
        """`problems` in `lang`: the place, and the whole-file messages of the catalogue."""
        words = translator(Lang(lang) if lang in Lang.__members__ else Lang.en)
        whole = words.pgettext(FILE_CONTEXT, FILE_ERRORS["(file)"])
        return [describe(e, position_words(lang), whole) for e in self.errors_in(lang)]


# What is wrong with a whole file, by FieldError key, in English (the catalogue's message ids, context
# `file error`); `python -m compliance.web.messages` registers them and the usual YAML problems.
FILE_CONTEXT, PROBLEM_CONTEXT = "file error", "yaml problem"
FILE_ERRORS = {
    "yaml": "not valid YAML: {problem}",
    "yaml_plain": "not valid YAML",
    "no_file": "no such file",
    "directory": "is a directory, expected a YAML or JSON file",
    "empty": "empty, expected a YAML or JSON mapping",
    "not_mapping": "expected a mapping of facts, e.g. 'project_name: ...'",
    "binary": "binary content, expected a YAML or JSON text",
    "not_utf8": "not UTF-8 text (byte {byte})",
    "json": "not valid JSON: {problem}",  # the place rides as the error's line and column
    "long_number": "a number too long to read",
    "nested": "nested too deeply",
    "not_text": "holds a key or value that is neither text, a number, a boolean, a list nor a mapping",
    "(file)": "(file)",
}
YAML_PROBLEMS = (
    "duplicate key",
    "a key must be a plain name, not a list or a mapping",
    "a number too long to read",
    "a tag or a value this reader does not accept",
    "mapping values are not allowed in this context",
    "mapping values are not allowed here",
    "did not find expected key",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '-' indicator",
    "found character that cannot start any token",
    "found unexpected end of stream",
    "found undefined alias",
    "could not find expected ':'",
)


def _in_lang(error: FieldError, words: Translator) -> FieldError:
    """A whole-file error worded in the language of `words`; other errors as they are (already worded by
    describe_errors)."""
    key = "yaml_plain" if error.key == "yaml" and error.params.get("problem") == "" else error.key
    if key not in FILE_ERRORS or (key == "yaml" and "problem" not in error.params):
        return error
    problem = error.params.get("problem", "")
    if problem in YAML_PROBLEMS:
        problem = words.pgettext(PROBLEM_CONTEXT, problem)
    message = words.pgettext(FILE_CONTEXT, FILE_ERRORS[key]).format(**(error.params | {"problem": problem}))
    return error.model_copy(update={"message": message})


def file_error(key: str, **params: object) -> FieldError:
    """A whole-file error of `FILE_ERRORS`, in English, with the values `_in_lang` words it again with."""
    values = {name: str(value) for name, value in params.items()}
    return whole_file(FILE_ERRORS[key].format(**values), key, **values)


def _duplicate_in_json(text: str) -> FieldError:
    """Where the repeated key of a JSON text is: the YAML reader (JSON is YAML) says it without the key."""
    try:
        load_yaml(text)
    except YamlError as exc:
        placed = yaml_error(str(exc))
        if str(exc).startswith("duplicate key") and placed.line is not None:
            at = {"line": placed.line, "column": placed.column}
            return file_error("json", problem="duplicate key").model_copy(update=at)
    except (RecursionError, ValueError, TypeError):
        pass
    return yaml_error("not valid JSON: duplicate key")


def decode(raw: bytes, source: str) -> str:
    """The text of a submission: at most 1 MiB of UTF-8, not binary, not empty."""
    if len(raw) > MAX_SUBMISSION_BYTES:
        raise InvalidSubmission(
            source,
            [
                whole_file(
                    f"{len(raw):,} bytes, more than the {MAX_SUBMISSION_BYTES:,} bytes a submission may have"
                )
            ],
        )
    if b"\x00" in raw:
        raise InvalidSubmission(source, [file_error("binary")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidSubmission(source, [file_error("not_utf8", byte=exc.start)]) from None
    if not text.strip():
        raise InvalidSubmission(source, [file_error("empty")])
    return text


class JsonNumbers:
    """What `parse_text` saw of a text: whether it was read as JSON, and whether all its numbers are ones the
    text's own reading gives as the round trip through `json.dumps` would (no whole or infinite floats: `365.0`
    becomes 365 on the way, `NaN` is refused). Told to `json.loads`, which calls it only for such literals."""

    def __init__(self) -> None:
        self.read_as_json = False
        self.plain = True

    def parse_float(self, literal: str) -> float:
        value = float(literal)
        if value.is_integer() or not math.isfinite(value):
            self.plain = False
        return value

    def parse_constant(self, literal: str) -> float:
        self.plain = False
        return float(literal)


def parse_text(text: str, source: str, *, json_only: bool = False, numbers: JsonNumbers | None = None) -> Any:
    """Parse a YAML or JSON text into plain data."""
    try:
        if reads_as_json(text, json_only):
            if numbers is None:
                return json.loads(text, object_pairs_hook=no_duplicate_keys)
            numbers.read_as_json = True
            return json.loads(
                text,
                object_pairs_hook=no_duplicate_keys,
                parse_float=numbers.parse_float,
                parse_constant=numbers.parse_constant,
            )
        return load_yaml(text)
    except json.JSONDecodeError as exc:
        raise InvalidSubmission(
            source,
            [
                file_error("json", problem=exc.msg).model_copy(
                    update={"line": exc.lineno, "column": exc.colno}
                )
            ],
        ) from None
    except DuplicateKey:
        raise InvalidSubmission(source, [_duplicate_in_json(text)]) from None
    except YamlError as exc:
        worded = yaml_error(str(exc)).model_copy(update={"params": {"problem": exc.problem}})
        raise InvalidSubmission(source, [worded]) from None
    except ValueError:  # json's int(): more digits than Python reads (sys.get_int_max_str_digits())
        raise InvalidSubmission(source, [file_error("long_number")]) from None
    except RecursionError:
        raise InvalidSubmission(source, [file_error("nested")]) from None


def parse_data(raw: bytes, source: str, *, json_only: bool = False) -> Any:
    """Decode and parse YAML or JSON bytes into plain data."""
    return parse_text(decode(raw, source), source, json_only=json_only)


def validate_submission(data: Any, source: str, text: str | None = None, lang: str = "en") -> Submission:
    """Check plain data against the format, strictly: the data go through JSON, where pydantic's strict mode
    takes only `true`/`false` as booleans and whole numbers as integers, and still reads enumerated values
    and dates from their text. With `text`, each problem gives its line and column; in `lang` (fr, ar or en)."""
    if not isinstance(data, dict):
        raise InvalidSubmission(source, [file_error("not_mapping")])
    try:
        payload = strict_payload(data)
    except (TypeError, ValueError):
        raise InvalidSubmission(
            source,
            [file_error("not_text")],
        ) from None
    try:
        prepare()  # the models' validators, kept between runs
        return Submission.model_validate_json(payload, strict=True)
    except ValidationError as exc:  # a lone surrogate fails the whole text: it is sought only then
        surrogate = surrogate_error(Submission, data, lang)
        errors = [surrogate] if surrogate else describe_errors(Submission, exc, text, lang)
        raise InvalidSubmission(source, errors) from None


def _validated_as_written(data: Any, text: str, numbers: JsonNumbers) -> Submission | None:
    """The submission validated from its JSON text as it came, when that is what `validate_submission` would
    validate: a mapping read as JSON (keys once each, as `parse_text` checked), in the current format, with no
    number the round trip would change. None otherwise, and for a text that does not validate: the usual path
    then words its problems."""
    current = isinstance(data, dict) and data.get("schema_version") == SCHEMA_VERSION  # `upgrade` leaves it
    if not (numbers.read_as_json and numbers.plain and current):
        return None
    try:
        prepare()
        return Submission.model_validate_json(text, strict=True)
    except ValidationError:
        return None


def parse_submission(
    raw: bytes, source: str = "<submission>", *, json_only: bool = False, lang: str = "en"
) -> Submission:
    """Read, check and validate a submission. JSON (what the API mostly gets) is validated from its text at
    once when that is provably the same as the round trip `validate_submission` makes (json.dumps costs twice
    the validation); anything else, and every problem, goes that usual way."""
    text = decode(raw, source)
    numbers = JsonNumbers()
    data = parse_text(text, source, json_only=json_only, numbers=numbers)
    as_written = _validated_as_written(data, text, numbers)
    if as_written is not None:
        return as_written
    return validate_submission(data, source, text, lang)


def read_submission(path: Path, lang: str = "en") -> Submission:
    """Read a submission file; a missing file, a folder or an oversized file are clear errors."""
    source = str(path)
    if not path.exists():
        raise InvalidSubmission(source, [file_error("no_file")])
    if path.is_dir():
        raise InvalidSubmission(source, [file_error("directory")])
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:
            raise InvalidSubmission(
                source,
                [
                    whole_file(
                        f"{size:,} bytes, more than the {MAX_SUBMISSION_BYTES:,} bytes a submission may have"
                    )
                ],
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidSubmission(source, [whole_file(f"cannot be read ({exc.strerror})")]) from None
    return parse_submission(raw, source, json_only=path.suffix.lower() == ".json", lang=lang)
