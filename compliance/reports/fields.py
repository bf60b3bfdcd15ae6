"""Facts as a person reads them: the field of the submission file a fact comes from, and its value in words.

The engine traces facts by their paths, some of them derived (`derived.foreign_destinations[0].mechanism`);
a reader needs the field they write in their file (`transfers[].mechanism`) and a value without code syntax.
"""

from __future__ import annotations

import re
from typing import Any

from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued

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
SECTION_LABELS: Catalogued[str] = Catalogued(
    "file section",
    {
        "": "The project",
        "controller": "The controller",
        "processings[]": "The processing",
        "processings[].retention": "How long data are kept",
        "consent": "Consent",
        "information_notice": "Information of persons",
        "indirect_collection": "Indirect collection",
        "rights": "Rights of persons",
        "automated_decisions": "Automated decisions",
        "direct_marketing": "Direct marketing",
        "cndp": "CNDP formalities",
        "cndp.declared": "What the CNDP declaration states",
        "transfers[]": "The transfer abroad",
        "processors[]": "The processor",
        "security": "Data security",
        "sensitive": "Sensitive data",
        "ai": "The AI system",
        "ai.training": "Training of the model",
        "ai.inference": "Model provider and hosting",
        "ai.logging": "Prompt and output logs",
        "ai.voice": "Voice",
        "ai.facial_recognition": "Facial recognition",
    },
)
VALUE_WORDS: Catalogued[str] = Catalogued(
    "fact value", {"null": "not stated", "true": "yes", "false": "no", "empty": "none"}
)


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


def section_label(section: str, lang: Lang | str) -> str:
    """The section's name in words, with the item's number for an item of a list ("The processing 1")."""
    generic = _INDEX.sub("[]", section)
    words = SECTION_LABELS[lang].get(generic) or section
    numbers = [int(n) + 1 for n in re.findall(r"\[(\d+)\]", section)]
    return words + "".join(f" {n}" for n in numbers)


def plain_value(value: Any, lang: Lang | str) -> str:
    """A fact's value in words: yes/no, lists joined, 'not stated' for null; never a Python repr."""
    if value is None:
        return VALUE_WORDS[lang]["null"]
    if isinstance(value, bool):
        return VALUE_WORDS[lang]["true" if value else "false"]
    if isinstance(value, list):
        if not value:
            return VALUE_WORDS[lang]["empty"]
        return ", ".join(plain_value(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain_value(v, lang)}" for k, v in value.items())
    return str(value)
