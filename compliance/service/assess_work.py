"""The work an assessment does for the server, the same in the server process or in a helper process: what the
store needs of a submission, and the answers to a body (its stored assessment, or its report)."""

from __future__ import annotations

from compliance.domain.expanded_json import expanded_json
from compliance.domain.field_errors import FieldError
from compliance.domain.submission import Submission
from compliance.service.assessing import Assessor
from compliance.service.reporting import ReportOptions, render_compact
from compliance.service.submissions import InvalidSubmission, parse_submission
from compliance.storage.records import StoredAssessment

BODY = "body"

# What crosses from a helper process: the stored (compact) bytes, verdict, submission hash, pack id@version and
# the full assessment's JSON for the answer (written where the compact form is at hand, not parsed again).
Stored = tuple[bytes, str, str, str, bytes]


def stored_of(assessor: Assessor, submission: Submission) -> Stored:
    compact = assessor.assess_compact(submission)
    stored = StoredAssessment.of(compact)
    full = expanded_json(compact, assessor.engine.view)
    return stored.json_bytes, stored.verdict.value, stored.submission_hash, stored.pack, full


def assess_from_body(
    assessor: Assessor, raw: bytes, is_json: bool, lang: str = "en"
) -> tuple[Stored, bytes] | list[FieldError]:
    """What the store needs of a body, or its problems in `lang` (as data, see `report_from_body`)."""
    try:
        submission = parse_submission(raw, BODY, json_only=is_json, lang=lang)
    except InvalidSubmission as exc:
        return exc.errors
    facts = submission.__pydantic_serializer__.to_json(submission, exclude_none=True)
    return stored_of(assessor, submission), facts


def report_from_body(
    assessor: Assessor, raw: bytes, is_json: bool, options: ReportOptions
) -> tuple[str | bytes, list[FieldError]]:
    """The report, or the problems of a body that does not fit (exceptions with arguments do not cross
    process boundaries well, so problems come back as data)."""
    try:
        submission = parse_submission(raw, BODY, json_only=is_json, lang=options.lang)
    except InvalidSubmission as exc:
        return "", exc.errors
    compact = assessor.assess_compact(submission)
    return render_compact(compact, assessor.engine.view, options, raw), []
