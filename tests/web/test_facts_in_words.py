"""The submitted facts as people read them: on the founder's version page and in the liaison's console, a value
is yes/no or "not stated" in the page's language and an object read whole is its facts, never Python's
`True`, `None` or `{'provider': ...}`; paths are written as in the file (`processings[0].name`)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from starlette.testclient import TestClient

from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.test_liaison_pages import _liaison

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "darija-support-chatbot.yaml"
PYTHON_WORDS = re.compile(r"\b(True|False|None)\b|\{'")


def _import_and_submit(client: TestClient) -> str:
    token = csrf_of(client.get("/drafts/new").text)
    files = {"file": (EXAMPLE.name, EXAMPLE.read_bytes(), "application/yaml")}
    answer = client.post("/drafts/import", data={"csrf": token}, files=files)
    assert answer.status_code == 303, answer.text
    summary_url = answer.headers["location"]
    draft_id = summary_url.split("/")[2]
    summary = client.get(f"/drafts/{draft_id}/summary")
    submitted = client.post(f"/drafts/{draft_id}/submit", data={"csrf": csrf_of(summary.text)})
    assert submitted.status_code == 303, submitted.text
    return str(submitted.headers["location"].split("/")[2])


def _section(page: str, start: str) -> str:
    return html.unescape(page[page.index(start) :])


def test_the_founder_reads_the_facts_in_words(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _import_and_submit(founder)
    page = founder.get(f"/projects/{project_id}/versions/1").text
    assert (
        "<p>Formalités CNDP : <span" in page and "<p>Examen : soumis" in page
    )  # French puts a space before ':'
    facts = _section(page, '<dl class="facts">')
    assert PYTHON_WORDS.search(facts) is None, PYTHON_WORDS.search(facts)
    assert '<dt dir="ltr">processings[0].name</dt><dd dir="auto">Customer support chatbot</dd>' in facts
    assert '<dt dir="ltr">live</dt><dd dir="auto">Oui</dd>' in facts
    founder.get("/language/ar?next=/")
    arabic = _section(founder.get(f"/projects/{project_id}/versions/1").text, '<dl class="facts">')
    assert '<dt dir="ltr">live</dt><dd dir="auto">نعم</dd>' in arabic


def test_the_console_shows_an_object_read_whole_as_its_facts(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _import_and_submit(founder)
    page = html.unescape(_liaison(web).get(f"/review/{project_id}/versions/1").text)
    assert "ai.inference</code> = " in page  # a check reads the whole object
    assert "{'" not in page and "'self_hosted': False" not in page
    assert "provider: Mistral AI" in page and "self_hosted: Non" in page
