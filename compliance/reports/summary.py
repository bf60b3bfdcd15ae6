"""What every report format shows: chapters ordered worst first, penalty exposure, one-line fact traces."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from compliance.domain.grades import Outcome, TraceEntry, finding_order, scalar_repr
from compliance.reports.labels import LABELS, money

if TYPE_CHECKING:
    from compliance.domain.outcomes import Assessment, Finding, PenaltyExposure


def by_chapter(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Chapters with their findings, the chapter holding the worst finding first; findings worst first."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.chapter, []).append(f)
    for items in groups.values():
        items.sort(key=finding_order)
    return sorted(groups.items(), key=lambda kv: (*finding_order(kv[1][0])[:2], kv[0]))


def fact_line(t: TraceEntry) -> str:
    result = {True: "✓", False: "✗", None: "?"}[t.result]
    return f"{t.path} = {scalar_repr(t.value)}  ({t.test}) {result}"


@dataclass(frozen=True)
class Exposure:
    article: str
    prison_months: tuple[int, int] | None
    company_fine_mad: tuple[int, int]
    per_infringement: bool
    rules: list[str]


def exposure(assessment: Assessment) -> list[Exposure]:
    """Penal articles that failing findings expose the company to, one entry per article."""
    seen: dict[str, tuple[PenaltyExposure, list[str]]] = {}
    for f in assessment.findings:
        if f.outcome is Outcome.fail and f.penalty is not None:
            seen.setdefault(f.penalty.article, (f.penalty, []))[1].append(f.rule_id)
    return [
        Exposure(a, p.prison_months, p.company_fine_mad, p.per_infringement, rules)
        for a, (p, rules) in sorted(seen.items())
    ]


def exposure_line(e: Exposure, lang: str) -> str:
    return exposure_words(e, lang) + f"  [{', '.join(e.rules)}]"


def exposure_words(e: Exposure, lang: str) -> str:
    """The article, fine and prison term of an exposure in words, without the rules that raise it."""
    words = LABELS[lang]
    fine = f"{words['fine']} {money(e.company_fine_mad[0], lang)} – {money(e.company_fine_mad[1], lang)}"
    if e.per_infringement:
        fine += f" {words['per_infringement']}"
    parts = [f"{words['art']} {e.article}", fine]
    if e.prison_months:
        low, high = e.prison_months
        parts.append(f"{words['prison']} {low}–{high} {words['months']}")
    return " · ".join(parts)


def max_total(exposures: list[Exposure]) -> int:
    return sum(e.company_fine_mad[1] for e in exposures)
