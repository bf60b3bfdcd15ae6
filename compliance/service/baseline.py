"""Read an assessment written by `compliance check --format json`, to compare with (a baseline)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from compliance.domain.field_errors import whole_file
from compliance.domain.outcomes import Assessment
from compliance.service.plain_submission import MAX_SUBMISSION_BYTES
from compliance.service.submission_errors import describe_errors
from compliance.service.submissions import InvalidSubmission, parse_text

WHAT = "assessment (expected the output of 'compliance check --format json')"
MAX_ASSESSMENT_BYTES = 16 * MAX_SUBMISSION_BYTES


def read_assessment(path: Path, lang: str = "en") -> Assessment:
    """The assessment of a file; each problem names the field, with its line and column, in `lang`."""
    source = str(path)
    if not path.is_file():
        raise InvalidSubmission(source, [whole_file("no such file", "no_file")], WHAT)
    if path.stat().st_size > MAX_ASSESSMENT_BYTES:
        raise InvalidSubmission(source, [whole_file(f"more than {MAX_ASSESSMENT_BYTES:,} bytes")], WHAT)
    raw = path.read_bytes()
    try:
        return Assessment.model_validate_json(raw)
    except ValidationError as exc:
        text = raw.decode("utf-8", errors="replace")
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            try:
                parse_text(text, source, json_only=True)  # says where the text stops being JSON
            except InvalidSubmission as unreadable:
                raise InvalidSubmission(source, unreadable.errors, WHAT) from None
        raise InvalidSubmission(source, describe_errors(Assessment, exc, text, lang), WHAT) from None
