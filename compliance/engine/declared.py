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


def _declared_recipients(processings: list[dict[str, Any]] | None) -> tuple[list[Any], bool]:
    """The recipients and third parties disclosed to over the processings, and whether each one stated them."""
    recipients, recipients_complete = _gather(processings, "recipients", many=True)
    disclosures: list[dict[str, Any]] = []
    for p in processings or []:
        disclosures.extend(p.get("third_party_disclosures") or [])
    disclosed, disclosed_complete = _gather(disclosures, "recipient", many=False)
    return recipients + disclosed, recipients_complete and disclosed_complete


def compare_declaration(facts: dict[str, Any], categories: list[str] | None) -> dict[str, Any]:
    """Each comparison reads the project's side only when the declaration's is stated (otherwise it is None
    whatever the project says): most projects state no declaration, and then nothing is gathered."""
    declared = (facts.get("cndp") or {}).get("declared") or {}
    processings = facts.get("processings")
    out: dict[str, Any] = dict.fromkeys(_COMPARED)
    if declared:
        stated = declared.get("purposes")
        if stated is not None:
            out["undeclared_purposes"] = _missing(*_gather(processings, "purposes", many=True), stated, True)
        stated = declared.get("data_categories")
        if stated is not None:
            out["undeclared_data_categories"] = _missing(
                categories or [], categories is not None, stated, False
            )
        stated = declared.get("data_subjects")
        if stated is not None:
            subjects = _gather(processings, "data_subjects", many=True)
            out["undeclared_data_subjects"] = _missing(*subjects, stated, False)
        stated = declared.get("recipients")
        if stated is not None:
            out["undeclared_recipients"] = _missing(*_declared_recipients(processings), stated, True)
        stated = declared.get("processors")
        if stated is not None:
            processors, complete = _gather(facts.get("processors"), "name", many=False)
            out["undeclared_processors"] = _missing(
                processors, complete and facts.get("processors") is not None, stated, True
            )
    controller = facts.get("controller") or {}
    out["declared_controller_matches"] = _same(controller.get("name"), declared.get("controller"))
    representative = (controller.get("representative_in_morocco") or {}).get("name")
    out["declared_representative_matches"] = _same(representative, declared.get("representative"))
    return out


_COMPARED = (  # the keys of `compare_declaration`, in the order `Derived` has them
    "undeclared_purposes",
    "undeclared_data_categories",
    "undeclared_data_subjects",
    "undeclared_recipients",
    "undeclared_processors",
    "declared_controller_matches",
    "declared_representative_matches",
)
