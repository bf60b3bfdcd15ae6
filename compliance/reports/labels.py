"""Words of the reports in French and English (a language is added by adding its column here; `RTL` lists
the languages written right to left, which the Markdown reports wrap in `<div dir="rtl">`)."""

from __future__ import annotations

from compliance.domain.outcomes import Outcome, Verdict
from compliance.domain.rules import Severity

RTL = frozenset({"ar"})

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Rapport de conformité à la loi 09-08",
        "verdict": "Verdict",
        "pack": "Référentiel",
        "submission": "Soumission",
        "formalities": "Formalités CNDP",
        "regime": "Régime",
        "forms": "Formulaires",
        "triggers": "Motifs d'autorisation",
        "possible": "À confirmer",
        "transfers": "Transferts à l'étranger",
        "exposure": "Exposition pénale (personne morale, amendes doublées par l'art. 64)",
        "exposure_none": "Aucune exposition pénale identifiée.",
        "findings": "Vérifications par chapitre",
        "facts": "Faits",
        "fix": "Correction",
        "questions": "Questions",
        "refs": "Références",
        "penalty": "Sanction",
        "prison": "emprisonnement",
        "months": "mois",
        "fine": "amende",
        "company": "personne morale",
        "per_infringement": "par infraction",
        "passed_rules": "Vérifications conformes",
        "na_rules": "Non applicables",
        "gate": "Seuil",
        "none": "aucun",
        "max_total": "Cumul maximal des amendes",
        "basis": "fondement",
        "waived": "dérogation",
        "waived_count": "dérogations",
        "expired": "Dérogation expirée",
        "sarif_needs_info": "Informations manquantes : ",
        "sarif_advisory": "Recommandation : ",
        "absent": "absente",
        "compared": "Comparaison",
        "pack_changed": "Le référentiel a changé entre les deux évaluations.",
        "rule": "Règle",
        "severity": "Gravité",
        "article": "Article",
        "check": "Vérification",
        "fact": "Fait déterminant",
        "not_shown": "{count} vérification(s) non détaillée(s) ici faute de place : voir le rapport complet "
        "(`--format markdown` sans `--summary`) ou les alertes SARIF.",
    },
    "en": {
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
        "not_shown": "{count} finding(s) not detailed here for lack of room: see the full report "
        "(`--format markdown` without `--summary`) or the SARIF alerts.",
    },
}

OUTCOME_LABELS: dict[str, dict[Outcome, str]] = {
    "fr": {
        Outcome.fail: "NON CONFORME",
        Outcome.needs_info: "INFORMATIONS MANQUANTES",
        Outcome.advisory: "RECOMMANDATION",
        Outcome.passed: "conforme",
        Outcome.not_applicable: "non applicable",
    },
    "en": {
        Outcome.fail: "FAIL",
        Outcome.needs_info: "NEEDS INFO",
        Outcome.advisory: "ADVISORY",
        Outcome.passed: "pass",
        Outcome.not_applicable: "not applicable",
    },
}

VERDICT_LABELS: dict[str, dict[Verdict, str]] = {
    "fr": {
        Verdict.compliant: "CONFORME",
        Verdict.non_compliant: "NON CONFORME",
        Verdict.incomplete: "INCOMPLET (informations manquantes)",
    },
    "en": {
        Verdict.compliant: "COMPLIANT",
        Verdict.non_compliant: "NON-COMPLIANT",
        Verdict.incomplete: "INCOMPLETE (information needed)",
    },
}

SEVERITY_LABELS: dict[str, dict[Severity, str]] = {
    "fr": {
        Severity.blocker: "bloquant",
        Severity.major: "majeur",
        Severity.minor: "mineur",
        Severity.info: "info",
    },
    "en": {
        Severity.blocker: "blocker",
        Severity.major: "major",
        Severity.minor: "minor",
        Severity.info: "info",
    },
}

CHAPTER_LABELS: dict[str, tuple[str, str]] = {
    "scope": ("Champ d'application (art. 1-2)", "Scope (Art. 1-2)"),
    "purpose-quality": (
        "Finalités, qualité et conservation (art. 3)",
        "Purpose, quality and retention (Art. 3)",
    ),
    "legal-basis": ("Consentement et fondements (art. 4)", "Consent and legal grounds (Art. 4)"),
    "transparency": ("Information des personnes (art. 5-6)", "Information of persons (Art. 5-6)"),
    "rights": ("Droits des personnes (art. 7-9)", "Rights of persons (Art. 7-9)"),
    "marketing": ("Prospection directe (art. 10)", "Direct marketing (Art. 10)"),
    "automated-decisions": ("Décisions automatisées (art. 11)", "Automated decisions (Art. 11)"),
    "formalities": ("Formalités CNDP (art. 12-20)", "CNDP formalities (Art. 12-20)"),
    "sensitive-data": ("Données sensibles (art. 21-24, 49)", "Sensitive data (Art. 21-24, 49)"),
    "security": ("Sécurité et sous-traitants (art. 23-26)", "Security and processors (Art. 23-26)"),
    "transfers": ("Transferts à l'étranger (art. 43-44)", "Transfers abroad (Art. 43-44)"),
    "ai": ("Intelligence artificielle", "Artificial intelligence"),
    "sector": ("Délibérations sectorielles de la CNDP", "CNDP sector deliberations"),
    "cooperation": ("Coopération avec la CNDP (art. 30)", "Cooperation with the CNDP (Art. 30)"),
    "best-practice": ("Bonnes pratiques (au-delà de la loi)", "Best practice (beyond the law)"),
}


def chapter_label(chapter: str, lang: str) -> str:
    fr, en = CHAPTER_LABELS.get(chapter, (chapter, chapter))
    return fr if lang == "fr" else en


def money(amount: int, lang: str) -> str:
    sep = "\u202f" if lang == "fr" else ","
    return f"{amount:,}".replace(",", sep) + " MAD"


def count_label(key: str, lang: str) -> str:
    """Label of a key of `Assessment.counts` (an outcome, or 'waived')."""
    if key == "waived":
        return LABELS[lang]["waived_count"]
    return OUTCOME_LABELS[lang][Outcome(key)]


def waiver_line(approver: str, legal_ground: str, expires: str, reason: str, lang: str) -> str:
    if lang == "fr":
        return f"Dérogation accordée par {approver} jusqu'au {expires} ({legal_ground}) : {reason}"
    return f"Waived by {approver} until {expires} ({legal_ground}): {reason}"
