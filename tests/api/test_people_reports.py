"""HTML and PDF reports over HTTP: of a stored version and of a dry run, in French and in Arabic."""

from __future__ import annotations

import httpx

from tests.api.conftest import ROOT, YAML, Server, new_project

BANK = (ROOT / "examples" / "bank-voice-assistant.yaml").read_bytes()


def test_stored_version_as_html_and_pdf(live: Server) -> None:
    client: httpx.Client = live.client("atlas")
    project_id = new_project(client, "Bank voice assistant")
    assert (
        client.post(f"/api/v1/projects/{project_id}/versions", content=BANK, headers=YAML).status_code == 201
    )
    base = f"/api/v1/projects/{project_id}/versions/1/report"
    page = client.get(base, params={"format": "html", "lang": "ar"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in page.text and "ما يجب فعله" in page.text
    pdf = client.get(base, headers={"Accept": "application/pdf"}, params={"lang": "fr"}, timeout=120)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    other = live.client("sahara").get(base, params={"format": "pdf"})
    assert other.status_code == 404  # another organisation's report is not rendered for it


def test_dry_run_as_html(live: Server) -> None:
    client = live.client("atlas")
    dry = client.post("/api/v1/evaluate", content=BANK, headers=YAML, params={"format": "html", "lang": "en"})
    assert dry.status_code == 200 and "Ce qu&#39;il faut faire" not in dry.text
    assert "What to do" in dry.text and "<script" not in dry.text
    french = client.post("/api/v1/evaluate", content=BANK, headers=YAML, params={"format": "html"})
    assert "Ce qu&#39;il faut faire" in french.text  # French when no language is asked
