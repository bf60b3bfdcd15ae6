"""Compact assessments: what is specific to one assessment, the rest named by the pack's logic hash.

A compact finding is `(rule_id, outcome, severity, trace)`; a trace entry is `(leaf, value, result)`, or
`(leaf, value, result, prefix)` inside `every`/`some`, where `leaf` numbers an entry of the pack's leaf table
(the path as shown and the comparison). Titles, references, texts, chapters and penalties come from a
`PackView` of the pack whose logic the assessment names, so `expand` gives back the full `Assessment` that
reports and the API read, field for field. Stored, a compact assessment is about a quarter of the full one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pydantic_core

from compliance.domain.basis import Localized, LocalizedList, Reference, RefStatus, Severity
from compliance.domain.outcomes import (
    Assessment,
    Finding,
    FormalityPlan,
    Outcome,
    PackInfo,
    PenaltyExposure,
    TraceEntry,
    Verdict,
)
from compliance.domain.standing import WAIVED

COMPACT_FORM = "law0908-compact/1"
NOT_MET = (Outcome.fail, Outcome.advisory, Outcome.needs_info)
ASKING = (Outcome.needs_info, Outcome.advisory)

# (path as shown without a scope prefix, reads from the root, comparison)
Leaf = tuple[str, bool, str]
CompactFinding = tuple[str, str, str, list[tuple[Any, ...]]]  # rule id, outcome, severity (values), trace
_OUTCOME = {o.value: o for o in Outcome}
_SEVERITY = {s.value: s for s in Severity}


@dataclass(frozen=True, slots=True)
class RuleView:
    """What a finding of one rule takes from the pack."""

    chapter: str
    title: Localized
    basis_status: RefStatus
    references: list[Reference]
    explanation: Localized
    remediation: Localized
    questions: LocalizedList
    penalty: PenaltyExposure | None


@dataclass(frozen=True, slots=True)
class PackView:
    """A pack as expansion needs it: its logic hash, its rules and its leaf table."""

    logic: str
    rules: Mapping[str, RuleView]
    leaves: list[Leaf]


@dataclass(slots=True)
class CompactAssessment:
    project_name: str
    submission_hash: str
    pack: PackInfo
    logic: str
    verdict: Verdict
    counts: dict[str, int]
    findings: list[CompactFinding]
    formalities: FormalityPlan

    def to_json(self) -> bytes:
        """The stored form: one JSON object, trace entries as arrays."""
        return pydantic_core.to_json(
            {
                "form": COMPACT_FORM,
                "logic": self.logic,
                "project_name": self.project_name,
                "submission_hash": self.submission_hash,
                "pack": self.pack,
                "verdict": self.verdict,
                "counts": self.counts,
                "findings": self.findings,
                "formalities": self.formalities,
            }
        )


def is_compact(data: bytes) -> bool:
    return data.startswith(b'{"form":"' + COMPACT_FORM.encode())


def compact_from_json(data: bytes) -> CompactAssessment:
    """Raises ValueError on bytes that are not a compact assessment."""
    doc = pydantic_core.from_json(data)
    if not isinstance(doc, dict) or doc.get("form") != COMPACT_FORM:
        raise ValueError("not a compact assessment")
    return CompactAssessment(
        project_name=doc["project_name"],
        submission_hash=doc["submission_hash"],
        pack=PackInfo.model_validate(doc["pack"]),
        logic=doc["logic"],
        verdict=Verdict(doc["verdict"]),
        counts={**doc["counts"], WAIVED: doc["counts"].get(WAIVED, 0)},  # stored before waivers were counted
        findings=[
            (rule_id, _OUTCOME[outcome].value, _SEVERITY[severity].value, [tuple(e) for e in trace])
            for rule_id, outcome, severity, trace in doc["findings"]
        ],
        formalities=FormalityPlan.model_validate(doc["formalities"]),
    )


def expand_trace(trace: list[tuple[Any, ...]], leaves: list[Leaf]) -> list[TraceEntry]:
    out = []
    for entry in trace:
        text, from_root, test = leaves[entry[0]]
        shown = text if from_root or len(entry) == 3 else entry[3] + text
        out.append(TraceEntry(shown, entry[1], test, entry[2]))
    return out


class UnknownRule(LookupError):
    """A stored finding names a rule its pack view does not hold (a damaged pack store)."""


def expand(compact: CompactAssessment, view: PackView) -> Assessment:
    """The full assessment, as the engine before compact assessments built it."""
    findings = []
    for rule_id, outcome_value, severity, trace in compact.findings:
        rule = view.rules.get(rule_id)
        outcome = _OUTCOME[outcome_value]
        if rule is None:
            raise UnknownRule(f"rule {rule_id} is not in the pack {view.logic}")
        not_met = outcome in NOT_MET
        findings.append(
            Finding.model_construct(
                rule_id=rule_id,
                chapter=rule.chapter,
                title=rule.title,
                outcome=outcome,
                severity=_SEVERITY[severity],
                basis_status=rule.basis_status,
                references=rule.references,
                trace=expand_trace(trace, view.leaves),
                explanation=rule.explanation if not_met else None,
                remediation=rule.remediation if not_met else None,
                questions=rule.questions if outcome in ASKING else None,
                penalty=rule.penalty if outcome is Outcome.fail else None,
                waiver=None,
                correction=None,
            )
        )
    return Assessment.model_construct(
        project_name=compact.project_name,
        submission_hash=compact.submission_hash,
        pack=compact.pack,
        verdict=compact.verdict,
        counts=compact.counts,
        findings=findings,
        formalities=compact.formalities,
        review=None,
    )


def hash_logic(document: dict[str, Any]) -> str:
    """The name of a pack's logic: the SHA-256 of its canonical JSON."""
    canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return "sha256:" + hashlib.sha256(canonical).hexdigest()


class UnknownPack(LookupError):
    """A stored assessment names a pack logic that no view or pack store holds."""


# Views of the packs this process knows, by logic hash. A view is immutable data named by the hash of its logic,
# so one table serves the whole process: engines add theirs, and the service adds a loader reading its pack
# store for the logic of assessments stored by earlier packs.
_views: dict[str, PackView] = {}
_loaders: list[Callable[[str], PackView | None]] = []


def register_view(view: PackView) -> None:
    """The latest view of a logic wins: the texts of a pack whose logic is unchanged are the newest ones."""
    _views[view.logic] = view


def add_view_loader(loader: Callable[[str], PackView | None]) -> None:
    if loader not in _loaders:
        _loaders.append(loader)


def remove_view_loader(loader: Callable[[str], PackView | None]) -> None:
    if loader in _loaders:
        _loaders.remove(loader)


def view_for(logic: str) -> PackView:
    found = _views.get(logic)
    if found is None:
        for loader in _loaders:
            found = loader(logic)
            if found is not None:
                _views.setdefault(logic, found)
                break
        else:
            raise UnknownPack(f"no rule pack with logic {logic} is known to this service")
    return found
