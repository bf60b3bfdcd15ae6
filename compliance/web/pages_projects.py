"""Projects as the founder and the CNDP liaison see them: versions, verdicts, findings and the facts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from compliance.domain.outcomes import Outcome
from compliance.domain.review import ReviewAction
from compliance.reports.digest import formality_summary
from compliance.web.context import Ctx
from compliance.web.pages import page, version_number
from compliance.web.review_views import shown_value


def _flatten(ctx: Ctx, data: Any, prefix: str = "") -> list[tuple[str, str]]:
    """The stated facts as `path: value` lines, for reading: paths as the file writes them (`processings[0].
    name`), values in words in the page's language (yes/no, not stated), never a Python repr."""
    if isinstance(data, dict):
        return [row for key, value in data.items() for row in _flatten(ctx, value, f"{prefix}.{key}")]
    if isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        return [row for i, value in enumerate(data) for row in _flatten(ctx, value, f"{prefix}[{i}]")]
    return [(prefix.removeprefix("."), shown_value(ctx, data))]


async def project(ctx: Ctx, project_id: str) -> Response:
    principal = ctx.principal
    found = ctx.services.projects.get(principal, project_id)
    versions = ctx.services.projects.versions(principal, project_id)
    org = ctx.services.store.access.get_organisation(found.organisation)
    return ctx.render("project.html", project=found, versions=versions, org=org)


async def version(ctx: Ctx, project_id: str, number: str) -> Response:
    principal = ctx.principal
    n = version_number(ctx, number)
    found = ctx.services.projects.get(principal, project_id)
    stored = ctx.services.projects.version(principal, project_id, n)
    # the findings as the review left them: the same computation as every report format
    assessment = ctx.services.reviews.report(principal, project_id, n, datetime.now(UTC).date())
    review = ctx.services.reviews.view(principal, project_id, n)
    open_findings = [
        f for f in assessment.findings if f.outcome in (Outcome.fail, Outcome.needs_info) and f.waiver is None
    ]
    requested = [h.message for h in review.record.history if h.action is ReviewAction.request_changes]
    return ctx.render(
        "version.html",
        project=found,
        version=stored,
        assessment=assessment,
        open_findings=open_findings,
        waived=[f for f in assessment.findings if f.waiver is not None],
        comments=review.record.comments,
        people=review.people,
        to_change=requested[-1] if requested and review.status.value == "changes_requested" else None,
        facts=_flatten(ctx, stored.submission),
        text_lang=ctx.lang.value,
        formality=formality_summary,
    )


ROUTES: list[Route] = [
    page("/projects/{project_id}", project),
    page("/projects/{project_id}/versions/{number}", version),
]
