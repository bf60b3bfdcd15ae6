"""The guided questionnaire: drafts, their steps, the live result, import, export and submission."""

from __future__ import annotations

import json
from typing import Any

import yaml
from starlette.datastructures import UploadFile
from starlette.responses import Response
from starlette.routing import Route

from compliance.domain.outcomes import Assessment, Outcome
from compliance.domain.submission import Submission
from compliance.domain.upgrade import upgrade
from compliance.reports.digest import formality_summary
from compliance.service.errors import InvalidRequest, refuse_nul
from compliance.service.plain_submission import MAX_SUBMISSION_BYTES
from compliance.service.submissions import InvalidSubmission, parse_data
from compliance.storage.accounts import Draft
from compliance.web.context import Ctx
from compliance.web.field_links import field_problems
from compliance.web.pages import blocking, page, version_number
from compliance.web.questionnaire import (
    NONE,
    Step,
    active_steps,
    as_submission_data,
    display_value,
    field_errors,
    get_path,
    merge_step,
    questionnaire,
    read_answers,
    step_by_id,
)

SHOWN_FINDINGS = 12


def _draft(ctx: Ctx, draft_id: str) -> Draft:
    return ctx.services.drafts.get(ctx.principal, draft_id)


def _answers_with_name(draft: Draft) -> dict[str, Any]:
    return {"project_name": draft.name, **draft.answers}


async def _result(ctx: Ctx, draft: Draft) -> dict[str, Any]:
    submission, errors = field_errors(draft.answers, draft.name, ctx.lang)
    assessment: Assessment | None = None
    if submission is not None:
        assessment = await blocking(ctx.services.assessor.assess, submission)
    open_findings = []
    if assessment is not None:
        open_findings = [f for f in assessment.findings if f.outcome in (Outcome.fail, Outcome.needs_info)]
    return {
        "errors": errors,
        "problems": field_problems(draft.id, errors),
        "assessment": assessment,
        "open_findings": open_findings[:SHOWN_FINDINGS],
        "more_findings": max(0, len(open_findings) - SHOWN_FINDINGS),
        "text_lang": ctx.lang.value,
        "formality": formality_summary,
    }


async def new_form(ctx: Ctx) -> Response:
    ctx.services.drafts.list(ctx.principal)  # a submitter only
    return ctx.render("draft_new.html", error=None)


async def create(ctx: Ctx) -> Response:
    form = await ctx.form()
    try:
        draft = ctx.services.drafts.create(ctx.principal, str(form.get("name") or ""))
    except InvalidRequest:
        return ctx.render(
            "draft_new.html", status=400, error=ctx._("Give the project a name (at most 300 characters).")
        )
    return ctx.redirect(f"/drafts/{draft.id}/steps/{questionnaire()[0].id}")


async def import_file(ctx: Ctx) -> Response:
    form = await ctx.form(files=("file",))
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        return ctx.render("draft_new.html", status=400, error=ctx._("Choose a YAML or JSON file to import."))
    raw = await upload.read(MAX_SUBMISSION_BYTES + 1)
    try:
        data = parse_data(raw, "file", json_only=(upload.filename or "").lower().endswith(".json"))
    except InvalidSubmission as exc:
        return ctx.render("draft_new.html", status=400, error="; ".join(exc.problems))
    if not isinstance(data, dict):
        return ctx.render("draft_new.html", status=400, error=ctx._("The file must hold a mapping of facts."))
    refuse_nul(data, "file")  # PostgreSQL stores no NUL: the fact holding one is named on the page
    data = upgrade(data)  # a file of an earlier format reads as the current one
    unknown = [str(key) for key in data if key not in Submission.model_fields]
    if unknown:  # kept, they would be errors no step of the questionnaire shows, on every page of the draft
        facts = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        message = ctx._(
            "The file holds facts the questionnaire does not know: %(facts)s. Correct or remove them, then import it again.",
            facts=facts,
        )
        return ctx.render("draft_new.html", status=400, error=message)
    name = data.pop("project_name", None)
    data.pop("schema_version", None)
    if not isinstance(name, str) or not name.strip():
        name = (upload.filename or "import").rsplit(".", 1)[0]
    draft = ctx.services.drafts.create(ctx.principal, name[:300], answers=data)
    return ctx.redirect(f"/drafts/{draft.id}/summary")


async def revise(ctx: Ctx, project_id: str, number: str) -> Response:
    """A new draft pre-filled with a submitted version's answers: the next version starts from the last."""
    await ctx.form()
    draft = ctx.services.drafts.revise(ctx.principal, project_id, version_number(ctx, number))
    return ctx.redirect(f"/drafts/{draft.id}/steps/{questionnaire()[0].id}")


