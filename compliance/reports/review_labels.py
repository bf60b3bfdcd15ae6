"""Words of the review in the reports (French, Arabic, English): review states, the review line, waivers and
corrections made by liaisons."""

from __future__ import annotations

from compliance.domain.outcomes import Correction, ReviewNote
from compliance.reports.labels import LABELS, OUTCOME_LABELS, Catalogued


def waiver_line(approver: str, legal_ground: str, expires: str, reason: str, lang: str) -> str:
    if lang == "fr":
        return f"Dérogation accordée par {approver} jusqu'au {expires} ({legal_ground}) : {reason}"
    if lang == "ar":
        return f"استثناء منحه {approver} إلى غاية {expires} ({legal_ground}): {reason}"
    return f"Waived by {approver} until {expires} ({legal_ground}): {reason}"


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
JUDGEMENT_LABELS: dict[str, dict[str, str]] = {
    "fr": {"confirmed": "confirmé", "disputed": "contesté", "waived": "dérogation accordée"},
    "ar": {"confirmed": "مؤكد", "disputed": "مُعترض عليه", "waived": "مُنح استثناء"},
    "en": {"confirmed": "confirmed", "disputed": "disputed", "waived": "waived"},
}


def review_line(note: ReviewNote, lang: str) -> str:
    """'CNDP review: version 2 approved by Name (key id) on 2026-11-29; waivers and corrections applied'."""
    state = REVIEW_STATE_LABELS[lang].get(note.state, note.state)
    head = f"{LABELS[lang]['review']}: version {note.version} {state}"
    if note.decided_by is not None and note.decided_at is not None:
        who, when = f"{note.decided_by.name} ({note.decided_by.id})", note.decided_at.date().isoformat()
        head += {"fr": f" par {who} le {when}", "ar": f" من طرف {who} بتاريخ {when}"}.get(
            lang, f" by {who} on {when}"
        )
    key = "applied" if note.judgements_applied else "undecided"
    return f"{head} — {_REVIEW_TAILS[key].get(lang, _REVIEW_TAILS[key]['en'])}"


_REVIEW_TAILS = {
    "applied": {
        "fr": "dérogations et corrections de la décision appliquées",
        "ar": "الاستثناءات والتصحيحات الواردة في القرار مطبقة",
        "en": "the decision's waivers and corrections applied",
    },
    "undecided": {
        "fr": "constats de la machine, pas encore décidés",
        "ar": "نتائج الآلة، لم يُبت فيها بعد",
        "en": "machine findings, not yet decided",
    },
}


def correction_line(c: Correction, lang: str) -> str:
    who = f"{c.reviewer.name} ({c.reviewer.id})"
    machine = OUTCOME_LABELS[lang][c.machine_outcome]
    if lang == "fr":
        return f"Résultat corrigé par {who} (la machine disait {machine}) : {c.reason}"
    if lang == "ar":
        return f"نتيجة صححها {who} (كانت الآلة تقول {machine}): {c.reason}"
    return f"Outcome corrected by {who} (the machine said {machine}): {c.reason}"
