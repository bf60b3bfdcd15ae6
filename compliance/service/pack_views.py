"""Keeping the pack's logic in the store, and reading stored assessments with the pack they name."""

from __future__ import annotations

from collections.abc import Callable

from compliance.domain.compact import PackView, add_view_loader, remove_view_loader
from compliance.engine.logic import logic_document, texts_document, view_of_documents
from compliance.service.assessing import Assessor
from compliance.storage.pack_store import PackRepository


def publish_pack(assessor: Assessor, packs: PackRepository) -> Callable[[], None]:
    """Store the running pack's logic and texts, and read the logic of older assessments from `packs`.

    Returns what undoes the second part (a closed store's packs are no longer read)."""
    engine = assessor.engine
    packs.put(logic_document(engine.pack, engine.program.leaves), texts_document(engine.pack))

    def load(logic: str) -> PackView | None:
        found = packs.get(logic)
        return None if found is None else view_of_documents(*found)

    add_view_loader(load)
    return lambda: remove_view_loader(load)
