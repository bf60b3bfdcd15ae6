"""Words of the reports. The texts here are English, the message ids of the one catalogue
(`compliance/locale`, `make messages`): French and Arabic come from there (terms as in the glossary,
docs/glossary.yaml). `LABELS[lang][key]` reads as before; `RTL` lists the languages written right to left,
which the Markdown reports wrap in `<div dir="rtl">`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from compliance.domain.formality_words import SEPARATORS
from compliance.domain.grades import Outcome, RefStatus, Severity, Verdict
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued

if TYPE_CHECKING:
    from compliance.domain.basis import Reference

RTL = frozenset({Lang.ar.value})

TEXTS: dict[str, str] = {
    "art": "Art.",
    "title": "Law 09-08 compliance report",
    "verdict": "Verdict",
    "pack": "Rule pack",
    "submission": "Submission",
    "formalities": "CNDP formalities",
    "regime": "Regime",
    "forms": "Forms",
    "triggers": "Authorisation triggers",
    "possible": "To confirm",
    "transfers": "Transfers abroad",
    "exposure": "Penal exposure (legal person, fines doubled by Art. 64)",
    "exposure_none": "No penal exposure identified.",
    "findings": "Checks by chapter",
    "facts": "Facts",
    "fix": "Fix",
    "questions": "Questions",
    "refs": "References",
    "penalty": "Penalty",
    "prison": "prison",
    "months": "months",
    "fine": "fine",
    "company": "legal person",
    "per_infringement": "per infringement",
    "passed_rules": "Passing checks",
    "na_rules": "Not applicable",
    "gate": "Threshold",
    "none": "none",
    "max_total": "Cumulative maximum of fines",
    "basis": "basis",
    "waived": "waiver",
    "waived_count": "waived",
    "expired": "Expired waiver",
    "summary": "At a glance",
    "actions": "What to do",
    "do_fix": "Fix",
    "do_answer": "Answer",
    "in_file": "in the file",
    "decides": "decides {n} check(s)",
    "more": "and {n} more point(s), detailed below",
    "nothing_to_do": "Nothing to do before filing.",
    "forms_to_file": "Forms to file",
    "not_stated": "To state",
    "not_met": "What does not meet the check",
    "annex": "Annex: content of the declaration",
    "review": "CNDP review",
    "sarif_needs_info": "Information needed: ",
    "sarif_advisory": "Recommendation: ",
    "absent": "absent",
    "compared": "Compared",
    "pack_changed": "The rule pack changed between the two assessments.",
    "rule": "Rule",
    "severity": "Severity",
    "article": "Article",
    "check": "Check",
    "fact": "Deciding fact",
    "not_shown": "{count} finding(s) not detailed here for lack of room: see the full report (`--format markdown` without `--summary`) or the SARIF alerts.",
}
# A text whose English is the same as another's but whose translation is not gets a context of its own.
_OWN_CONTEXT = {"do_fix": "report action"}

OUTCOME_TEXTS: dict[Outcome, str] = {
    Outcome.fail: "FAIL",
    Outcome.needs_info: "NEEDS INFO",
    Outcome.advisory: "ADVISORY",
    Outcome.passed: "pass",
    Outcome.not_applicable: "not applicable",
}
VERDICT_TEXTS: dict[Verdict, str] = {
    Verdict.compliant: "COMPLIANT",
    Verdict.non_compliant: "NON-COMPLIANT",
    Verdict.incomplete: "INCOMPLETE (information needed)",
}
SEVERITY_TEXTS: dict[Severity, str] = {
    Severity.blocker: "blocker",
    Severity.major: "major",
    Severity.minor: "minor",
    Severity.info: "info",
}
STATUS_TEXTS: dict[RefStatus, str] = {
    RefStatus.verified: "verified",
    RefStatus.inferred: "inferred",
    RefStatus.secondary: "secondary source",
    RefStatus.unverified: "unverified",
}
CHAPTER_TEXTS: dict[str, str] = {
    "scope": "Scope (Art. 1-2)",
    "purpose-quality": "Purpose, quality and retention (Art. 3)",
    "legal-basis": "Consent and legal grounds (Art. 4)",
    "transparency": "Information of persons (Art. 5-6)",
    "rights": "Rights of persons (Art. 7-9)",
    "marketing": "Direct marketing (Art. 10)",
    "automated-decisions": "Automated decisions (Art. 11)",
    "formalities": "CNDP formalities (Art. 12-20)",
    "sensitive-data": "Sensitive data (Art. 21-24, 49)",
    "security": "Security and processors (Art. 23-26)",
    "transfers": "Transfers abroad (Art. 43-44)",
    "ai": "Artificial intelligence",
    "sector": "CNDP sector deliberations",
    "cooperation": "Cooperation with the CNDP (Art. 30)",
    "best-practice": "Best practice (beyond the law)",
}


LABELS: Catalogued[str] = Catalogued("report", TEXTS, _OWN_CONTEXT)
OUTCOME_LABELS: Catalogued[Outcome] = Catalogued("outcome", OUTCOME_TEXTS)
VERDICT_LABELS: Catalogued[Verdict] = Catalogued("verdict", VERDICT_TEXTS)
SEVERITY_LABELS: Catalogued[Severity] = Catalogued("severity", SEVERITY_TEXTS)
CHAPTER_LABELS: Catalogued[str] = Catalogued("chapter", CHAPTER_TEXTS)
STATUS_LABELS: Catalogued[RefStatus] = Catalogued("reference status", STATUS_TEXTS)


def chapter_label(chapter: str, lang: Lang | str) -> str:
    return CHAPTER_LABELS[lang].get(chapter, chapter)


MONEY: Catalogued[str] = Catalogued("money", {"unit": "MAD"})


def money(amount: int, lang: Lang | str) -> str:
    sep = "," if lang == Lang.en else "\u202f"  # thousands: a narrow space in French and Arabic
    return f"{amount:,}".replace(",", sep) + " " + MONEY[lang]["unit"]


def count_label(key: str, lang: Lang | str) -> str:
    """Label of a key of `Assessment.counts` (an outcome, or 'waived')."""
    if key == "waived":
        return LABELS[lang]["waived_count"]
    return OUTCOME_LABELS[lang][Outcome(key)]


def cited_references(references: Iterable[Reference], lang: str, *, status: bool = True) -> str:
    """A finding's references in the reader's language (with their verification status unless told not to),
    joined as the language joins the parts of a list ('; ' or the Arabic '؛ ')."""
    parts = (
        f"{r.cite(lang)} ({STATUS_LABELS[lang][r.status]})" if status else r.cite(lang) for r in references
    )
    return SEPARATORS[lang]["parts"].join(parts)
