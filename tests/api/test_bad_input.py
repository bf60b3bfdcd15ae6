"""Bad input gets a clear problem document naming each field, never echoing values, never a stack trace."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.api.conftest import YAML, Server, new_project

SECRET = "Zineb-El-Idrissi-CIN-BK123456"  # a value that must never come back or reach the log


@pytest.fixture(scope="module")
def atlas(live: Server) -> httpx.Client:
    return live.client("atlas")


def _assert_problem(r: httpx.Response, status: int) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = r.json()
    assert body["status"] == status and isinstance(body["title"], str) and isinstance(body["type"], str)
    assert "Traceback" not in r.text and 'File "' not in r.text
    return body


def test_422_names_each_field_path_without_echoing_values(atlas: httpx.Client) -> None:
    body = {
        "schema_version": "1.0",
        "project_name": "x",
        "controller": {"country": SECRET, "name": SECRET * 20},
        "processings": [{"id": "p1", "legal_basis": SECRET}],
        "unknown_fact": SECRET,
    }
    r = atlas.post("/api/v1/evaluate", json=body)
    problem = _assert_problem(r, 422)
    paths = {e["path"] for e in problem["errors"]}  # type: ignore[attr-defined]
    assert {
        "body.controller.country",
        "body.controller.name",
        "body.processings.0.legal_basis",
        "body",  # the unknown key: its parent's path, never the key itself
    } <= paths
    assert SECRET not in r.text and "unknown_fact" not in r.text


def test_422_for_yaml_that_does_not_parse_names_the_line(atlas: httpx.Client) -> None:
    r = atlas.post("/api/v1/evaluate", content=f"project_name: [{SECRET}\n".encode(), headers=YAML)
    problem = _assert_problem(r, 422)
    errors = problem["errors"]
    assert isinstance(errors, list)
    (error,) = errors
    assert error["path"] == "body" and (error["line"], error["column"]) == (2, 1)
    assert "YAML invalide" in error["message"] and SECRET not in r.text  # in French, the default


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"", "empty"),
        (b"[1, 2]", "not_mapping"),
        (b"\xff\xfe\x00bad", "binaire"),
        (b'{"schema_version": "1.0", "project_name": "x",}', "JSON invalide"),
    ],
)
def test_unreadable_bodies_are_422(atlas: httpx.Client, raw: bytes, why: str) -> None:
    r = atlas.post("/api/v1/evaluate", content=raw, headers={"Content-Type": "application/json"})
    problem = _assert_problem(r, 422)
    assert why in json.dumps(problem)


def test_bodies_over_1_mib_get_413_before_anything_is_stored(live: Server, atlas: httpx.Client) -> None:
    project_id = new_project(atlas)
    big = b"project_name: " + b"x" * (1024 * 1024)
    r = atlas.post(f"/api/v1/projects/{project_id}/versions", content=big, headers=YAML)
    _assert_problem(r, 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(12):
            yield b"#" * 100_000

    r = atlas.post("/api/v1/evaluate", content=chunks(), headers=YAML)
    _assert_problem(r, 413)
    assert atlas.get(f"/api/v1/projects/{project_id}").json()["version_count"] == 0


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml", ""]
)
def test_a_wrong_content_type_is_415(atlas: httpx.Client, example_bytes: bytes, content_type: str) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    r = atlas.post("/api/v1/evaluate", content=example_bytes, headers=headers)
    problem = _assert_problem(r, 415)
    assert "application/yaml" in str(problem["detail"])


@pytest.mark.parametrize(
    "content_type", ["application/yaml", "application/x-yaml", "text/yaml", "application/json"]
)
def test_json_and_every_yaml_media_type_are_accepted(
    atlas: httpx.Client, example_bytes: bytes, content_type: str
) -> None:
    from compliance.strictyaml import load_yaml

    raw = example_bytes if "yaml" in content_type else json.dumps(load_yaml(example_bytes.decode())).encode()
    r = atlas.post(
        "/api/v1/evaluate", content=raw, headers={"Content-Type": content_type + "; charset=utf-8"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["project_name"] == "Darija customer-support chatbot"


def test_invalid_query_parameters_and_headers_are_422_naming_them(atlas: httpx.Client) -> None:
    r = atlas.get("/api/v1/projects", params={"limit": "0", "verdict": SECRET})
    problem = _assert_problem(r, 422)
    assert {e["path"] for e in problem["errors"]} == {"query.limit", "query.verdict"}  # type: ignore[attr-defined]
    assert SECRET not in r.text
    project_id = new_project(atlas)
    r = atlas.post(
        f"/api/v1/projects/{project_id}/versions", content=b"x", headers=YAML | {"Idempotency-Key": "a b"}
    )
    problem = _assert_problem(r, 422)
    assert problem["errors"][0]["path"] == "header.Idempotency-Key"  # type: ignore[index]


def test_a_project_needs_a_name(atlas: httpx.Client) -> None:
    problem = _assert_problem(atlas.post("/api/v1/projects", json={"title": "x"}), 422)
    assert "body.name" in {e["path"] for e in problem["errors"]}  # type: ignore[attr-defined]


def test_unknown_routes_methods_and_ids_are_problem_documents(live: Server, atlas: httpx.Client) -> None:
    _assert_problem(atlas.get("/api/v1/nothing-here"), 404)
    _assert_problem(atlas.put("/api/v1/projects"), 405)
    _assert_problem(atlas.get("/api/v1/projects/prj_0000000000000000"), 404)
    _assert_problem(atlas.get("/api/v1/projects/../../etc/passwd"), 404)
    _assert_problem(atlas.get("/api/v1/projects/prj_0000000000000000/versions/0"), 422)
    _assert_problem(httpx.get(live.url + "/api/v1/rules/NO-SUCH-RULE"), 404)


def test_a_report_format_nobody_can_produce_is_406(atlas: httpx.Client, example_bytes: bytes) -> None:
    r = atlas.post("/api/v1/evaluate", content=example_bytes, headers=YAML | {"Accept": "image/png"})
    _assert_problem(r, 406)


def test_request_bodies_are_never_logged(live: Server, atlas: httpx.Client) -> None:
    atlas.post("/api/v1/evaluate", json={"schema_version": "1.0", "project_name": SECRET})
    atlas.post(
        "/api/v1/evaluate",
        json={"schema_version": "1.0", "project_name": "x", "controller": {"country": SECRET}},
    )
    project_id = new_project(atlas, name="p")
    atlas.post(
        f"/api/v1/projects/{project_id}/versions", json={"schema_version": "1.0", "project_name": SECRET}
    )
    log = live.log()
    assert "POST /api/v1/evaluate" in log  # the access log is there...
    assert SECRET not in log  # ...but never a body


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        (b'{"schema_version": "1.1", "project_name": "\\ud800"}', "body.project_name"),
        (b'{"schema_version": "1.1", "project_name": "x", "sectors": ["\\udfff"]}', "body.sectors.0"),
        (b'{"schema_version": "1.1", "project_name": "x", "\\ud800": 1}', "body"),
    ],
    ids=["text", "list item", "key"],
)
def test_a_lone_surrogate_escape_in_json_is_422_naming_the_field(
    atlas: httpx.Client, raw: bytes, path: str
) -> None:
    """JSON may escape half of a UTF-16 pair (`\\ud800`), which is no character: pydantic's own English words
    ("Input should be a valid string, unable to parse raw data…") came back for the whole body."""
    project_id = new_project(atlas)
    for url in ("/api/v1/evaluate", f"/api/v1/projects/{project_id}/versions"):
        for lang, words in (("fr", "n'est pas un texte valide"), ("ar", "ليس نصا صالحا")):
            r = atlas.post(
                url, content=raw, headers={"Content-Type": "application/json", "Accept-Language": lang}
            )
            problem = _assert_problem(r, 422)
            errors = problem["errors"]
            assert isinstance(errors, list)
            (error,) = errors
            assert error["path"] == path and words in error["message"], (url, error)
    assert atlas.get(f"/api/v1/projects/{project_id}").json()["version_count"] == 0
