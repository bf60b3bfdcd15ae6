"""Read an assessment written by `compliance check --format json`, to compare with (a baseline)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from compliance.domain.field_errors import validation_errors, whole_file
from compliance.domain.outcomes import Assessment
from compliance.service.plain_submission import MAX_SUBMISSION_BYTES
from compliance.service.submissions import InvalidSubmission

WHAT = "assessment (expected the output of 'compliance check --format json')"
MAX_ASSESSMENT_BYTES = 16 * MAX_SUBMISSION_BYTES


def read_assessment(path: Path) -> Assessment:
    source = str(path)
    if not path.is_file():
        raise InvalidSubmission(source, [whole_file("no such file", "no_file")], WHAT)
    if path.stat().st_size > MAX_ASSESSMENT_BYTES:
        raise InvalidSubmission(source, [whole_file(f"more than {MAX_ASSESSMENT_BYTES:,} bytes")], WHAT)
    try:
        return Assessment.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise InvalidSubmission(source, validation_errors(exc), WHAT) from None
