"""A version's number, a page, a revision or a list's count that is not a plain whole number: `²` (a digit to
`str.isdigit` that `int` refuses) and 5000 digits (over `int`'s limit) got a 500; now a 404 or the default."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.test_liaison_pages import _liaison
from tests.web.test_security import new_draft

ODD = ["²", "1" + "0" * 5000]


def _submitted(web: Web) -> tuple[TestClient, str]:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    draft_id = new_draft(founder)
    token = csrf_of(founder.get("/").text)
    project_id = (
        founder.post(f"/drafts/{draft_id}/submit", data={"csrf": token}).headers["location"].split("/")[2]
    )
    return founder, project_id


@pytest.mark.parametrize("odd", ODD)
def test_an_odd_version_number_is_a_404(web: Web, odd: str) -> None:
    founder, project_id = _submitted(web)
    for path in ("", "/report", "/report.pdf"):
        assert founder.get(f"/projects/{project_id}/versions/{odd}{path}").status_code == 404, path
    token = csrf_of(founder.get("/").text)
    assert (
        founder.post(f"/projects/{project_id}/versions/{odd}/revise", data={"csrf": token}).status_code == 404
    )
    liaison = _liaison(web)
    assert liaison.get(f"/review/{project_id}/versions/{odd}").status_code == 404
    assert liaison.get(f"/review/{project_id}/diff", params={"to": odd}).status_code == 200  # the latest
    assert liaison.get("/review", params={"page": odd, "min_age": odd}).status_code == 200
    review = liaison.get(f"/review/{project_id}/versions/1").text
    answer = liaison.post(
        f"/review/{project_id}/versions/1/actions",
        data={"csrf": csrf_of(review), "revision": odd, "action": "no-such-action"},
    )
    assert answer.status_code == 422


@pytest.mark.parametrize("odd", ODD)
def test_an_odd_count_of_a_list_reads_as_none(web: Web, odd: str) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    draft_id = new_draft(founder)
    token = csrf_of(founder.get("/").text)
    answer = founder.post(
        f"/drafts/{draft_id}/steps/processings",
        data={"csrf": token, "processings.count": odd, "processings.0.name": "Payroll"},
    )
    assert answer.status_code == 303
    assert web.store.accounts.get_draft("atlas-ai", draft_id).answers.get("processings") in (None, [])  # type: ignore[union-attr]
