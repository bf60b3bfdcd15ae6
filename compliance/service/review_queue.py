"""The liaison's read model: the queue of versions awaiting review and the review statistics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from compliance.domain.outcomes import OPEN_OUTCOMES, Assessment, Finding, Outcome
from compliance.domain.review import AWAITING_REVIEW, Judgement, ReviewState
from compliance.domain.rules import Severity
from compliance.service.access import Principal
from compliance.service.projects import Projects, all_pages
from compliance.storage.protocol import Store
from compliance.storage.records import Project, ReviewRecord, Role


@dataclass(frozen=True)
class QueueItem:
    project: Project
    version: int
    status: ReviewState
    submitted_at: datetime
    age_days: int
    sectors: list[str]
    worst_open_severity: Severity | None
    open_findings: int


def open_findings(assessment: Assessment, record: ReviewRecord | None) -> list[Finding]:
    """Failing or incomplete findings that no judgement has closed (a waiver, or a dispute to pass)."""
    judged = record.judgements if record else {}
    out = []
    for f in assessment.findings:
        if f.outcome not in OPEN_OUTCOMES:
            continue
        j = judged.get(f.rule_id)
        if j is not None and (
            j.judgement is Judgement.waived
            or (
                j.judgement is Judgement.disputed
                and j.corrected_outcome in (Outcome.passed, Outcome.not_applicable)
            )
        ):
            continue
        out.append(f)
    return out


def readable_projects(projects: Projects, principal: Principal) -> list[Project]:
    """Every project the caller may read, page after page."""
    return all_pages(lambda offset, limit: projects.list_projects(principal, offset=offset, limit=limit))


class ReviewQueue:
    def __init__(self, store: Store, projects: Projects) -> None:
        self.store = store
        self.projects = projects

    def queue(
        self,
        principal: Principal,
        *,
        sector: str | None = None,
        worst_severity: Severity | None = None,
        min_age_days: int = 0,
        offset: int = 0,
        limit: int = 20,
    ) -> tuple[list[QueueItem], int]:
        """Projects whose latest version awaits a liaison, oldest first."""
        principal.require(Role.liaison)
        now = datetime.now(UTC)
        items = []
        for project in readable_projects(self.projects, principal):
            latest = project.latest
            if latest is None or latest.status not in AWAITING_REVIEW:
                continue
            age = (now - latest.submitted_at).days
            if age < min_age_days:
                continue
            version = self.store.projects.get_version(project.id, latest.number)
            record = self.store.projects.get_review(project.id, latest.number)
            if version is None:
                continue
            sectors = [str(s) for s in version.submission.get("sectors") or []]
            if sector is not None and sector not in sectors:
                continue
            still_open = open_findings(version.assessment.parsed, record)
            worst = max((f.severity for f in still_open), key=lambda s: s.rank, default=None)
            if worst_severity is not None and (worst is None or worst.rank < worst_severity.rank):
                continue
            items.append(
                QueueItem(
                    project,
                    latest.number,
                    latest.status,
                    latest.submitted_at,
                    age,
                    sectors,
                    worst,
                    len(still_open),
                )
            )
        items.sort(key=lambda i: (i.submitted_at, i.project.id))
        return items[offset : offset + limit], len(items)

    def stats(self, principal: Principal) -> dict[str, Any]:
        """Counts per verdict and per state of the latest versions, and the most failed rules."""
        principal.require(Role.liaison)
        verdicts: Counter[str] = Counter()
        states: Counter[str] = Counter()
        failed: Counter[str] = Counter()
        projects = readable_projects(self.projects, principal)
        for project in projects:
            if project.latest is None:
                continue
            verdicts[project.latest.verdict.value] += 1
            states[project.latest.status.value] += 1
            version = self.store.projects.get_version(project.id, project.latest.number)
            if version is not None:
                failed.update(
                    f.rule_id for f in version.assessment.parsed.findings if f.outcome is Outcome.fail
                )
        return {
            "projects": len(projects),
            "by_verdict": dict(sorted(verdicts.items())),
            "by_state": dict(sorted(states.items())),
            "most_failed_rules": [{"rule_id": r, "projects": n} for r, n in failed.most_common(10)],
        }
