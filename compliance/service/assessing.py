"""The assess use case: load the pack once, assess submissions with it."""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path

from compliance.domain.compact import CompactAssessment
from compliance.domain.outcomes import Assessment
from compliance.domain.pack import RulePack
from compliance.domain.submission import Submission
from compliance.engine.assess import Engine
from compliance.ruleset.loader import load_pack


class Assessor:
    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self.engine = Engine(pack)
        # The pack lives as long as the process: keep the collector from walking it on every collection.
        gc.freeze()

    def assess(self, submission: Submission) -> Assessment:
        return self.engine.assess(submission)

    def assess_compact(self, submission: Submission) -> CompactAssessment:
        """What the service stores; `self.engine.view` expands it."""
        return self.engine.assess_compact(submission)


@lru_cache(maxsize=4)
def assessor_for(rules_dir: Path | None = None) -> Assessor:
    """One compiled pack per folder for the life of the process."""
    return Assessor(load_pack(rules_dir))
