"""Rule texts in another language, kept beside the rules: `rules/i18n/<lang>/<rule-id>.yaml`.

A separate file per rule and language, so that translating never edits the rule file itself (and a legal change
to a rule never conflicts with its translation). The loader merges each file into its rule.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from compliance.domain.base import Frozen
from compliance.domain.rules import Localized, LocalizedList, Rule

I18N_DIR = "i18n"
LANGUAGES = ("ar",)  # the languages a rule can carry besides its French and English texts

_Text = Annotated[str, StringConstraints(min_length=1)]


class RuleTexts(Frozen):
    """The translated texts of one rule; each one present replaces nothing, it adds the language."""

    title: _Text
    explain: _Text | None = None
    remediation: _Text | None = None
    questions: list[_Text] | None = None


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
    return rule.model_copy(update=update)


def _add(text: Localized, value: str) -> Localized:
    return text.model_copy(update={"ar": value})
