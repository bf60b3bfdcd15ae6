"""Projects as the founder and the CNDP liaison see them: versions, verdicts, findings and the facts."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from compliance.domain.outcomes import Outcome
from compliance.web.context import Ctx
from compliance.web.pages import page


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    """The stated facts as `path: value` lines, for reading."""
    if isinstance(data, dict):
        return [row for key, value in data.items() for row in _flatten(value, f"{prefix}{key}.")]
    if isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        return [row for i, value in enumerate(data) for row in _flatten(value, f"{prefix}{i}.")]
    if isinstance(data, list):
        return [(prefix.rstrip("."), ", ".join(str(v) for v in data) if data else "—")]
    return [(prefix.rstrip("."), str(data))]


async def project(ctx: Ctx, project_id: str) -> Response:
    principal = ctx.principal
    found = ctx.services.projects.get(principal, project_id)
    versions = ctx.services.projects.versions(principal, project_id)
    org = ctx.services.store.access.get_organisation(found.organisation)
    return ctx.render("project.html", project=found, versions=versions, org=org)


async def version(ctx: Ctx, project_id: str, number: str) -> Response:
    principal = ctx.principal
    if not number.isdigit():
        ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    found = ctx.services.projects.get(principal, project_id)
    stored = ctx.services.projects.version(principal, project_id, int(number))
    assessment = stored.assessment.parsed
    open_findings = [f for f in assessment.findings if f.outcome in (Outcome.fail, Outcome.needs_info)]
    return ctx.render(
        "version.html",
        project=found,
        version=stored,
        assessment=assessment,
        open_findings=open_findings,
        facts=_flatten(stored.submission),
        text_lang="fr" if ctx.lang.value == "fr" else "en",
    )


ROUTES: list[Route] = [
    page("/projects/{project_id}", project),
    page("/projects/{project_id}/versions/{number}", version),
]
