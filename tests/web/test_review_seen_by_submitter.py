"""The founder sees the review in the app: its state, who decided, the waivers with their ground and expiry
(and the waived findings no longer among those to fix), the comments by name, and what to change."""

from __future__ import annotations

from datetime import date

from starlette.testclient import TestClient

from compliance.domain.review import Judgement, ReviewAction
from compliance.i18n.languages import Lang
from compliance.service.accounts import principal_of
from compliance.service.reviews import Reviews
from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.test_security import new_draft


def _submit(client: TestClient, name: str) -> str:
    draft_id = new_draft(client, name)
    summary = client.get(f"/drafts/{draft_id}/summary")
    answer = client.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary.text)})
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"].split("/")[2])


def _revision(reviews: Reviews, web: Web, project_id: str) -> int:
    return reviews.view(principal_of(web.liaison), project_id, 1).record.revision


def test_the_founder_sees_the_decision_waivers_and_comments(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _submit(founder, "Bank voice bot")
    reviews: Reviews = founder.app.state.services.reviews  # type: ignore[attr-defined]
    liaison = principal_of(web.liaison)
    reviews.act(liaison, project_id, 1, ReviewAction.start_review, _revision(reviews, web, project_id), None)
    machine = reviews.report(liaison, project_id, 1, date(2026, 11, 29))
    open_ids = [f.rule_id for f in machine.findings if f.outcome.value in ("fail", "needs_info")]
    assert open_ids, "a draft with a name only leaves facts missing"
    waived = open_ids[0]
    reviews.comment(liaison, project_id, 1, waived, Lang.fr, "Merci de préciser la durée de conservation.")
    reviews.judge(
        liaison,
        project_id,
        1,
        waived,
        _revision(reviews, web, project_id),
        Judgement.waived,
        reason="Mise en conformité planifiée et suivie.",
        corrected_outcome=None,
        legal_ground="Art. 6(b)",
        expires=date(2031, 12, 31),
    )
    reviews.act(
        liaison,
        project_id,
        1,
        ReviewAction.approve,
        _revision(reviews, web, project_id),
        "Approuvé avec une dérogation.",
    )
    page = founder.get(f"/projects/{project_id}/versions/1")
    assert page.status_code == 200
    html = page.text
    assert "décidé par liaison@cndp.ma" in html
    to_fix, _, rest = html.partition('id="waived"')
    assert waived not in to_fix and waived in rest  # no longer among the findings to fix
    assert "Dérogation jusqu&#39;au 2031-12-31 au titre de Art. 6(b)" in html
    comments = html.partition('id="comments"')[2]
    assert "liaison@cndp.ma" in comments and "Merci de préciser la durée de conservation." in comments


def test_the_founder_sees_what_to_change(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _submit(founder, "Scoring bot")
    reviews: Reviews = founder.app.state.services.reviews  # type: ignore[attr-defined]
    liaison = principal_of(web.liaison)
    reviews.act(liaison, project_id, 1, ReviewAction.start_review, _revision(reviews, web, project_id), None)
    message = "Indiquez le fondement légal du traitement <script>alert(1)</script>."
    reviews.act(
        liaison, project_id, 1, ReviewAction.request_changes, _revision(reviews, web, project_id), message
    )
    html = founder.get(f"/projects/{project_id}/versions/1").text
    section = html.partition('id="to-change"')[2]
    assert "Ce que le correspondant de la CNDP vous demande de modifier" in html
    assert "Indiquez le fondement légal du traitement &lt;script&gt;" in section  # shown, inert
    assert f'action="/projects/{project_id}/versions/1/revise"' in section
