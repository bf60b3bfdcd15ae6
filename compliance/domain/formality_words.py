"""The CNDP formality plan in one sentence, in the reader's language, from the catalogue: the regime, then the
triggers that apply, those to confirm and the transfers to file ('Prior declaration (Art. 12(2)); triggers:
Art. 12(1)(b); transfers abroad (F118): US.'). The engine keeps it in French and English in the plan; the
reports compose it from the plan's parts in every language."""

from __future__ import annotations

from compliance.domain.basis import Localized
from compliance.domain.citations import cited
from compliance.domain.outcomes import FormalityPlan, FormalityTrigger, Regime, TransferFiling
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued

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
    certain: list[FormalityTrigger],
    possible: list[FormalityTrigger],
    transfers: list[TransferFiling],
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


def plan_sentence(plan: FormalityPlan, lang: Lang | str) -> str:
    """The plan's sentence, composed from its parts."""
    return formality_sentence(plan.regime, plan.triggers, plan.possible_triggers, plan.transfers, lang)


def plan_summary(
    regime: Regime,
    certain: list[FormalityTrigger],
    possible: list[FormalityTrigger],
    transfers: list[TransferFiling],
) -> Localized:
    """The sentence the engine keeps in the plan, in French and English."""
    fr, en = (formality_sentence(regime, certain, possible, transfers, lang) for lang in (Lang.fr, Lang.en))
    return Localized(fr=fr, en=en)
