"""Rule texts in another language, kept beside the rules: `rules/i18n/<lang>/<rule-id>.yaml`.

A separate file per rule and language, so that translating never edits the rule file itself (and a legal change
to a rule never conflicts with its translation). The loader merges each file into its rule.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from compliance.domain.base import Frozen
from compliance.domain.rules import Localized, LocalizedList, Reference, Rule

I18N_DIR = "i18n"
LANGUAGES = ("ar",)  # the languages a rule can carry besides its French and English texts

_Text = Annotated[str, StringConstraints(min_length=1)]


class ReferenceTexts(Frozen):
    """The Arabic of one reference: its note, and its article when that is a text rather than a number."""

    note: _Text | None = None
    article: _Text | None = None


class RuleTexts(Frozen):
    """The translated texts of one rule; each one present replaces nothing, it adds the language."""

    title: _Text
    explain: _Text | None = None
    remediation: _Text | None = None
    questions: list[_Text] | None = None
    references: list[ReferenceTexts] | None = Field(
        default=None, description="One entry per reference of the rule, in order ({} for one with no text)."
    )


def with_texts(rule: Rule, texts: RuleTexts) -> Rule:
    """The rule with its Arabic texts; ValueError if the questions do not match the French ones one to one."""
    update: dict[str, object] = {"title": _add(rule.title, texts.title)}
    if texts.explain is not None:
        update["explain"] = _add(rule.explain, texts.explain)
    if texts.remediation is not None:
        update["remediation"] = _add(rule.remediation, texts.remediation)
    if texts.questions is not None:
        if len(texts.questions) != len(rule.questions.fr):
            raise ValueError("questions: one Arabic question for each French one")
        update["questions"] = LocalizedList(fr=rule.questions.fr, en=rule.questions.en, ar=texts.questions)
    if texts.references is not None:
        if len(texts.references) != len(rule.references):
            raise ValueError("references: one entry for each reference of the rule, in order")
        update["references"] = [
            _ref(ref, t) for ref, t in zip(rule.references, texts.references, strict=True)
        ]
    return rule.model_copy(update=update)


def _ref(ref: Reference, texts: ReferenceTexts) -> Reference:
    update: dict[str, object] = {}
    if texts.note is not None:
        if ref.note is None:
            raise ValueError("references: an Arabic note for a reference that has none")
        update["note"] = _add(ref.note, texts.note)
    if texts.article is not None:
        if isinstance(ref.article, str):
            raise ValueError(f"references: article '{ref.article}' is a number, it is not translated")
        update["article"] = _add(ref.article, texts.article)
    return ref.model_copy(update=update)


def untranslated(rule: Rule, lang: str) -> list[str]:
    """What of a rule's references has no text in `lang`: every note and worded article must have one."""
    missing = []
    for i, ref in enumerate(rule.references):
        if ref.note is not None and getattr(ref.note, lang) is None:
            missing.append(f"references.{i}.note")
        if not isinstance(ref.article, str) and getattr(ref.article, lang) is None:
            missing.append(f"references.{i}.article")
    return missing


def _add(text: Localized, value: str) -> Localized:
    return text.model_copy(update={"ar": value})
