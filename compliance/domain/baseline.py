"""Compare an assessment with a baseline (an earlier assessment of the same project), finding by finding.

A finding is worse when its outcome is worse (pass or not applicable < advisory < needs_info < fail) or, with
the same open outcome, its severity is higher; new when it is open now and was not open (or not assessed)
in the baseline. A pipeline gated on a baseline fails only on new or worse findings.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.basis import Severity
from compliance.domain.outcomes import OPEN_OUTCOMES, Assessment, Finding, Outcome

BADNESS = {
    Outcome.passed: 0,
    Outcome.not_applicable: 0,
    Outcome.advisory: 1,
    Outcome.needs_info: 2,
    Outcome.fail: 3,
}


class Change(StrEnum):
    new = "new"
    worse = "worse"
    improved = "improved"
    unchanged = "unchanged"


class FindingDelta(Frozen):
    rule_id: str
    change: Change
    old: Outcome | None = Field(description="Outcome in the baseline (null: the rule did not exist).")
    new: Outcome | None = Field(description="Outcome now (null: the rule was retired).")
    old_severity: Severity | None
    new_severity: Severity | None


class Comparison(Frozen):
    new: list[FindingDelta]
    worse: list[FindingDelta]
    improved: list[FindingDelta]
    unchanged: list[FindingDelta] = Field(description="Open in both, same outcome and severity.")
    pack_changed: bool

    @property
    def regressed(self) -> set[str]:
        """Rules whose finding is new or worse: the only ones a baseline lets gate."""
        return {d.rule_id for d in self.new + self.worse}


def _weight(f: Finding | None) -> tuple[int, int]:
    if f is None:
        return (0, -1)
    return (BADNESS[f.outcome], f.severity.rank if f.outcome in OPEN_OUTCOMES else -1)


def compare(baseline: Assessment, current: Assessment) -> Comparison:
    before = {f.rule_id: f for f in baseline.findings}
    after = {f.rule_id: f for f in current.findings}
    groups: dict[Change, list[FindingDelta]] = {c: [] for c in Change}
    for rule_id in sorted(before.keys() | after.keys()):
        o, n = before.get(rule_id), after.get(rule_id)
        was_open = o is not None and o.outcome in OPEN_OUTCOMES
        is_open = n is not None and n.outcome in OPEN_OUTCOMES
        if not was_open and not is_open:
            if _weight(n) == _weight(o):
                continue
            change = Change.worse if _weight(n) > _weight(o) else Change.improved  # advice given or followed
        elif is_open and not was_open:
            change = Change.new
        elif was_open and not is_open:
            change = Change.improved
        elif _weight(n) > _weight(o):
            change = Change.worse
        elif _weight(n) < _weight(o):
            change = Change.improved
        else:
            change = Change.unchanged
        groups[change].append(
            FindingDelta(
                rule_id=rule_id,
                change=change,
                old=o.outcome if o else None,
                new=n.outcome if n else None,
                old_severity=o.severity if o else None,
                new_severity=n.severity if n else None,
            )
        )
    return Comparison(
        new=groups[Change.new],
        worse=groups[Change.worse],
        improved=groups[Change.improved],
        unchanged=groups[Change.unchanged],
        pack_changed=baseline.pack.hash != current.pack.hash,
    )