def _step(ctx: Ctx, step_id: str) -> Step:
    step = step_by_id(questionnaire(), step_id)
    if step is None:
        ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    return step


async def _show_step(ctx: Ctx, draft: Draft, step: Step, status: int = 200) -> Response:
    steps = questionnaire()
    active = active_steps(steps, draft.answers)
    result = await _result(ctx, draft)
    return ctx.render(
        "draft_step.html",
        status=status,
        draft=draft,
        step=step,
        steps=steps,
        active=[s.id for s in active],
        answers=_answers_with_name(draft),
        get=get_path,
        display=display_value,
        NONE=NONE,
        **result,
    )


async def show_step(ctx: Ctx, draft_id: str, step_id: str) -> Response:
    draft = _draft(ctx, draft_id)
    return await _show_step(ctx, draft, _step(ctx, step_id))


async def _save_step(ctx: Ctx, draft_id: str, step_id: str) -> tuple[Draft, Step, Any]:
    draft = _draft(ctx, draft_id)
    step = _step(ctx, step_id)
    form = await ctx.form()
    stated = read_answers(step.questions, form)
    name = stated.pop("project_name", None)
    answers = merge_step(draft.answers, step, stated)
    answers.pop("project_name", None)
    draft = ctx.services.drafts.save(
        ctx.principal, draft, answers, name=name if isinstance(name, str) else None
    )
    return draft, step, form


async def save_step(ctx: Ctx, draft_id: str, step_id: str) -> Response:
    draft, step, form = await _save_step(ctx, draft_id, step_id)
    active = active_steps(questionnaire(), draft.answers)
    ids = [s.id for s in active]
    action = form.get("action")
    position = ids.index(step.id) if step.id in ids else -1
    if action == "next":
        target = ids[position + 1] if 0 <= position < len(ids) - 1 else None
        return ctx.redirect(f"/drafts/{draft.id}/steps/{target}" if target else f"/drafts/{draft.id}/summary")
    if action == "previous" and position > 0:
        return ctx.redirect(f"/drafts/{draft.id}/steps/{ids[position - 1]}")
    return ctx.redirect(f"/drafts/{draft.id}/steps/{step.id}#saved")


async def preview(ctx: Ctx, draft_id: str, step_id: str) -> Response:
    """htmx: the answers of the step saved as they are typed, and the result beside the form refreshed."""
    draft, _, _ = await _save_step(ctx, draft_id, step_id)
    return ctx.render("partials/result.html", draft=draft, **await _result(ctx, draft))


async def summary(ctx: Ctx, draft_id: str) -> Response:
    draft = _draft(ctx, draft_id)
    steps = questionnaire()
    return ctx.render(
        "draft_summary.html",
        draft=draft,
        steps=steps,
        active=[s.id for s in active_steps(steps, draft.answers)],
        submitted=ctx.request.query_params.get("submitted"),
        **await _result(ctx, draft),
    )


async def submit(ctx: Ctx, draft_id: str) -> Response:
    draft = _draft(ctx, draft_id)
    await ctx.form()
    submission, _ = field_errors(draft.answers, draft.name)
    if submission is None:
        return ctx.redirect(f"/drafts/{draft.id}/summary")
    version = await blocking(ctx.services.drafts.submit, ctx.principal, draft, submission)
    return ctx.redirect(f"/projects/{version.project_id}/versions/{version.number}")


async def export(ctx: Ctx, draft_id: str) -> Response:
    draft = _draft(ctx, draft_id)
    data = as_submission_data(draft.answers, draft.name)
    if ctx.request.query_params.get("format") == "json":
        body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        media, suffix = "application/json", "json"
    else:
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        media, suffix = "application/yaml", "yaml"
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{draft.id}.{suffix}"'}
    )


async def delete(ctx: Ctx, draft_id: str) -> Response:
    await ctx.form()
    ctx.services.drafts.delete(ctx.principal, draft_id)
    return ctx.redirect("/")


ROUTES: list[Route] = [
    page("/drafts/new", new_form),
    page("/drafts", create, ("POST",)),
    page("/drafts/import", import_file, ("POST",)),
    page("/drafts/{draft_id}/steps/{step_id}", show_step),
    page("/drafts/{draft_id}/steps/{step_id}", save_step, ("POST",)),
    page("/drafts/{draft_id}/steps/{step_id}/preview", preview, ("POST",)),
    page("/drafts/{draft_id}/summary", summary),
    page("/drafts/{draft_id}/submit", submit, ("POST",)),
    page("/drafts/{draft_id}/export", export),
    page("/drafts/{draft_id}/delete", delete, ("POST",)),
    page("/projects/{project_id}/versions/{number}/revise", revise, ("POST",)),
]
