"""Waivers: a liaison's decision that a finding does not block a project until a date, on a legal ground."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints

from compliance.domain.base import Frozen
from compliance.domain.basis import RULE_ID_PATTERN

# A legal ground cites an article (of the law or the decree) or a named exception, e.g. "Art. 6(b)",
# "Art. 44(1)(d)", "Decree Art. 46", "Art. 4(e)".
LEGAL_GROUND_PATTERN = r"^(?:Decree )?Art\. ?\d{1,2}(?:\(\d+\))?(?:\([a-z]\))?(?:\s.*)?$"


class Waiver(Frozen):
    rule_id: Annotated[str, StringConstraints(pattern=RULE_ID_PATTERN)] = Field(
        description="The rule waived."
    )
    project: Annotated[str, StringConstraints(min_length=1, max_length=300)] = Field(
        description="The project it applies to: its project_name, or its id in the service."
    )
    reason: Annotated[str, StringConstraints(min_length=10, max_length=4000)] = Field(
        description="Why the finding does not block the project."
    )
    legal_ground: Annotated[str, StringConstraints(strip_whitespace=True, pattern=LEGAL_GROUND_PATTERN)] = (
        Field(description="The article or exception relied on, e.g. 'Art. 6(b)' or 'Art. 44(1)(d)'.")
    )
    approver: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="Who approved the waiver."
    )
    expires: date = Field(description="Last day the waiver applies; the finding fails again after it.")


class WaiverFile(Frozen):
    waivers: list[Waiver]


class AppliedWaiver(Frozen):
    approver: str
    reason: str
    legal_ground: str
    expires: date
