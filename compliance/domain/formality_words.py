"""The CNDP formality plan in one sentence, in the reader's language, from the catalogue: the regime, then the
triggers that apply, those to confirm and the transfers to file ('Prior declaration (Art. 12(2)); triggers:
Art. 12(1)(b); transfers abroad (F118): US.'). The engine keeps it in French and English in the plan (`compliance.engine.route.plan_summary`); the
reports compose it from the plan's parts in every language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from compliance.domain.citations import cited
from compliance.domain.grades import Regime
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued

if TYPE_CHECKING:
    from compliance.domain.outcomes import FormalityPlan
    from compliance.domain.plain_forms import PlainPlan


class _Cites(Protocol):
    @property
    def article(self) -> str: ...


class _Goes(Protocol):
    @property
    def country(self) -> str: ...


PLAN_TEXTS: Catalogued[str] = Catalogued(
    "formality plan",
    {
        Regime.none: "no formality (no personal data)",
        Regime.declaration: "prior declaration (Art. 12(2))",
        Regime.authorisation: "prior authorisation (Art. 12(1))",
        Regime.undetermined: "undetermined: facts are missing to choose between declaration and authorisation",
        "triggers": "triggers: {triggers}",
        "possible": "to confirm: {triggers}",
        "transfers": "transfers abroad (F118): {countries}",
    },
)
# Punctuation between the items of a list (', ', Arabic '، ') and between the parts of the sentence ('; ',
# French ' ; ', Arabic '؛ ').
SEPARATORS: Catalogued[str] = Catalogued("separator", {"items": ", ", "parts": "; "})


def formality_sentence(
    regime: str,
    certain: Sequence[_Cites],
    possible: Sequence[_Cites],
    transfers: Sequence[_Goes],
    lang: Lang | str,
) -> str:
    words, marks = PLAN_TEXTS[lang], SEPARATORS[lang]
    parts = [words.get(regime, regime)]
    if certain:
        cites = marks["items"].join(cited(t.article, lang) for t in certain)
        parts.append(words["triggers"].format(triggers=cites))
    if possible:
        cites = marks["items"].join(cited(t.article, lang) for t in possible)
        parts.append(words["possible"].format(triggers=cites))
    if transfers:
        countries = marks["items"].join(t.country for t in transfers)
        parts.append(words["transfers"].format(countries=countries))
    sentence = marks["parts"].join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def plan_sentence(plan: FormalityPlan | PlainPlan, lang: Lang | str) -> str:
    """The plan's sentence, composed from its parts."""
    return formality_sentence(plan.regime, plan.triggers, plan.possible_triggers, plan.transfers, lang)
