"""The founder's report page: the one-page summary first, each question linked to the questionnaire field
that answers it (the anchor exists on the step it points to), the PDF, in French and Arabic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from compliance.reports.labels import LABELS
from compliance.web.field_links import field_anchor, question_id
from tests.web.conftest import Web, csrf_of, sign_in

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "examples" / "bank-voice-assistant.yaml"
LINK = re.compile(r'<a class="to-field" href="(/drafts/[^"#]+)#([^"]+)"')


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("processes_personal_data", ("project", "f-processes_personal_data-q")),
        ("processings[0].retention.period_days", ("processings", "f-processings-0-retention-period_days-q")),
        ("processings[].data_categories", ("processings", "f-processings-q")),
        ("transfers[1].mechanism", ("hosting-transfers", "f-transfers-1-mechanism-q")),
        ("consent.express", ("legal-basis", "f-consent-express-q")),
    ],
)
def test_a_field_of_the_file_has_its_question(field: str, expected: tuple[str, str]) -> None:
    assert field_anchor(field) == expected


def test_no_step_asks_an_unknown_field() -> None:
    assert field_anchor("no_such_block.field") is None
    assert question_id("a.b") == "f-a-b-q"


def _import(client: TestClient) -> str:
    token = csrf_of(client.get("/drafts/new").text)
    answer = client.post(
        "/drafts/import", data={"csrf": token}, files={"file": (BANK.name, BANK.read_bytes())}
    )
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"].split("/")[2])


def _links_reach_their_fields(client: TestClient, html: str) -> int:
    links = LINK.findall(html)
    for path, anchor in links:
        step = client.get(path)
        assert step.status_code == 200
        assert f'id="{anchor}"' in step.text, (path, anchor)
    return len(links)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_draft_report_opens_with_the_summary_and_links_each_question(web: Web, lang: str) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    client.get(f"/language/{lang}")
    draft_id = _import(client)
    assert f'href="/drafts/{draft_id}/report"' in client.get(f"/drafts/{draft_id}/summary").text
    page = client.get(f"/drafts/{draft_id}/report")
    assert page.status_code == 200
    html = page.text
    assert html.index('id="summary"') < html.index('id="findings"')
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    words = LABELS[lang]
    assert escape(words["title"]) in html and escape(words["actions"]) in html
    assert _links_reach_their_fields(client, html) >= 1
    pdf = client.get(f"/drafts/{draft_id}/report.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_version_report_links_to_the_draft_prepared_from_it(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    draft_id = _import(client)
    summary = client.get(f"/drafts/{draft_id}/summary")
    submitted = client.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary.text)})
    version_url = submitted.headers["location"]
    project_id = version_url.split("/")[2]
    # the draft that was submitted prepares the next version: the report links into it
    assert client.get(f"/drafts/{draft_id}/summary").status_code == 200
    report = client.get(f"{version_url}/report")
    assert report.status_code == 200
    assert f"/drafts/{draft_id}/steps/" in report.text
    assert _links_reach_their_fields(client, report.text) >= 1
    # without a draft, the page offers to prepare one from the version, then links into it
    client.post(f"/drafts/{draft_id}/delete", data={"csrf": csrf_of(summary.text)})
    bare = client.get(f"{version_url}/report")
    assert 'id="prepare-draft"' in bare.text and "to-field" not in bare.text
    made = client.post(f"/projects/{project_id}/versions/1/draft", data={"csrf": csrf_of(bare.text)})
    assert made.status_code == 303
    linked = client.get(f"{version_url}/report").text
    assert 'id="prepare-draft"' not in linked
    assert _links_reach_their_fields(client, linked) >= 1
    pdf = client.get(f"{version_url}/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
