"""The logic of a pack apart from its texts, its hash, and the views expansion reads.

The logic document holds what decides an outcome or is cited in it: per rule its chapter, severity and
overrides, enforcement, references, penalty and conditions, plus the leaf table its traces refer to. Stored
assessments name the pack by the SHA-256 of this document's canonical JSON, so fixing a translation (a title,
an explanation, a question, a reference's note or the words of a cited page) leaves their name valid; the texts
are kept beside it, by rule. A reference stands in the logic as its instrument, its article (an article number,
or the English words of what it cites) and its status; its note and its words in each language are texts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from compliance.domain.basis import ARTICLE_NUMBER, Localized, LocalizedList, Reference, RefStatus
from compliance.domain.compact import Leaf, PackView, RuleView, hash_logic
from compliance.domain.outcomes import PenaltyExposure

if TYPE_CHECKING:
    from compliance.domain.pack import RulePack
    from compliance.domain.rules import Rule

LOGIC_FORM = "law0908-logic/2"  # /1 held the references whole, notes included
_LOGIC_FIELDS = {"id", "chapter", "severity", "severity_overrides", "enforcement", "penalty"}
_REFERENCE_TEXTS = {"article", "note", "name"}
_CONDITIONS = ("applies_when", "require")
_TEXT_FIELDS = ("title", "explain", "remediation", "questions")


def logic_document(pack: RulePack, leaves: list[Leaf]) -> dict[str, Any]:
    rules = []
    for rule in pack.rules:
        doc = rule.model_dump(mode="json", include=_LOGIC_FIELDS | set(_CONDITIONS))
        doc["references"] = [
            {"instrument": r.instrument, "article": r.article_in("en"), "status": r.status.value}
            for r in rule.references
        ]
        rules.append(doc)
    return {"form": LOGIC_FORM, "rules": rules, "leaves": [list(leaf) for leaf in leaves]}


def texts_document(pack: RulePack) -> dict[str, Any]:
    texts = {}
    for rule in pack.rules:
        texts[rule.id] = rule.model_dump(mode="json", include=set(_TEXT_FIELDS))
        texts[rule.id]["references"] = [
            r.model_dump(mode="json", include=_REFERENCE_TEXTS) for r in rule.references
        ]
    return texts


def _reference(logic: dict[str, Any], text: dict[str, Any] | None) -> Reference:
    """A reference from its logic and its texts; a pack stored before its references had texts (form /1)
    gives its English note and words for every language."""
    if text is None:
        article, note = logic["article"], logic.get("note")
        text = {
            "article": article if re.match(ARTICLE_NUMBER, article) else {"fr": article, "en": article},
            "note": None if note is None else {"fr": note, "en": note},
        }
    return Reference.model_validate({"instrument": logic["instrument"], "status": logic["status"], **text})


def _exposure(rule: Rule) -> PenaltyExposure | None:
    p = rule.penalty
    if p is None:
        return None
    return PenaltyExposure(
        article=p.article,
        prison_months=p.prison_months,
        fine_mad=p.fine_mad,
        company_fine_mad=p.company_fine_mad,
        per_infringement=p.per_infringement,
    )


def view_of_pack(pack: RulePack, logic: str, leaves: list[Leaf]) -> PackView:
    """The view of a loaded pack: its own model objects, shared by every assessment."""
    rules = {
        r.id: RuleView(
            chapter=r.chapter,
            title=r.title,
            basis_status=r.basis_status,
            references=r.references,
            explanation=r.explain,
            remediation=r.remediation,
            questions=r.questions,
            penalty=_exposure(r),
        )
        for r in pack.rules
    }
    return PackView(logic=logic, rules=rules, leaves=leaves)


_ORDER = [RefStatus.verified, RefStatus.inferred, RefStatus.secondary, RefStatus.unverified]


def view_of_documents(logic: dict[str, Any], texts: dict[str, Any]) -> PackView:
    """The view of a pack kept in the pack store: its logic document and its texts, by rule."""
    rules = {}
    for doc in logic["rules"]:
        text = texts[doc["id"]]
        worded = text.get("references") or [None] * len(doc["references"])
        refs = [_reference(r, t) for r, t in zip(doc["references"], worded, strict=True)]
        p = doc.get("penalty")
        rules[doc["id"]] = RuleView(
            chapter=doc["chapter"],
            title=Localized.model_validate(text["title"]),
            basis_status=min((r.status for r in refs), key=_ORDER.index),
            references=refs,
            explanation=Localized.model_validate(text["explain"]),
            remediation=Localized.model_validate(text["remediation"]),
            questions=LocalizedList.model_validate(text["questions"]),
            penalty=None
            if p is None
            else PenaltyExposure(
                article=p["article"],
                prison_months=p["prison_months"],
                fine_mad=p["fine_mad"],
                company_fine_mad=(p["fine_mad"][0] * 2, p["fine_mad"][1] * 2),
                per_infringement=p["per_infringement"],
            ),
        )
    leaves = [(str(t), bool(r), str(test)) for t, r, test in logic["leaves"]]
    return PackView(logic=hash_logic(logic), rules=rules, leaves=leaves)
