"""Words of the reports in French, Arabic and English (terms as in the glossary, docs/glossary.yaml); `RTL`
lists the languages written right to left, which the Markdown reports wrap in `<div dir="rtl">`)."""

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
        "summary": "En bref",
        "actions": "Ce qu'il faut faire",
        "do_fix": "Corriger",
        "do_answer": "Répondre",
        "in_file": "dans le fichier",
        "decides": "décide {n} vérification(s)",
        "more": "et {n} autre(s) point(s), détaillés plus bas",
        "nothing_to_do": "Rien à faire avant le dépôt.",
        "forms_to_file": "Formulaires à déposer",
        "not_stated": "À renseigner",
        "not_met": "Ce qui ne va pas",
        "annex": "Annexe : contenu de la déclaration",
        "review": "Revue CNDP",
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
    "ar": {
        "title": "تقرير المطابقة للقانون رقم 09.08",
        "verdict": "النتيجة",
        "pack": "مجموعة القواعد",
        "submission": "الملف المقدم",
        "formalities": "الإجراءات لدى اللجنة الوطنية",
        "regime": "النظام",
        "forms": "الاستمارات",
        "triggers": "دواعي طلب الإذن",
        "possible": "ينتظر التأكيد",
        "transfers": "نقل المعطيات إلى الخارج",
        "exposure": "التعرض للعقوبات الجنائية (شخص معنوي، تضاعف الغرامات بموجب المادة 64)",
        "exposure_none": "لم يرصد أي تعرض لعقوبات جنائية.",
        "findings": "عمليات التحقق حسب الفصل",
        "facts": "الوقائع",
        "fix": "التصحيح",
        "questions": "أسئلة",
        "refs": "المراجع",
        "penalty": "العقوبة",
        "prison": "الحبس",
        "months": "أشهر",
        "fine": "غرامة",
        "company": "شخص معنوي",
        "per_infringement": "عن كل مخالفة",
        "passed_rules": "عمليات تحقق مطابقة",
        "na_rules": "غير منطبقة",
        "gate": "العتبة",
        "none": "لا شيء",
        "max_total": "الحد الأقصى الإجمالي للغرامات",
        "basis": "الأساس",
        "waived": "استثناء",
        "waived_count": "استثناءات",
        "expired": "استثناء منتهي الصلاحية",
        "summary": "باختصار",
        "actions": "ما يجب فعله",
        "do_fix": "تصحيح",
        "do_answer": "الإجابة",
        "in_file": "في الملف",
        "decides": "يحسم {n} من عمليات التحقق",
        "more": "و{n} نقطة أخرى مفصلة أدناه",
        "nothing_to_do": "لا شيء يلزم فعله قبل الإيداع.",
        "forms_to_file": "الاستمارات الواجب إيداعها",
        "not_stated": "معلومات يجب ذكرها",
        "not_met": "ما لا يستوفي الشرط",
        "annex": "ملحق: مضمون التصريح",
        "review": "مراجعة اللجنة الوطنية",
        "sarif_needs_info": "معلومات ناقصة: ",
        "sarif_advisory": "توصية: ",
        "absent": "غائبة",
        "compared": "مقارنة",
        "pack_changed": "تغيرت مجموعة القواعد بين التقييمين.",
        "rule": "القاعدة",
        "severity": "الخطورة",
        "article": "المادة",
        "check": "التحقق",
        "fact": "الواقعة الحاسمة",
        "not_shown": "{count} من عمليات التحقق غير مفصلة هنا لضيق المساحة: انظر التقرير الكامل "
        "(`--format markdown` بدون `--summary`) أو تنبيهات SARIF.",
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
    "ar": {
        Outcome.fail: "غير مطابق",
        Outcome.needs_info: "معلومات ناقصة",
        Outcome.advisory: "توصية",
        Outcome.passed: "مطابق",
        Outcome.not_applicable: "غير منطبق",
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
    "ar": {
        Verdict.compliant: "مطابق",
        Verdict.non_compliant: "غير مطابق",
        Verdict.incomplete: "غير مكتمل (معلومات ناقصة)",
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
    "ar": {
        Severity.blocker: "مانع",
        Severity.major: "رئيسي",
        Severity.minor: "ثانوي",
        Severity.info: "للعلم",
    },
    "en": {
        Severity.blocker: "blocker",
        Severity.major: "major",
        Severity.minor: "minor",
        Severity.info: "info",
    },
}

CHAPTER_LABELS: dict[str, dict[str, str]] = {
    "scope": {
        "fr": "Champ d'application (art. 1-2)",
        "ar": "نطاق التطبيق (المادتان 1 و2)",
        "en": "Scope (Art. 1-2)",
    },
    "purpose-quality": {
        "fr": "Finalités, qualité et conservation (art. 3)",
        "ar": "الغايات وجودة المعطيات ومدة حفظها (المادة 3)",
        "en": "Purpose, quality and retention (Art. 3)",
    },
    "legal-basis": {
        "fr": "Consentement et fondements (art. 4)",
        "ar": "الرضا والأسس القانونية (المادة 4)",
        "en": "Consent and legal grounds (Art. 4)",
    },
    "transparency": {
        "fr": "Information des personnes (art. 5-6)",
        "ar": "إخبار الأشخاص المعنيين (المادتان 5 و6)",
        "en": "Information of persons (Art. 5-6)",
    },
    "rights": {
        "fr": "Droits des personnes (art. 7-9)",
        "ar": "حقوق الأشخاص المعنيين (المواد 7 إلى 9)",
        "en": "Rights of persons (Art. 7-9)",
    },
    "marketing": {
        "fr": "Prospection directe (art. 10)",
        "ar": "الاستقراء المباشر (المادة 10)",
        "en": "Direct marketing (Art. 10)",
    },
    "automated-decisions": {
        "fr": "Décisions automatisées (art. 11)",
        "ar": "القرارات الآلية (المادة 11)",
        "en": "Automated decisions (Art. 11)",
    },
    "formalities": {
        "fr": "Formalités CNDP (art. 12-20)",
        "ar": "الإجراءات لدى اللجنة الوطنية (المواد 12 إلى 20)",
        "en": "CNDP formalities (Art. 12-20)",
    },
    "sensitive-data": {
        "fr": "Données sensibles (art. 21-24, 49)",
        "ar": "المعطيات الحساسة (المواد 21 إلى 24 و49)",
        "en": "Sensitive data (Art. 21-24, 49)",
    },
    "security": {
        "fr": "Sécurité et sous-traitants (art. 23-26)",
        "ar": "سلامة المعالجة والمعالجون من الباطن (المواد 23 إلى 26)",
        "en": "Security and processors (Art. 23-26)",
    },
    "transfers": {
        "fr": "Transferts à l'étranger (art. 43-44)",
        "ar": "نقل المعطيات إلى الخارج (المادتان 43 و44)",
        "en": "Transfers abroad (Art. 43-44)",
    },
    "ai": {"fr": "Intelligence artificielle", "ar": "الذكاء الاصطناعي", "en": "Artificial intelligence"},
    "sector": {
        "fr": "Délibérations sectorielles de la CNDP",
        "ar": "المداولات القطاعية للجنة الوطنية",
        "en": "CNDP sector deliberations",
    },
    "cooperation": {
        "fr": "Coopération avec la CNDP (art. 30)",
        "ar": "التعاون مع اللجنة الوطنية (المادة 30)",
        "en": "Cooperation with the CNDP (Art. 30)",
    },
    "best-practice": {
        "fr": "Bonnes pratiques (au-delà de la loi)",
        "ar": "ممارسات فضلى (خارج ما يفرضه القانون)",
        "en": "Best practice (beyond the law)",
    },
}


def chapter_label(chapter: str, lang: str) -> str:
    return CHAPTER_LABELS.get(chapter, {}).get(lang, chapter)


def money(amount: int, lang: str) -> str:
    sep = "\u202f" if lang in ("fr", "ar") else ","
    unit = "درهم" if lang == "ar" else "MAD"
    return f"{amount:,}".replace(",", sep) + f" {unit}"


def count_label(key: str, lang: str) -> str:
    """Label of a key of `Assessment.counts` (an outcome, or 'waived')."""
    if key == "waived":
        return LABELS[lang]["waived_count"]
    return OUTCOME_LABELS[lang][Outcome(key)]
