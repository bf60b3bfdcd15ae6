"""A NUL character (U+0000) in a text of a request body, against a server on PostgreSQL, which stores no NUL
in a text or JSON column: the name of a project, a comment, a webhook's description used to be a 500 there
(the embedded store kept them). Each is now a 422 naming the field, on either store, and nothing is stored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from compliance.storage.records import Role
from tests.api.conftest import YAML, Server, new_project
from tests.api.pg_servers import QUIET, pg_servers_fixture  # noqa: F401

NUL = "a\u0000b"


def _server(request: pytest.FixtureRequest, store: str) -> Server:
    if store == "embedded":
        live: Server = request.getfixturevalue("live")
        return live
    _, make = request.getfixturevalue("pg_servers")
    server: Server = make()
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("liaison", Role.liaison)
    server.start(extra_env=QUIET)
    return server


def _refused(answer: httpx.Response, path: str) -> None:
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert error["path"] == path and error["message"] == "ne doit pas contenir le caractère U+0000 (NUL)"


@pytest.mark.parametrize("store", ["postgresql", "embedded"])
def test_a_nul_character_in_a_text_is_422_naming_the_field(
    request: pytest.FixtureRequest, store: str, example_bytes: bytes
) -> None:
    server = _server(request, store)
    with server.client("atlas") as atlas:
        _refused(atlas.post("/api/v1/projects", json={"name": NUL}), "body.name")
        project_id = new_project(atlas, "nul")
        stored = atlas.post(f"/api/v1/projects/{project_id}/versions", content=example_bytes, headers=YAML)
        assert stored.status_code == 201, stored.text
        hook: dict[str, Any] = {"url": "https://127.0.0.1:9/hook", "description": NUL}
        _refused(atlas.post("/api/v1/webhooks", json=hook), "body.description")
        names = [p["name"] for p in atlas.get("/api/v1/projects", params={"limit": 100}).json()["items"]]
        assert "nul" in names and NUL not in names
        assert all(h["description"] != NUL for h in atlas.get("/api/v1/webhooks").json())
    review = f"/api/v1/projects/{project_id}/versions/1/review"
    with server.client("liaison") as liaison:
        _refused(liaison.post(review + "/comments", json={"text": NUL, "lang": "en"}), "body.text")
        start = liaison.post(review + "/actions", json={"action": "start_review", "revision": 1})
        assert start.status_code == 200, start.text
        asked = {"action": "request_changes", "revision": 2, "message": "x" * 10 + NUL}
        _refused(liaison.post(review + "/actions", json=asked), "body.message")
        assert liaison.get(review).json()["comments"] == []
