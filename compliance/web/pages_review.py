"""The liaison's console: the review queue, a version's review (judgements, comments, actions, each form
carrying the revision it was read at) and the decision downloads. Liaisons only: a submitter gets 403."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from compliance.domain.outcomes import OPEN_OUTCOMES, Outcome
from compliance.domain.review import TRANSITIONS, Judgement, ReviewAction
from compliance.domain.rules import Severity
from compliance.i18n.said import worded
from compliance.service.access import Principal
from compliance.service.decision_pdf import record_bytes, render_decision_pdf
from compliance.service.errors import InvalidRequest
from compliance.service.reviews import Conflict
from compliance.storage.records import Role
from compliance.web.context import Ctx
from compliance.web.numbers import whole_number
from compliance.web.pages import blocking, page, version_number
from compliance.web.review_views import changes_since, check_rows, fact_rows, parse_seen, shown_value

PAGE_SIZE = 20


def _liaison(ctx: Ctx) -> Principal:
    principal = ctx.principal
    principal.require(Role.liaison)  # Forbidden: the page() wrapper answers 403
    return principal


def _org_name(ctx: Ctx, org_id: str) -> str:
    found = ctx.services.store.access.get_organisation(org_id)
    return found.name if found else org_id


async def queue(ctx: Ctx) -> Response:
    principal = _liaison(ctx)
    q = ctx.request.query_params
    severity = q.get("severity") or None
    wanted = Severity(severity) if severity in {s.value for s in Severity} else None
    age = whole_number(q.get("min_age")) or 0
    sector = (q.get("sector") or "").strip() or None
    state = q.get("state") or None
    sort = q.get("sort") if q.get("sort") in ("age", "severity") else "age"
    page_no = whole_number(q.get("page")) or 1
    items, _ = await blocking(
        ctx.services.review_queue.queue,
        principal,
        sector=sector,
        worst_severity=wanted,
        min_age_days=age,
        offset=0,
        limit=10_000,
    )
    if state:
        items = [i for i in items if i.status.value == state]
    if sort == "severity":
        items.sort(
            key=lambda i: (-(i.worst_open_severity.rank if i.worst_open_severity else -1), -i.age_days)
        )
    total = len(items)
    shown = items[(page_no - 1) * PAGE_SIZE : page_no * PAGE_SIZE]
    return ctx.render(
        "review_queue.html",
        items=shown,
        org_names={i.project.organisation: _org_name(ctx, i.project.organisation) for i in shown},
        total=total,
        page_no=page_no,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters={
            "sector": sector or "",
            "severity": severity or "",
            "min_age": age,
            "state": state or "",
            "sort": sort,
        },
        severities=[s.value for s in Severity],
    )


async def _render_review(
    ctx: Ctx, project_id: str, n: int, status: int = 200, seen: datetime | None = None, **extra: Any
) -> Response:
    """The review page; after a conflict (`seen`: when the stale page was read) it lists what changed."""
    principal = _liaison(ctx)
    now = datetime.now(UTC)  # before reading: a later change is one the liaison has not seen
    view = await blocking(ctx.services.reviews.view, principal, project_id, n)
    version = await blocking(ctx.services.projects.version, principal, project_id, n)
    assessment = version.assessment.parsed
    versions = await blocking(ctx.services.projects.versions, principal, project_id)
    # the verdict after the review (waivers, corrections), as every report computes it
    reviewed = await blocking(ctx.services.reviews.report, principal, project_id, n, now.date())
    return ctx.render(
        "review_version.html",
        status=status,
        project=view.project,
        org_name=_org_name(ctx, view.project.organisation),
        record=view.record,
        state=view.status,
        people=view.people,
        findings=[f for f in assessment.findings if f.outcome in OPEN_OUTCOMES],
        verdict=reviewed.verdict,
        machine_verdict=assessment.verdict,
        versions=versions,
        text_lang=ctx.lang.value,  # rule texts come in the three languages
        judgements=[j.value for j in Judgement],
        outcomes=[o.value for o in Outcome],
        actions=[a.value for a, (sources, _, _) in TRANSITIONS.items() if view.status in sources],
        seen=now.isoformat(),
        shown=partial(shown_value, ctx),
        changes=changes_since(ctx, view.record, view.people, seen) if "conflict" in extra else [],
        **({"conflict": None, "error": None} | extra),
    )


async def review(ctx: Ctx, project_id: str, number: str) -> Response:
    return await _render_review(ctx, project_id, version_number(ctx, number))


def _conflict_note(ctx: Ctx, exc: Conflict, read: int) -> str:
    return ctx._(
        "Someone else changed this project: reload. You read revision %(read)s; it is now at revision %(now)s (%(state)s).",
        read=read,
        now=exc.current_revision or "?",
        state=ctx.choice(exc.status) if exc.status else "?",
    )


async def judge(ctx: Ctx, project_id: str, number: str, rule_id: str) -> Response:
    n = version_number(ctx, number)
    principal = _liaison(ctx)
    form = await ctx.form()
    read = whole_number(form.get("revision")) or 0
    choice = form.get("judgement")
    try:
        judgement = Judgement(choice)
        corrected = Outcome(form["corrected_outcome"]) if form.get("corrected_outcome") else None
        expires = date.fromisoformat(form["expires"]) if form.get("expires") else None
    except ValueError:
        return await _render_review(
            ctx, project_id, n, 422, error=ctx._("Check the judgement, outcome and date.")
        )
    try:
        await blocking(
            ctx.services.reviews.judge,
            principal,
            project_id,
            n,
            rule_id,
            read,
            judgement,
            reason=form.get("reason") or None,
            corrected_outcome=corrected,
            legal_ground=form.get("legal_ground") or None,
            expires=expires,
        )
    except Conflict as exc:
        note = _conflict_note(ctx, exc, read)
        return await _render_review(ctx, project_id, n, 409, parse_seen(form.get("seen")), conflict=note)
    except InvalidRequest as exc:
        return await _render_review(ctx, project_id, n, 422, error=worded(exc, ctx.lang))
    return ctx.redirect(f"/review/{project_id}/versions/{n}#{rule_id}")


async def act(ctx: Ctx, project_id: str, number: str) -> Response:
    n = version_number(ctx, number)
    principal = _liaison(ctx)
    form = await ctx.form()
    read = whole_number(form.get("revision")) or 0
    try:
        action = ReviewAction(form.get("action"))
    except ValueError:
        return await _render_review(ctx, project_id, n, 422, error=ctx._("Choose an action."))
    try:
        await blocking(
            ctx.services.reviews.act, principal, project_id, n, action, read, form.get("text") or None
        )
    except Conflict as exc:
        note = _conflict_note(ctx, exc, read)
        return await _render_review(ctx, project_id, n, 409, parse_seen(form.get("seen")), conflict=note)
    except InvalidRequest as exc:
        return await _render_review(ctx, project_id, n, 422, error=worded(exc, ctx.lang))
    return ctx.redirect(f"/review/{project_id}/versions/{n}")


async def comment(ctx: Ctx, project_id: str, number: str) -> Response:
    n = version_number(ctx, number)
    principal = _liaison(ctx)
    form = await ctx.form()
    try:
        await blocking(
            ctx.services.reviews.comment,
            principal,
            project_id,
            n,
            form.get("rule_id") or None,
            ctx.lang,  # the interface's language: an Arabic comment is tagged ar
            str(form.get("text") or ""),
        )
    except InvalidRequest as exc:
        return await _render_review(ctx, project_id, n, 422, error=worded(exc, ctx.lang))
    return ctx.redirect(f"/review/{project_id}/versions/{n}#comments")


async def decision(ctx: Ctx, project_id: str, number: str, fmt: str) -> Response:
    n = version_number(ctx, number)
    principal = _liaison(ctx)
    if fmt not in ("json", "pdf"):
        ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    exported = await blocking(ctx.services.reviews.decision_export, principal, project_id, n)
    name = f"decision-{project_id}-v{n}"
    if fmt == "pdf":
        body = await blocking(render_decision_pdf, exported, ctx.services.reviews.people, ctx.lang)
        media = "application/pdf"
    else:
        body, media = record_bytes(exported), "application/json"
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    return ctx.finish(Response(body, media_type=media, headers=headers))


def _version_number(ctx: Ctx, name: str, default: int) -> int:
    raw = ctx.request.query_params.get(name, "")
    found = whole_number(raw)
    return default if found is None else found


async def diff(ctx: Ctx, project_id: str) -> Response:
    """Any two versions of a project compared, fact by fact: each changed fact with the checks that read it,
    then the checks resolved, new, changed and still open."""
    principal = _liaison(ctx)
    versions = await blocking(ctx.services.projects.versions, principal, project_id)
    latest = versions[-1].number if versions else 1
    newer = _version_number(ctx, "to", latest)
    older = _version_number(ctx, "from", max(1, newer - 1))
    known = {v.number for v in versions}
    if older not in known or newer not in known:
        ctx.fail(404, ctx._("This page does not exist, or you may not see it."))
    found = await blocking(ctx.services.reviews.diff, principal, project_id, older, newer)
    a = await blocking(ctx.services.projects.version, principal, project_id, older)
    b = await blocking(ctx.services.projects.version, principal, project_id, newer)
    lang = ctx.lang.value
    before, after = a.assessment.parsed, b.assessment.parsed
    return ctx.render(
        "review_diff.html",
        project=await blocking(ctx.services.projects.get, principal, project_id),
        versions=versions,
        older=older,
        newer=newer,
        diff=found,
        facts=fact_rows(found, before, after, lang),
        checks=check_rows(found, before, after, lang),
        shown=partial(shown_value, ctx),
        text_lang=lang,
    )


ROUTES: list[Route] = [
    page("/review", queue),
    page("/review/{project_id}/diff", diff),
    page("/review/{project_id}/versions/{number}", review),
    page("/review/{project_id}/versions/{number}/findings/{rule_id}", judge, ("POST",)),
    page("/review/{project_id}/versions/{number}/actions", act, ("POST",)),
    page("/review/{project_id}/versions/{number}/comments", comment, ("POST",)),
    page("/review/{project_id}/versions/{number}/decision.{fmt:str}", decision),
]
