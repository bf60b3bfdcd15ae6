"""What changed between two versions of a project: findings resolved, new and unchanged, and the facts.

Also decides whether a review judgement on a finding may carry over to the new version: only when every fact
the finding was decided on (its trace) still has the same value.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.outcomes import OPEN_OUTCOMES, Assessment, Finding, Outcome


class FactChange(Frozen):
    path: str
    old: Any = Field(description="Value in the older version (null: not stated).")
    new: Any = Field(description="Value in the newer version (null: not stated).")


class FindingChange(Frozen):
    rule_id: str
    old: Outcome | None
    new: Outcome | None


class VersionDiff(Frozen):
    resolved: list[FindingChange] = Field(description="Open (fail or needs_info) before, closed now.")
    new: list[FindingChange] = Field(description="Closed or absent before, open now.")
    unchanged: list[FindingChange] = Field(description="Open in both versions with the same outcome.")
    changed: list[FindingChange] = Field(description="Open in both, but the outcome changed.")
    facts: list[FactChange]
    pack_changed: bool


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """`{"a": {"b": [1]}}` -> `{"a.b[0]": 1}`; empty lists and mappings are kept as leaves."""
    out: dict[str, Any] = {}
    if isinstance(data, dict) and data:
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list) and data:
        for i, value in enumerate(data):
            out.update(flatten(value, f"{prefix}[{i}]"))
    elif data is not None:
        out[prefix] = data
    return out


def fact_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FactChange]:
    a, b = flatten(old), flatten(new)
    return [
        FactChange(path=p, old=a.get(p), new=b.get(p))
        for p in sorted(a.keys() | b.keys())
        if a.get(p) != b.get(p)
    ]


def diff_versions(
    old_facts: dict[str, Any], old: Assessment, new_facts: dict[str, Any], new: Assessment
) -> VersionDiff:
    before = {f.rule_id: f.outcome for f in old.findings}
    after = {f.rule_id: f.outcome for f in new.findings}
    resolved: list[FindingChange] = []
    appeared: list[FindingChange] = []
    unchanged: list[FindingChange] = []
    changed: list[FindingChange] = []
    for rule_id in sorted(before.keys() | after.keys()):
        o, n = before.get(rule_id), after.get(rule_id)
        change = FindingChange(rule_id=rule_id, old=o, new=n)
        was_open, is_open = o in OPEN_OUTCOMES, n in OPEN_OUTCOMES
        if was_open and not is_open:
            resolved.append(change)
        elif is_open and not was_open:
            appeared.append(change)
        elif was_open and is_open:
            (unchanged if o == n else changed).append(change)
    return VersionDiff(
        resolved=resolved,
        new=appeared,
        unchanged=unchanged,
        changed=changed,
        facts=fact_changes(old_facts, new_facts),
        pack_changed=old.pack.hash != new.pack.hash,
    )


def judged_facts(finding: Finding) -> dict[str, Any]:
    return {t.path: t.value for t in finding.trace}


def judgement_carries_over(old: Finding, new: Finding) -> bool:
    """A reviewer's judgement on `old` still holds for `new` when the same facts decided both, unchanged."""
    return (
        old.rule_id == new.rule_id and old.outcome == new.outcome and judged_facts(old) == judged_facts(new)
    )
