"""Read a submission from bytes or a file: every failure is an `InvalidSubmission` naming the field path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from compliance.domain.submission import Submission
from compliance.reports.source_map import SourceMap
from compliance.service.field_messages import describe
from compliance.strictyaml import YamlError, load_yaml

MAX_SUBMISSION_BYTES = 1024 * 1024  # 1 MiB: a real submission is a few kilobytes.


class InvalidSubmission(ValueError):
    """A submission (or another input file: `what` says which) that cannot be read or does not fit the
    format. `problems` are 'path: message' lines."""

    def __init__(self, source: str, problems: list[str], what: str = "submission") -> None:
        self.source = source
        self.problems = problems
        self.what = what
        super().__init__("\n".join(f"{source}: {p}" for p in problems))


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON, like our YAML, refuses a key given twice instead of silently keeping the last value."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise json.JSONDecodeError(f"duplicate key '{key}'", "", 0)
        out[key] = value
    return out


def parse_data(raw: bytes, source: str, *, json_only: bool = False) -> Any:
    """Decode and parse YAML or JSON bytes into plain data."""
    if len(raw) > MAX_SUBMISSION_BYTES:
        raise InvalidSubmission(
            source,
            [
                f"(file): {len(raw):,} bytes, more than the {MAX_SUBMISSION_BYTES:,} bytes a submission may have"
            ],
        )
    if b"\x00" in raw:
        raise InvalidSubmission(source, ["(file): binary content, expected a YAML or JSON text"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidSubmission(source, [f"(file): not UTF-8 text (byte {exc.start})"]) from None
    if not text.strip():
        raise InvalidSubmission(source, ["(file): empty, expected a YAML or JSON mapping"])
    try:
        if json_only or text.lstrip().startswith("{"):
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        return load_yaml(text)
    except json.JSONDecodeError as exc:
        raise InvalidSubmission(
            source, [f"(file): not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]
        ) from None
    except YamlError as exc:
        raise InvalidSubmission(source, [f"(file): {exc}"]) from None
    except ValueError:  # json's int(): more digits than Python reads (sys.get_int_max_str_digits())
        raise InvalidSubmission(source, ["(file): a number too long to read"]) from None
    except RecursionError:
        raise InvalidSubmission(source, ["(file): nested too deeply"]) from None


def validate_submission(data: Any, source: str, text: str | None = None, lang: str = "en") -> Submission:
    """Check plain data against the format; with the text, each problem gives the line and column."""
    if not isinstance(data, dict):
        raise InvalidSubmission(
            source, ["(top level): expected a mapping of facts, e.g. 'project_name: ...'"]
        )
    try:
        return Submission.model_validate(data)
    except ValidationError as exc:
        problems = describe(Submission, exc, lang, SourceMap(text) if text else None)
        raise InvalidSubmission(source, problems) from None


def parse_submission(
    raw: bytes, source: str = "<submission>", *, json_only: bool = False, lang: str = "en"
) -> Submission:
    data = parse_data(raw, source, json_only=json_only)
    return validate_submission(data, source, raw.decode("utf-8-sig", errors="replace"), lang)


def read_submission(path: Path, lang: str = "en") -> Submission:
    """Read a submission file; a missing file, a folder or an oversized file are clear errors."""
    source = str(path)
    if not path.exists():
        raise InvalidSubmission(source, ["(file): no such file"])
    if path.is_dir():
        raise InvalidSubmission(source, ["(file): is a directory, expected a YAML or JSON file"])
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:
            raise InvalidSubmission(
                source,
                [
                    f"(file): {size:,} bytes, more than the {MAX_SUBMISSION_BYTES:,} bytes a submission may have"
                ],
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidSubmission(source, [f"(file): cannot be read ({exc.strerror})"]) from None
    return parse_submission(raw, source, json_only=path.suffix.lower() == ".json", lang=lang)
