"""The assess use case: load the pack once, assess submissions with it."""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.domain.compact import CompactAssessment, expand
from compliance.domain.outcomes import Assessment
from compliance.engine.assess import Engine
from compliance.service.pack_cache import load_compiled, rule_documents
from compliance.service.validator_cache import prepare

if TYPE_CHECKING:
    from compliance.domain.pack import RulePack
    from compliance.domain.submission import Submission


class Assessor:
    def __init__(self, pack: RulePack, engine: Engine | None = None) -> None:
        self.pack = pack
        self.engine = engine or Engine(pack)
        self._rule_documents: dict[str, dict[str, Any]] | None = None
        # The pack lives as long as the process: keep the collector from walking it on every collection.
        gc.freeze()

    def assess(self, submission: Submission) -> Assessment:
        return self.engine.assess(submission)

    def assess_facts(self, facts: dict[str, Any]) -> Assessment:
        """The assessment of a submission given as its facts (`compliance.service.plain_submission`)."""
        prepare(submission=False)  # the kept validators of the plan's parts, without the submission's
        return expand(self.engine.assess_facts(facts), self.engine.view)

    def assess_compact(self, submission: Submission) -> CompactAssessment:
        """What the service stores; `self.engine.view` expands it."""
        return self.engine.assess_compact(submission)

    @property
    def rule_documents(self) -> dict[str, dict[str, Any]]:
        """Each rule in full, as `compliance rules show` prints it (kept in the pack cache)."""
        if self._rule_documents is None:
            self._rule_documents = rule_documents(self.pack)
        return self._rule_documents


@lru_cache(maxsize=4)
def assessor_for(rules_dir: Path | None = None) -> Assessor:
    """One compiled pack per folder for the life of the process, from the pack cache when it holds it."""
    compiled = load_compiled(rules_dir)
    engine = Engine(compiled.pack, compiled.program, compiled.code, compiled.logic, compiled.view)
    assessor = Assessor(compiled.pack, engine)
    assessor._rule_documents = compiled.rule_documents
    return assessor
