"""What the console shows beside a review: the diff between two versions read fact by fact (each changed fact
with the checks that read it), and what changed since a liaison read a page (when another liaison acted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from compliance.domain.outcomes import Assessment, Finding, Person
from compliance.engine.diff import FactChange, FindingChange, VersionDiff
from compliance.storage.records import ReviewRecord
from compliance.web.context import Ctx


@dataclass(frozen=True)
class Check:
    rule_id: str
    title: str


@dataclass(frozen=True)
class FactRow:
    """One fact that differs between the two versions, and the checks of either version that read it."""

    path: str
    old: Any
    new: Any
    checks: list[Check]


@dataclass(frozen=True)
class CheckRow:
    rule_id: str
    title: str
    change: FindingChange


def related(fact: str, read: str) -> bool:
    """A changed fact and a path a check read are the same fact, or one holds the other
    (`sectors[0]` is in `sectors`; `controller` holds `controller.name`)."""
    if fact == read:
        return True
    longer, shorter = (fact, read) if len(fact) > len(read) else (read, fact)
    return longer.startswith(shorter) and longer[len(shorter)] in ".["


def _titles(assessments: tuple[Assessment, ...], lang: str) -> dict[str, str]:
    return {f.rule_id: f.title.get(lang) for a in assessments for f in a.findings}


def _readers(findings: list[Finding]) -> dict[str, set[str]]:
    return {f.rule_id: {t.path for t in f.trace} for f in findings}


def fact_rows(diff: VersionDiff, older: Assessment, newer: Assessment, lang: str) -> list[FactRow]:
    titles = _titles((older, newer), lang)
    read = _readers(older.findings)
    for rule_id, paths in _readers(newer.findings).items():
        read.setdefault(rule_id, set()).update(paths)

    def row(change: FactChange) -> FactRow:
        checks = [
            Check(rule_id, titles[rule_id])
            for rule_id, paths in sorted(read.items())
            if any(related(change.path, p) for p in paths)
        ]
        return FactRow(change.path, change.old, change.new, checks)

    return [row(c) for c in diff.facts]


def check_rows(
    diff: VersionDiff, older: Assessment, newer: Assessment, lang: str
) -> dict[str, list[CheckRow]]:
    titles = _titles((older, newer), lang)
    groups = {
        "resolved": diff.resolved,
        "new": diff.new,
        "changed": diff.changed,
        "unchanged": diff.unchanged,
    }
    return {
        name: [CheckRow(c.rule_id, titles.get(c.rule_id, c.rule_id), c) for c in changes]
        for name, changes in groups.items()
    }


def shown_value(ctx: Ctx, value: Any) -> str:
    """A fact's value as the console prints it: not stated, yes/no, a list, or the text."""
    if value is None:
        return ctx._("not stated")
    if isinstance(value, bool):
        return ctx._("Yes") if value else ctx._("No")
    if isinstance(value, list | tuple):
        return ", ".join(shown_value(ctx, v) for v in value) or "—"
    if isinstance(value, dict):  # a whole object a check read (ai.inference): its facts, not a Python repr
        return ", ".join(f"{k}: {shown_value(ctx, v)}" for k, v in value.items()) or "—"
    return str(value)


def parse_seen(value: object) -> datetime | None:
    try:
        seen = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return seen if seen is not None and seen.tzinfo is not None else None


def changes_since(
    ctx: Ctx, record: ReviewRecord, people: dict[str, Person], seen: datetime | None
) -> list[str]:
    """The actions and judgements stored after `seen` (the time the page was read), oldest first, in words."""
    if seen is None:
        return []

    def who(actor: str) -> str:
        return people[actor].name if actor in people else actor

    found: list[tuple[datetime, str]] = []
    for h in record.history:
        if h.at > seen:
            what = ctx.choice(h.action.value) if h.action is not None else ctx._("automatic change")
            text = ctx._(
                "%(who)s: %(action)s; the version is now %(state)s",
                who=who(h.actor),
                action=what,
                state=ctx.choice(h.to_state.value),
            )
            found.append((h.at, text))
    for j in record.judgements.values():
        if j.at > seen and j.carried_over_from is None:
            text = ctx._(
                "%(who)s judged %(rule)s: %(judgement)s",
                who=who(j.reviewer),
                rule=j.rule_id,
                judgement=ctx.choice(j.judgement.value),
            )
            found.append((j.at, text))
    return [text for _, text in sorted(found, key=lambda pair: pair[0])]
