"""Filtering, ordering and paging project lists, the same way in every adapter."""

from __future__ import annotations

from collections.abc import Iterable

from compliance.domain.outcomes import Verdict
from compliance.storage.records import Project, ProjectPage, VersionStatus


def select_projects(
    projects: Iterable[Project],
    *,
    verdict: Verdict | None,
    status: VersionStatus | None,
    offset: int,
    limit: int,
) -> ProjectPage:
    """Keep the projects whose latest version has the verdict and status asked; oldest first."""
    kept = [
        p
        for p in projects
        if (verdict is None or (p.latest is not None and p.latest.verdict is verdict))
        and (status is None or (p.latest is not None and p.latest.status is status))
    ]
    kept.sort(key=lambda p: (p.created_at, p.id))
    return ProjectPage(items=kept[offset : offset + limit], total=len(kept))
