"""After a resubmission, the previous version's judgements whose facts did not change are copied over.

Given to `Projects` at construction, which calls it with every newly stored version."""

from __future__ import annotations

from datetime import UTC, datetime

from compliance.domain.review import Judgement
from compliance.engine.diff import judgement_carries_over
from compliance.service.review_records import SYSTEM_ACTOR, review_event, update_review
from compliance.storage.protocol import Store
from compliance.storage.records import ProjectVersion


class JudgementCarryOver:
    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, version: ProjectVersion) -> int:
        """The number of judgements carried over to `version`."""
        if version.number < 2:
            return 0
        previous = self.store.projects.get_review(version.project_id, version.number - 1)
        if previous is None or not previous.judgements:
            return 0
        old = self.store.projects.get_version(version.project_id, version.number - 1)
        if old is None:
            return 0
        before = {f.rule_id: f for f in old.assessment.parsed.findings}
        after = {f.rule_id: f for f in version.assessment.parsed.findings}
        today = datetime.now(UTC).date()  # an expired waiver is not carried into a new decision
        kept = {
            rule_id: j.model_copy(update={"carried_over_from": j.carried_over_from or old.number})
            for rule_id, j in previous.judgements.items()
            if rule_id in before
            and rule_id in after
            and judgement_carries_over(before[rule_id], after[rule_id])
            and not (j.judgement is Judgement.waived and j.expires is not None and j.expires < today)
        }
        if kept:
            details: dict[str, str | int | None] = {"from_version": old.number, "judgements": len(kept)}
            update_review(
                self.store,
                version.project_id,
                version.number,
                lambda current: current.model_copy(update={"judgements": {**kept, **current.judgements}}),
                bump_revision=False,
                events=lambda updated: [
                    review_event(SYSTEM_ACTOR, "judgements.carried_over", updated, details)
                ],
            )
        return len(kept)
