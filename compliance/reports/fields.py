"""Facts as a person reads them: the field of the submission file a fact comes from, and its value in words.

The engine traces facts by their paths, some of them derived (`derived.foreign_destinations[0].mechanism`);
a reader needs the field they write in their file (`transfers[].mechanism`) and a value without code syntax.
"""

from __future__ import annotations

import re
from typing import Any

_INDEX = re.compile(r"\[\d+\]")

# Derived facts and the field of the file they are read from (None: decided from other fields, never asked).
_DERIVED_SOURCE: dict[str, str | None] = {
    "derived.data_categories": "processings[].data_categories",
    "derived.sensitive_categories": "processings[].data_categories",
    "derived.biometric_categories": "processings[].data_categories",
    "derived.foreign_destinations[].mechanism": "transfers[].mechanism",
    "derived.foreign_destinations[].exception_justification": "transfers[].exception_justification",
    "derived.foreign_destinations[].notified_to_cndp": "transfers[].notified_to_cndp",
    "derived.foreign_destinations[].declared_to_cndp": "transfers[].declared",
    "derived.foreign_destinations[].declared_transfer": "transfers[].country",
    "derived.ai_uses_personal_data": "ai.training.uses_personal_data",
    "derived.automated_marketing_channels": "direct_marketing.channels",
}

# Sections of the file, by their path with list indices removed, in the reader's words.
SECTION_LABELS: dict[str, dict[str, str]] = {
    "": {"fr": "Le projet", "ar": "المشروع", "en": "The project"},
    "controller": {"fr": "Le responsable du traitement", "ar": "المسؤول عن المعالجة", "en": "The controller"},
    "processings[]": {"fr": "Le traitement", "ar": "المعالجة", "en": "The processing"},
    "processings[].retention": {
        "fr": "La durée de conservation",
        "ar": "مدة حفظ المعطيات",
        "en": "How long data are kept",
    },
    "consent": {"fr": "Le consentement", "ar": "الرضا", "en": "Consent"},
    "information_notice": {
        "fr": "L'information des personnes",
        "ar": "إخبار الأشخاص المعنيين",
        "en": "Information of persons",
    },
    "indirect_collection": {
        "fr": "La collecte indirecte",
        "ar": "الجمع غير المباشر",
        "en": "Indirect collection",
    },
    "rights": {
        "fr": "Les droits des personnes",
        "ar": "حقوق الأشخاص المعنيين",
        "en": "Rights of persons",
    },
    "automated_decisions": {
        "fr": "Les décisions automatisées",
        "ar": "القرارات الآلية",
        "en": "Automated decisions",
    },
    "direct_marketing": {"fr": "La prospection directe", "ar": "الاستقراء المباشر", "en": "Direct marketing"},
    "cndp": {
        "fr": "Les formalités auprès de la CNDP",
        "ar": "الإجراءات لدى اللجنة الوطنية",
        "en": "CNDP formalities",
    },
    "cndp.declared": {
        "fr": "Ce que dit la déclaration à la CNDP",
        "ar": "مضمون التصريح لدى اللجنة الوطنية",
        "en": "What the CNDP declaration states",
    },
    "transfers[]": {
        "fr": "Le transfert à l'étranger",
        "ar": "نقل المعطيات إلى الخارج",
        "en": "The transfer abroad",
    },
    "processors[]": {"fr": "Le sous-traitant", "ar": "المعالج من الباطن", "en": "The processor"},
    "security": {"fr": "La sécurité des données", "ar": "سلامة المعطيات", "en": "Data security"},
    "sensitive": {"fr": "Les données sensibles", "ar": "المعطيات الحساسة", "en": "Sensitive data"},
    "ai": {"fr": "Le système d'IA", "ar": "نظام الذكاء الاصطناعي", "en": "The AI system"},
    "ai.training": {
        "fr": "L'entraînement du modèle",
        "ar": "تدريب النموذج",
        "en": "Training of the model",
    },
    "ai.inference": {
        "fr": "Le fournisseur et l'hébergement du modèle",
        "ar": "مزود النموذج واستضافته",
        "en": "Model provider and hosting",
    },
    "ai.logging": {
        "fr": "Les journaux de prompts et de réponses",
        "ar": "سجلات الطلبات والأجوبة",
        "en": "Prompt and output logs",
    },
    "ai.voice": {"fr": "La voix", "ar": "الصوت", "en": "Voice"},
    "ai.facial_recognition": {
        "fr": "La reconnaissance faciale",
        "ar": "التعرف على الوجه",
        "en": "Facial recognition",
    },
}


def file_field(path: str) -> str | None:
    """The field of the submission file a traced fact is read from, list indices kept (`transfers[0].x`).

    None for a derived fact decided from other fields (the regime the law requires, for instance).
    """
    if not path.startswith("derived."):
        return path
    return _DERIVED_SOURCE.get(_INDEX.sub("[]", path))


def section_of(field: str) -> str:
    """The object holding a field (`processings[0].retention` for `processings[0].retention.period_days`)."""
    parent, _, _ = field.rpartition(".")
    return parent


def section_label(section: str, lang: str) -> str:
    """The section's name in words, with the item's number for an item of a list ("The processing 1")."""
    generic = _INDEX.sub("[]", section)
    words = SECTION_LABELS.get(generic, {}).get(lang) or section
    numbers = [int(n) + 1 for n in re.findall(r"\[(\d+)\]", section)]
    return words + "".join(f" {n}" for n in numbers)


def plain_value(value: Any, lang: str) -> str:
    """A fact's value in words: yes/no, lists joined, 'not stated' for null; never a Python repr."""
    if value is None:
        return {"fr": "non renseigné", "ar": "غير مذكور", "en": "not stated"}[lang]
    if isinstance(value, bool):
        return {"fr": ("oui", "non"), "ar": ("نعم", "لا"), "en": ("yes", "no")}[lang][0 if value else 1]
    if isinstance(value, list):
        if not value:
            return {"fr": "aucun", "ar": "لا شيء", "en": "none"}[lang]
        return ", ".join(plain_value(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain_value(v, lang)}" for k, v in value.items())
    return str(value)
