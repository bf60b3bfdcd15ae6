"""The plain forms of a compiled pack (`compliance.engine.lean.PlainPack`), made from its models when the pack
cache writes an entry: what a warm text `check` reads instead of the models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from compliance.domain.compact_form import PackView, RuleView
from compliance.domain.plain_forms import (
    PlainAdequacy,
    PlainCountry,
    PlainPackInfo,
    PlainPenalty,
    PlainReference,
    PlainTextList,
    PlainTexts,
    TriggerHead,
)
from compliance.engine.lean import PlainPack

if TYPE_CHECKING:
    from compliance.domain.basis import Localized, LocalizedList, Reference
    from compliance.domain.outcomes import PenaltyExposure
    from compliance.domain.pack import RulePack


def _texts(t: Localized | PlainTexts) -> PlainTexts:
    return PlainTexts(t.fr, t.en, t.ar)


def _list(t: LocalizedList | PlainTextList) -> PlainTextList:
    return PlainTextList(t.fr, t.en, t.ar)


def _reference(r: Reference | PlainReference) -> PlainReference:
    return PlainReference(
        instrument=r.instrument,
        article=r.article if isinstance(r.article, str) else _texts(r.article),
        status=r.status,
        note=None if r.note is None else _texts(r.note),
        name=None if r.name is None else _texts(r.name),
    )


def _penalty(p: PenaltyExposure | PlainPenalty | None) -> PlainPenalty | None:
    if p is None:
        return None
    return PlainPenalty(p.article, p.prison_months, p.fine_mad, p.company_fine_mad, p.per_infringement)


def plain_view(view: PackView) -> PackView:
    rules = {
        rule_id: RuleView(
            chapter=r.chapter,
            title=_texts(r.title),
            basis_status=r.basis_status,
            references=[_reference(ref) for ref in r.references],
            explanation=_texts(r.explanation),
            remediation=_texts(r.remediation),
            questions=_list(r.questions),
            penalty=_penalty(r.penalty),
        )
        for rule_id, r in view.rules.items()
    }
    return PackView(view.logic, rules, view.leaves)


def plain_pack(pack: RulePack, view: PackView) -> PlainPack:
    from compliance.engine.derive import BLANK, COVER_FIELDS, KINDS

    info = pack.info
    adequacy = pack.adequacy
    reference: dict[str, Any] = pack.reference
    return PlainPack(
        info=PlainPackInfo(info.id, info.version, info.law_version, info.hash, info.rule_count),
        reference=reference,
        adequacy=PlainAdequacy(
            {code: PlainCountry(c.verified) for code, c in adequacy.countries.items()},
            dict.fromkeys(adequacy.doubtful),
        ),
        trigger_heads=[TriggerHead(t.id, t.article, t.status, _texts(t.reason)) for t in pack.trigger_heads],
        view=plain_view(view),
        blank=BLANK,
        cover_fields=COVER_FIELDS,
        kinds=KINDS,
    )
