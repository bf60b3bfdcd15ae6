"""Forms and files the service refuses get a page in the reader's language, never a 500 or plain English:
a project name too long or holding NUL, a NUL among an imported file's facts, a form with too many fields."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.test_security import new_draft


def _signed_in(web: Web, lang: str) -> tuple[TestClient, str]:
    client = web.client()
    client.cookies.set("__Host-lang", lang)
    sign_in(client, "founder@atlas.ma")
    return client, csrf_of(client.get("/drafts/new").text)


def test_a_project_name_too_long_in_a_step_is_a_page_in_the_readers_language(web: Web) -> None:
    client, token = _signed_in(web, "en")
    draft_id = new_draft(client, "Kept name")
    answer = client.post(f"/drafts/{draft_id}/steps/project", data={"csrf": token, "project_name": "x" * 900})
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert "at most 300 characters" in answer.text
    assert web.store.accounts.get_draft("atlas-ai", draft_id).name == "Kept name"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "name", "body", "named"),
    [
        ("fr", "a.json", b'{"project_name": "a\\u0000b"}', "project_name"),
        ("ar", "a.yaml", b'project_name: Bot\npurpose: "a\\0b"\n', "purpose"),
    ],
)
def test_an_imported_text_with_nul_is_refused_naming_its_fact(
    web: Web, lang: str, name: str, body: bytes, named: str
) -> None:
    client, token = _signed_in(web, lang)
    answer = client.post("/drafts/import", data={"csrf": token}, files={"file": (name, body, "text/plain")})
    assert answer.status_code == 400, answer.text
    assert f'<html lang="{lang}"' in answer.text and f"file.{named}" in answer.text
    assert web.store.accounts.list_drafts("atlas-ai") == []


def test_a_form_with_too_many_fields_is_a_page_in_the_readers_language(web: Web) -> None:
    client, token = _signed_in(web, "fr")
    fields = {f"f{i}": "x" for i in range(1500)}
    answer = client.post("/drafts", data={"csrf": token, "name": "n", **fields})
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert '<html lang="fr"' in answer.text and "1000" in answer.text
    assert web.store.accounts.list_drafts("atlas-ai") == []


def test_an_import_over_the_body_limit_is_a_page_in_the_readers_language(web: Web) -> None:
    client, token = _signed_in(web, "ar")
    body = b"purpose: " + b"x" * 10_000_000 + b"\n"
    answer = client.post(
        "/drafts/import", data={"csrf": token}, files={"file": ("big.yaml", body, "text/plain")}
    )
    assert answer.status_code == 413
    assert answer.headers["content-type"].startswith("text/html")
    assert (
        '<html lang="ar"' in answer.text and "default-src 'self'" in answer.headers["content-security-policy"]
    )
    assert web.store.accounts.list_drafts("atlas-ai") == []
    api = client.post("/api/v1/evaluate", content=body, headers={"content-type": "application/yaml"})
    assert api.status_code == 413 and api.headers["content-type"] == "application/problem+json"


def test_a_file_sent_in_a_text_field_is_refused_naming_the_field(web: Web) -> None:
    client, token = _signed_in(web, "fr")
    draft_id = new_draft(client, "Kept name")
    upload = {"project_name": ("name.txt", b"Other name", "text/plain")}
    answer = client.post(f"/drafts/{draft_id}/steps/project", data={"csrf": token}, files=upload)
    assert answer.status_code == 422
    assert "Le champ project_name attend du texte" in answer.text
    assert web.store.accounts.get_draft("atlas-ai", draft_id).name == "Kept name"  # type: ignore[union-attr]
    named = client.post("/drafts", data={"csrf": token}, files={"name": ("n.txt", b"x", "text/plain")})
    assert named.status_code == 422 and len(web.store.accounts.list_drafts("atlas-ai")) == 1


def test_an_import_of_unknown_facts_is_refused_naming_some_of_them(web: Web) -> None:
    client, token = _signed_in(web, "fr")
    body = json.dumps({"project_name": "Big", **{f"k{i}": i for i in range(60_000)}}).encode()
    answer = client.post("/drafts/import", data={"csrf": token}, files={"file": ("a.json", body, "x")})
    assert answer.status_code == 400
    assert "ne connaît pas : k0, k1, k2, k3, k4 …" in answer.text
    assert web.store.accounts.list_drafts("atlas-ai") == []


def test_an_import_of_the_earlier_format_is_upgraded(web: Web) -> None:
    client, token = _signed_in(web, "en")
    body = b'schema_version: "1.0"\nproject_name: Old\ncndp:\n  authorisation_number: A-12\n'
    answer = client.post("/drafts/import", data={"csrf": token}, files={"file": ("old.yaml", body, "x")})
    assert answer.status_code == 303, answer.text
    (draft,) = web.store.accounts.list_drafts("atlas-ai")
    assert draft.answers["cndp"]["acts"] == [{"kind": "authorisation", "number": "A-12"}]
