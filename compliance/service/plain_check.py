"""A warm text `compliance check` of valid files with no pydantic model: the pack's plain forms from the pack
cache (`load_plain`), the lean engine on them (`compliance.engine.lean.PlainEngine`), plain assessments that
the text report reads as it reads the models. Anything else (another format, waivers, a baseline, a server,
a file pydantic has to read, no cache entry) takes the models' way."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from compliance.engine.lean import PlainEngine
from compliance.service.pack_cache import load_plain

if TYPE_CHECKING:
    from compliance.domain.outcomes import Assessment


_engines: dict[Path | None, PlainEngine] = {}


def plain_engine_for(rules_dir: Path | None = None) -> PlainEngine | None:
    """The plain engine of the cached pack in `rules_dir`, kept for the process; None while the cache does not
    hold it (not kept: a later file of the same run finds the entry the models' way wrote)."""
    engine = _engines.get(rules_dir)
    if engine is None:
        found = load_plain(rules_dir)
        if found is None:
            return None
        engine = _engines[rules_dir] = PlainEngine(found.plain, found.program, found.code, found.logic)
    return engine


def plain_assessment(engine: PlainEngine, facts: dict[str, Any]) -> Assessment:
    """The assessment of a submission's facts in plain forms, which have every attribute and method of the
    model that the text report and the gate read (`compliance.domain.plain_forms`): typed as the model for
    them; tests/core/test_plain_submission.py compares their outputs with the models' byte for byte."""
    return cast("Assessment", engine.assess_facts(dict(facts)))
