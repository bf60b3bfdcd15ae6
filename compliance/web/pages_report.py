"""The report page for the founder, of a draft or of a stored version, and the same report as PDF.

The page opens with the one-page summary (verdict, CNDP formality, at most seven actions, penalties), every
question in it linked to the questionnaire field that answers it, then the findings by chapter: the HTML of
compliance.reports.html, in the app's layout. The PDF is that report printed by the bounded renderer
(compliance.reports.pdf), inside the request, so that the server's admission limits count it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup
from pydantic import ValidationError
from starlette.responses import Response
from starlette.routing import Route

from compliance.domain.outcomes import Assessment
from compliance.domain.submission import Submission
from compliance.reports import PdfRenderError
from compliance.reports.html import render_html
from compliance.reports.pdf import render_pdf
from compliance.service.errors import Forbidden
from compliance.storage.accounts import Draft
from compliance.web.context import Ctx, PageExit
from compliance.web.field_links import draft_field_url
from compliance.web.pages import blocking, page, version_number
from compliance.web.questionnaire import field_errors, questionnaire

FieldUrl = Callable[[str, str], str | None]


def _links(draft: Draft | None) -> FieldUrl | None:
    if draft is None:
        return None
    draft_id = draft.id
    return lambda section, field: draft_field_url(draft_id, section, field)


def _show(ctx: Ctx, assessment: Assessment, links: FieldUrl | None, **values: Any) -> Response:
    # the report's own template escapes every value it prints: its output is markup
    body = Markup(render_html(assessment, ctx.lang.value, field_url=links, inline_css=False, fragment=True))
    page = {"project": None, "version": None, "draft": None, "can_prepare": False, **values}
    first = questionnaire()[0].id
    return ctx.render("report.html", report=body, assessment=assessment, first_step=first, **page)


async def _pdf(ctx: Ctx, assessment: Assessment, submission: Submission | None, name: str) -> Response:
    html = render_html(assessment, ctx.lang.value, submission=submission)
    try:
        pdf = await blocking(render_pdf, html)
    except PdfRenderError:
        ctx.fail(503, ctx._("The PDF could not be printed now. Try again in a moment."))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}-{ctx.lang.value}.pdf"'},
    )


async def _draft_assessment(ctx: Ctx, draft_id: str) -> tuple[Draft, Submission, Assessment]:
    draft = ctx.services.drafts.get(ctx.principal, draft_id)
    submission, _ = field_errors(draft.answers, draft.name)
    if submission is None:  # some answers do not fit the format yet: the summary page says which
        raise PageExit(ctx.redirect(f"/drafts/{draft.id}/summary"))
    return draft, submission, await blocking(ctx.services.assessor.assess, submission)


async def draft_report(ctx: Ctx, draft_id: str) -> Response:
    draft, _, assessment = await _draft_assessment(ctx, draft_id)
    return _show(
        ctx, assessment, _links(draft), draft=draft, pdf_url=f"/drafts/{draft.id}/report.pdf", name=draft.name
    )


async def draft_report_pdf(ctx: Ctx, draft_id: str) -> Response:
    draft, submission, assessment = await _draft_assessment(ctx, draft_id)
    return await _pdf(ctx, assessment, submission, draft.id)


def _version(ctx: Ctx, project_id: str, number: str) -> tuple[Any, Any, Assessment, Submission | None]:
    n = version_number(ctx, number)
    principal = ctx.principal
    project = ctx.services.projects.get(principal, project_id)
    stored = ctx.services.projects.version(principal, project_id, n)
    assessment = ctx.services.reviews.report(principal, project_id, n, datetime.now(UTC).date())
    try:
        submission: Submission | None = Submission.model_validate(stored.submission)
    except ValidationError:  # stored under an older format: the report goes without the annex
        submission = None
    return project, stored, assessment, submission


def _project_draft(ctx: Ctx, project_id: str) -> Draft | None:
    """The draft preparing the project's next version, the latest changed if there are several."""
    try:
        drafts = ctx.services.drafts.list(ctx.principal)
    except Forbidden:  # a CNDP liaison has no drafts
        return None
    mine = [d for d in drafts if d.project_id == project_id]
    return max(mine, key=lambda d: d.updated_at) if mine else None


async def version_report(ctx: Ctx, project_id: str, number: str) -> Response:
    project, stored, assessment, _ = _version(ctx, project_id, number)
    draft = _project_draft(ctx, project_id)
    return _show(
        ctx,
        assessment,
        _links(draft),
        project=project,
        version=stored,
        draft=draft,
        can_prepare=draft is None and ctx.user is not None and ctx.user.role.value == "submitter",
        pdf_url=f"/projects/{project.id}/versions/{stored.number}/report.pdf",
        name=project.name,
    )


async def version_report_pdf(ctx: Ctx, project_id: str, number: str) -> Response:
    project, stored, assessment, submission = _version(ctx, project_id, number)
    return await _pdf(ctx, assessment, submission, f"{project.id}-v{stored.number}")


async def prepare_draft(ctx: Ctx, project_id: str, number: str) -> Response:
    """A draft of the project's next version, holding this version's answers; back to the report, now linked
    to the questionnaire."""
    await ctx.form()
    project, stored, _, _ = _version(ctx, project_id, number)
    ctx.services.drafts.revise(ctx.principal, project.id, stored.number)
    return ctx.redirect(f"/projects/{project.id}/versions/{stored.number}/report")


ROUTES: list[Route] = [
    page("/drafts/{draft_id}/report", draft_report),
    page("/drafts/{draft_id}/report.pdf", draft_report_pdf),
    page("/projects/{project_id}/versions/{number}/report", version_report),
    page("/projects/{project_id}/versions/{number}/report.pdf", version_report_pdf),
    page("/projects/{project_id}/versions/{number}/draft", prepare_draft, ("POST",)),
]
