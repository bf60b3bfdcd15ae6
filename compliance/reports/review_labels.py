"""Words of the review in the reports (English message ids of the one catalogue): review states, the review
line, waivers and corrections made by liaisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued
from compliance.reports.labels import LABELS, OUTCOME_LABELS

if TYPE_CHECKING:
    from compliance.domain.outcomes import Correction, ReviewNote

REVIEW_STATE_LABELS: Catalogued[str] = Catalogued(
    "review state",
    {
        "submitted": "submitted",
        "resubmitted": "resubmitted",
        "in_review": "in review",
        "changes_requested": "changes requested",
        "approved": "approved",
        "rejected": "rejected",
        "superseded": "superseded",
    },
)

# A liaison's judgement of a finding in words (records keep the identifiers).
JUDGEMENT_LABELS: Catalogued[str] = Catalogued(
    "judgement", {"confirmed": "confirmed", "disputed": "disputed", "waived": "waived"}
)

REVIEW_TEXTS: Catalogued[str] = Catalogued(
    "review",
    {
        "waiver": "Waived by {approver} until {expires} ({legal_ground}): {reason}",
        "decided": " by {who} on {when}",
        "applied": "the decision's waivers and corrections applied",
        "undecided": "machine findings, not yet decided",
        "correction": "Outcome corrected by {who} (the machine said {machine}): {reason}",
    },
)


def waiver_line(approver: str, legal_ground: str, expires: str, reason: str, lang: Lang | str) -> str:
    return REVIEW_TEXTS.text(
        "waiver", lang, approver=approver, expires=expires, legal_ground=legal_ground, reason=reason
    )


def review_line(note: ReviewNote, lang: Lang | str) -> str:
    """'CNDP review: version 2 approved by Name (key id) on 2026-11-29; waivers and corrections applied'."""
    state = REVIEW_STATE_LABELS[lang].get(note.state, note.state)
    head = f"{LABELS[lang]['review']}: version {note.version} {state}"
    if note.decided_by is not None and note.decided_at is not None:
        who, when = f"{note.decided_by.name} ({note.decided_by.id})", note.decided_at.date().isoformat()
        head += REVIEW_TEXTS.text("decided", lang, who=who, when=when)
    key = "applied" if note.judgements_applied else "undecided"
    return f"{head} — {REVIEW_TEXTS[lang][key]}"


def correction_line(c: Correction, lang: Lang | str) -> str:
    who = f"{c.reviewer.name} ({c.reviewer.id})"
    machine = OUTCOME_LABELS[lang][c.machine_outcome]
    return REVIEW_TEXTS.text("correction", lang, who=who, machine=machine, reason=c.reason)
