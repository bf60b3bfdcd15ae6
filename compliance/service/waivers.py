"""Apply waivers to an assessment: a waived finding is reported as waived and stops gating until it expires."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import ValidationError

from compliance.domain.field_errors import whole_file
from compliance.domain.outcomes import Assessment
from compliance.domain.standing import in_force, settle
from compliance.domain.waivers import AppliedWaiver, Waiver, WaiverFile
from compliance.service.submission_errors import describe_errors
from compliance.service.submissions import InvalidSubmission, decode, parse_text

WAIVERS = "waivers file (--waivers)"


def read_waivers(path: Path, lang: str = "en") -> list[Waiver]:
    """The waivers of a file; each problem names the field, with its line and column, in `lang`."""
    source = str(path)
    if not path.is_file():
        raise InvalidSubmission(source, [whole_file("no such file", "no_file")], WAIVERS)
    raw = path.read_bytes()
    try:
        text = decode(raw, source)  # the text parsed is the one whose lines and columns are given
        return WaiverFile.model_validate(parse_text(text, source)).waivers
    except InvalidSubmission as exc:
        raise InvalidSubmission(source, exc.errors, WAIVERS) from None
    except ValidationError as exc:
        raise InvalidSubmission(source, describe_errors(WaiverFile, exc, text, lang), WAIVERS) from None


def apply_waivers(
    assessment: Assessment, waivers: list[Waiver], today: date, project_ids: tuple[str, ...] = ()
) -> tuple[Assessment, list[Waiver]]:
    """The assessment with waivers in force applied, and the waivers that matched but have expired."""
    names = {assessment.project_name, *project_ids}
    active: dict[str, Waiver] = {}
    expired: list[Waiver] = []
    for w in waivers:
        if w.project not in names:
            continue
        if in_force(w.expires, today):
            active.setdefault(w.rule_id, w)
        else:
            expired.append(w)
    applied = {
        rule: AppliedWaiver(
            approver=w.approver, reason=w.reason, legal_ground=w.legal_ground, expires=w.expires
        )
        for rule, w in active.items()
    }
    return settle(assessment, applied), expired
