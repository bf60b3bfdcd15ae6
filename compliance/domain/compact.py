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
from collections.abc import Callable
from typing import Any

import pydantic_core

from compliance.domain.compact_form import (
    _OUTCOME,
    _SEVERITY,
    ASKING,
    COMPACT_FORM,
    NOT_MET,
    CompactAssessment,
    CompactFinding,
    Leaf,
    PackView,
    RuleView,
    UnknownRule,
    expand_into,
    expand_trace,
)
from compliance.domain.outcomes import Assessment, Finding, FormalityPlan, PackInfo, Verdict
from compliance.domain.standing import WAIVED

# What lives in `compliance.domain.compact_form` (no pydantic) is re-exported: its importers keep working.
__all__ = [
    "ASKING",
    "COMPACT_FORM",
    "NOT_MET",
    "CompactAssessment",
    "CompactFinding",
    "Leaf",
    "PackView",
    "RuleView",
    "UnknownPack",
    "UnknownRule",
    "add_view_loader",
    "compact_from_json",
    "expand",
    "expand_trace",
    "hash_logic",
    "is_compact",
    "register_view",
    "remove_view_loader",
    "view_for",
]


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


def expand(compact: CompactAssessment, view: PackView) -> Assessment:
    """The full assessment, as the engine before compact assessments built it."""
    return expand_into(compact, view, Finding.model_construct, Assessment.model_construct)


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
