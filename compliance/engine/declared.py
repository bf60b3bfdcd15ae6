"""The CNDP declaration compared with the project, item by item (Art. 15).

The condition language cannot compare two lists, so each comparison is a derived fact: the items the project
has that the declaration does not state. A comparison is `None` (unknown) when the declaration's side is not
stated, or when some item of the project is not stated and nothing undeclared was found among the others.
Free texts (purposes, recipients, processor names) match when equal after folding case and spacing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A free text folded for comparison: case, spacing and a final stop do not count. Memoised: the same
    purposes and names are folded in every assessment (and by several derived facts in one)."""
    return _SPACE.sub(" ", text).strip().strip(".;:").casefold()


def _missing(
    actual: Iterable[Any], complete: bool, declared: list[Any] | None, texts: bool
) -> list[Any] | None:
    if declared is None:
        return None
    known = {fold(d) if texts else d for d in declared}
    seen: dict[Any, None] = {}
    for item in actual:
        if (fold(item) if texts else item) not in known:
            seen[item] = None
    if seen:
        return list(seen)
    return [] if complete else None


def _gather(items: list[dict[str, Any]] | None, key: str, *, many: bool) -> tuple[list[Any], bool]:
    """Values of `key` over items (flattening lists when `many`), and whether every item stated it."""
    if items is None:
        return [], False
    out: list[Any] = []
    complete = True
    for item in items:
        value = item.get(key)
        if value is None:
            complete = False
        elif many:
            out.extend(value)
        else:
            out.append(value)
    return out, complete


def _same(actual: str | None, declared: str | None) -> bool | None:
    return None if actual is None or declared is None else fold(actual) == fold(declared)


def compare_declaration(facts: dict[str, Any], categories: list[str] | None) -> dict[str, Any]:
    declared = (facts.get("cndp") or {}).get("declared") or {}
    processings = facts.get("processings")
    purposes, purposes_complete = _gather(processings, "purposes", many=True)
    subjects, subjects_complete = _gather(processings, "data_subjects", many=True)
    recipients, recipients_complete = _gather(processings, "recipients", many=True)
    disclosures: list[dict[str, Any]] = []
    for p in processings or []:
        disclosures.extend(p.get("third_party_disclosures") or [])
    disclosed, disclosed_complete = _gather(disclosures, "recipient", many=False)
    processors, processors_complete = _gather(facts.get("processors"), "name", many=False)
    controller = (facts.get("controller") or {}).get("name")
    declared_controller = declared.get("controller")
    representative = ((facts.get("controller") or {}).get("representative_in_morocco") or {}).get("name")
    declared_representative = declared.get("representative")
    return {
        "undeclared_purposes": _missing(purposes, purposes_complete, declared.get("purposes"), True),
        "undeclared_data_categories": _missing(
            categories or [], categories is not None, declared.get("data_categories"), False
        ),
        "undeclared_data_subjects": _missing(
            subjects, subjects_complete, declared.get("data_subjects"), False
        ),
        "undeclared_recipients": _missing(
            recipients + disclosed,
            recipients_complete and disclosed_complete,
            declared.get("recipients"),
            True,
        ),
        "undeclared_processors": _missing(
            processors,
            processors_complete and facts.get("processors") is not None,
            declared.get("processors"),
            True,
        ),
        "declared_controller_matches": _same(controller, declared_controller),
        "declared_representative_matches": _same(representative, declared_representative),
    }
