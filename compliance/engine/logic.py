"""The logic of a pack apart from its texts, its hash, and the views expansion reads.

The logic document holds what decides an outcome or is cited in it: per rule its chapter, severity and
overrides, enforcement, references, penalty and conditions, plus the leaf table its traces refer to. Stored
assessments name the pack by the SHA-256 of this document's canonical JSON, so fixing a translation (a title,
an explanation, a question) leaves their name valid; the texts are kept beside it, by rule.
"""

from __future__ import annotations

from typing import Any

from compliance.domain.compact import Leaf, PackView, RuleView, hash_logic
from compliance.domain.outcomes import PenaltyExposure
from compliance.domain.pack import RulePack
from compliance.domain.rules import Localized, LocalizedList, Reference, RefStatus, Rule

LOGIC_FORM = "law0908-logic/1"
_LOGIC_FIELDS = {"id", "chapter", "severity", "severity_overrides", "enforcement", "references", "penalty"}
_CONDITIONS = ("applies_when", "require")
_TEXT_FIELDS = ("title", "explain", "remediation", "questions")


def logic_document(pack: RulePack, leaves: list[Leaf]) -> dict[str, Any]:
    rules = []
    for rule in pack.rules:
        doc = rule.model_dump(mode="json", include=_LOGIC_FIELDS | set(_CONDITIONS))
        rules.append(doc)
    return {"form": LOGIC_FORM, "rules": rules, "leaves": [list(leaf) for leaf in leaves]}


def texts_document(pack: RulePack) -> dict[str, Any]:
    return {rule.id: rule.model_dump(mode="json", include=set(_TEXT_FIELDS)) for rule in pack.rules}


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
        refs = [Reference.model_validate(r) for r in doc["references"]]
        text = texts[doc["id"]]
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
