"""A request for changes answered from the questionnaire: the founder's next version starts from the answers of
the last one; the liaison compares any two versions fact by fact; a stale judgement lists what changed."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient

from compliance.domain.review import ReviewAction
from compliance.service.accounts import principal_of
from compliance.service.reviews import Reviews
from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.formfill import submit_form_as_is
from tests.web.test_liaison_pages import REVISION, _liaison

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "darija-support-chatbot.yaml"
CHANGED = "Un assistant qui répond en darija, sans réutiliser les conversations pour l'entraînement."


def _import_and_submit(client: TestClient) -> str:
    token = csrf_of(client.get("/drafts/new").text)
    answer = client.post(
        "/drafts/import",
        data={"csrf": token},
        files={"file": ("chatbot.yaml", EXAMPLE.read_bytes(), "application/yaml")},
    )
    assert answer.status_code == 303, answer.text
    summary = answer.headers["location"]
    submitted = client.post(
        summary.replace("/summary", "/submit"), data={"csrf": csrf_of(client.get(summary).text)}
    )
    assert submitted.status_code == 303
    return str(submitted.headers["location"].split("/")[2])


def _changes_requested(web: Web) -> tuple[TestClient, Reviews, str]:
    """A founder's version 1 sent back by the liaison with a request for changes."""
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _import_and_submit(founder)
    reviews: Reviews = founder.app.state.services.reviews  # type: ignore[attr-defined]
    liaison = principal_of(web.liaison)
    revision = reviews.view(liaison, project_id, 1).record.revision
    reviews.act(liaison, project_id, 1, ReviewAction.start_review, revision, None)
    revision = reviews.view(liaison, project_id, 1).record.revision
    reviews.act(
        liaison, project_id, 1, ReviewAction.request_changes, revision, "Décrivez mieux le projet, svp."
    )
    return founder, reviews, project_id


def test_the_next_version_starts_from_the_last_ones_answers(web: Web) -> None:
    founder, reviews, project_id = _changes_requested(web)

    page = founder.get(f"/projects/{project_id}/versions/1").text
    section = page.partition('id="to-change"')[2]
    action = f"/projects/{project_id}/versions/1/revise"
    assert f'action="{action}"' in section
    answer = founder.post(action, data={"csrf": csrf_of(page)})
    assert answer.status_code == 303
    step = answer.headers["location"]
    assert re.fullmatch(r"/drafts/drf_[0-9a-f]{16}/steps/project", step)
    draft_id = step.split("/")[2]
    draft = web.store.accounts.get_draft("atlas-ai", draft_id)
    stored = web.store.projects.get_version(project_id, 1)
    assert draft is not None and stored is not None
    assert draft.project_id == project_id
    assert draft.answers == {
        k: v for k, v in stored.submission.items() if k not in ("project_name", "schema_version")
    }
    form = founder.get(step).text
    assert (
        "A chatbot answering customer questions in Darija" in form
    )  # the questionnaire shows the last answers

    assert submit_form_as_is(founder, form, step, {"description": CHANGED}).status_code == 303
    again = founder.post(action, data={"csrf": csrf_of(page)})  # the next version is under way: kept
    assert again.headers["location"] == step
    kept = web.store.accounts.get_draft("atlas-ai", draft_id)
    assert kept is not None and kept.answers["description"] == CHANGED
    assert sum(d.project_id == project_id for d in web.store.accounts.list_drafts("atlas-ai")) == 1
    summary = founder.get(f"/drafts/{draft_id}/summary").text
    done = founder.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary)})
    assert done.headers["location"] == f"/projects/{project_id}/versions/2"
    v2 = web.store.projects.get_version(project_id, 2)
    assert v2 is not None and v2.submission["description"] == CHANGED
    assert {k: v for k, v in v2.submission.items() if k != "description"} == {
        k: v for k, v in stored.submission.items() if k != "description"
    }  # nothing else lost on the way through the questionnaire
    liaison = principal_of(web.liaison)
    assert reviews.view(liaison, project_id, 2).status.value == "resubmitted"

    # Another organisation's founder may not start from this project.
    other = web.client()
    sign_in(other, "founder@souss.ma")
    token = csrf_of(other.get("/drafts/new").text)
    assert other.post(action, data={"csrf": token}).status_code == 404


