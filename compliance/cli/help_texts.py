"""The command line's own words (help and messages) in French, Arabic and English.

The language is the one `--lang` names anywhere on the command line, read before the parser is built so that
`--help` itself is translated; English when none is given (the output of scripts stays stable).
"""

from __future__ import annotations

from collections.abc import Sequence

LANGS = ("fr", "ar", "en")

HELP: dict[str, dict[str, str]] = {
    "description": {
        "fr": "Vérifications de conformité à la loi 09-08 (CNDP) pour les projets d'IA.",
        "ar": "التحقق من مطابقة مشاريع الذكاء الاصطناعي للقانون رقم 09.08 (اللجنة الوطنية).",
        "en": "Law 09-08 / CNDP compliance checks for AI projects.",
    },
    "rules_dir": {
        "fr": "dossier du référentiel de règles (par défaut : celui du paquet)",
        "ar": "مجلد مجموعة القواعد (افتراضيا: المجموعة المرفقة)",
        "en": "rule pack folder (default: the bundled pack)",
    },
    "check": {
        "fr": "évaluer un fichier de soumission et en faire le rapport",
        "ar": "تقييم ملف مقدم وإعداد تقريره",
        "en": "assess a submission file and report",
    },
    "output": {
        "fr": "écrire le rapport dans ce fichier plutôt que sur la sortie standard (obligatoire pour pdf)",
        "ar": "كتابة التقرير في هذا الملف بدل المخرج القياسي (إلزامي بالنسبة لـ pdf)",
        "en": "write the report here instead of standard output (required for pdf)",
    },
    "fail_on": {"fr": "seuil de blocage", "ar": "عتبة الحظر", "en": "gate threshold"},
    "lang": {
        "fr": "langue du rapport et des messages (fr, ar, en)",
        "ar": "لغة التقرير والرسائل (fr أو ar أو en)",
        "en": "language of the report and messages (fr, ar, en)",
    },
    "waivers": {
        "fr": "fichier YAML des dérogations approuvées (rule_id, project, reason, ...)",
        "ar": "ملف YAML للاستثناءات المصادق عليها (rule_id وproject وreason...)",
        "en": "YAML file of approved waivers (rule_id, project, reason, ...)",
    },
    "as_of": {
        "fr": "date d'expiration des dérogations (par défaut : aujourd'hui)",
        "ar": "تاريخ انتهاء الاستثناءات (افتراضيا: اليوم)",
        "en": "date for waiver expiry (default: today)",
    },
    "validate": {
        "fr": "vérifier qu'un fichier de soumission est bien formé, sans l'évaluer",
        "ar": "التحقق من أن ملفا مقدما سليم الشكل، دون تقييمه",
        "en": "check that a submission file is well-formed, without assessing it",
    },
    "schema": {
        "fr": "afficher le schéma JSON de la soumission (ou d'un fichier de règle)",
        "ar": "عرض مخطط JSON للملف المقدم (أو لملف قاعدة)",
        "en": "print the JSON Schema of the submission (or of a rule file)",
    },
    "rule_schema": {
        "fr": "le schéma des fichiers de règle à la place",
        "ar": "مخطط ملفات القواعد بدلا من ذلك",
        "en": "the rule-file schema instead",
    },
    "rules": {"fr": "le catalogue des règles", "ar": "فهرس القواعد", "en": "the rule catalogue"},
    "rules_list": {"fr": "une ligne par règle", "ar": "سطر لكل قاعدة", "en": "one line per rule"},
    "rules_show": {"fr": "une règle en entier", "ar": "قاعدة كاملة", "en": "one rule in full"},
    "rules_export": {
        "fr": "tout le catalogue en un document",
        "ar": "الفهرس كاملا في وثيقة واحدة",
        "en": "the whole catalogue as a document",
    },
    "valid": {
        "fr": "{file} : soumission valide « {name} »",
        "ar": "{file}: ملف مقدم صالح «{name}»",
        "en": "{file}: valid submission '{name}'",
    },
    "invalid": {
        "fr": "erreur : soumission invalide {source}",
        "ar": "خطأ: ملف مقدم غير صالح {source}",
        "en": "error: invalid submission {source}",
    },
}


def text(key: str, lang: str) -> str:
    return HELP[key].get(lang) or HELP[key]["en"]


def lang_of(argv: Sequence[str]) -> str:
    """The language `--lang X` (or `--lang=X`) names on the command line; English if none or unknown."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGS:
            return value
    return "en"


DEFAULT_WORD = {"fr": "par défaut", "ar": "افتراضيا", "en": "default"}


def with_default(key: str, lang: str, default: str) -> str:
    """The translated help of an argument followed by its default, in the same language."""
    return f"{text(key, lang)} ({DEFAULT_WORD.get(lang, 'default')}: {default})"