def test_the_liaison_compares_two_versions_fact_by_fact(web: Web) -> None:
    founder, _, project_id = _changes_requested(web)
    draft = founder.post(
        f"/projects/{project_id}/versions/1/revise", data={"csrf": csrf_of(founder.get("/").text)}
    )
    step = draft.headers["location"]
    form = founder.get(step).text
    submit_form_as_is(founder, form, step, {"description": CHANGED, "processes_personal_data": ""})
    draft_id = step.split("/")[2]
    founder.post(
        f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(founder.get(f"/drafts/{draft_id}/summary").text)}
    )
    assert web.store.projects.get_version(project_id, 2) is not None

    liaison = _liaison(web)
    review = liaison.get(f"/review/{project_id}/versions/2").text
    assert f'href="/review/{project_id}/diff?from=1&amp;to=2"' in review
    page = liaison.get(f"/review/{project_id}/diff?from=1&to=2")
    assert page.status_code == 200
    facts = page.text.partition('id="facts"')[2].partition("</table>")[0]
    rows = re.findall(r'<tr><th scope="row" dir="ltr"><code>([^<]+)</code></th>(.*?)</tr>', facts, re.S)
    by_path = dict(rows)
    assert set(by_path) == {"description", "processes_personal_data"}
    assert CHANGED.replace("'", "&#39;") in by_path["description"]
    assert (
        "Oui" in by_path["processes_personal_data"] and "non renseigné" in by_path["processes_personal_data"]
    )
    assert "L0908" in by_path["processes_personal_data"]  # the checks that read the fact are named
    assert "Vérifications désormais satisfaites" in page.text
    same = liaison.get(f"/review/{project_id}/diff?from=2&to=2").text
    assert "Aucun fait n&#39;a changé." in same
    assert liaison.get(f"/review/{project_id}/diff?from=1&to=9").status_code == 404
    assert founder.get(f"/review/{project_id}/diff?from=1&to=2").status_code == 403


def test_a_stale_judgement_lists_what_changed(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _import_and_submit(founder)
    liaison = _liaison(web)
    page = f"/review/{project_id}/versions/1"
    html = liaison.get(page).text
    form = {"csrf": csrf_of(html), "revision": REVISION.search(html).group(1), "action": "start_review"}  # type: ignore[union-attr]
    assert liaison.post(f"{page}/actions", data=form).status_code == 303
    stale = liaison.get(page).text  # read in review, at revision 2
    seen = re.search(r'name="seen" value="([^"]+)"', stale)
    assert seen is not None
    rule_id = re.findall(r'<li class="(?:fail|needs_info)" id="([^"]+)"', stale)[0]
    fresh = {"csrf": csrf_of(stale), "revision": REVISION.search(stale).group(1)}  # type: ignore[union-attr]
    waiver = {"judgement": "waived", "reason": "Mise en conformité planifiée.", "legal_ground": "Art. 6(b)"}
    assert (
        liaison.post(
            f"{page}/findings/{rule_id}", data=fresh | waiver | {"expires": "2031-12-31"}
        ).status_code
        == 303
    )
    late = liaison.post(
        f"{page}/findings/{rule_id}", data=fresh | {"seen": seen.group(1), "judgement": "confirmed"}
    )
    assert late.status_code == 409
    changes = late.text.partition('id="changes"')[2].partition("</ul>")[0]
    assert f"a jugé {rule_id} : dérogation accordée" in changes
    assert "Commencer l&#39;examen" not in changes  # read after the review started: not news
    assert "(en examen)" in late.text  # the state in words, never `in_review`
    assert "in_review" not in late.text.partition('id="conflict"')[2].partition("</div>")[0]
