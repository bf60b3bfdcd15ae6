"""Strict means strict, against the real server: only true/false are booleans, errors never repeat what was
submitted, every answer carries its cache and sniffing headers, 405 names the allowed methods, a client that
hangs up is no error, and the data folder is its owner's only."""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest

from tests.api.conftest import YAML, Server, new_project

SECRET = "Zineb_El_Idrissi"  # a name a submitter might use for a key, a tag or an id
HEAD = 'schema_version: "1.0"\nproject_name: x\n'
NOT_BOOLEANS = ["no", "off", "n", "yes", "0", "0.0", "oui", "'true'"]


@pytest.fixture(scope="module")
def atlas(live: Server) -> httpx.Client:
    return live.client("atlas")


def _errors(r: httpx.Response) -> list[dict[str, object]]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    errors: list[dict[str, object]] = r.json()["errors"]
    return errors


@pytest.mark.parametrize("value", NOT_BOOLEANS)
def test_only_true_and_false_are_booleans_in_yaml(atlas: httpx.Client, value: str) -> None:
    r = atlas.post("/api/v1/evaluate", content=f"{HEAD}live: {value}\n".encode(), headers=YAML)
    assert _errors(r) == [
        {
            "path": "body.live",
            "message": "true ou false est attendu",  # French, the default language
            "key": "boolean",
            "params": {},
            "line": 3,
            "column": 1,
        }
    ]


@pytest.mark.parametrize("value", ["no", "yes", "oui", "true", 0, 1, 0.0])
def test_only_true_and_false_are_booleans_in_json(atlas: httpx.Client, value: object) -> None:
    body = {"schema_version": "1.0", "project_name": "x", "controller": {"established_in_morocco": value}}
    errors = _errors(atlas.post("/api/v1/evaluate", json=body))
    assert [(e["path"], e["message"]) for e in errors] == [
        ("body.controller.established_in_morocco", "true ou false est attendu")
    ]
    assert errors[0]["line"] == 1  # JSON bodies are placed too


def test_true_and_false_still_pass_and_stored_versions_are_as_strict(atlas: httpx.Client) -> None:
    assert (
        atlas.post("/api/v1/evaluate", content=f"{HEAD}live: false\n".encode(), headers=YAML).status_code
        == 200
    )
    project_id = new_project(atlas, "strict")
    url = f"/api/v1/projects/{project_id}/versions"
    assert [
        e["path"] for e in _errors(atlas.post(url, content=f"{HEAD}live: off\n".encode(), headers=YAML))
    ] == ["body.live"]
    assert atlas.post(url, content=f"{HEAD}live: true\n".encode(), headers=YAML).status_code == 201
    rights = {"schema_version": "1.0", "project_name": "x", "rights": {"access_sla_days": "10"}}
    assert (
        _errors(atlas.post("/api/v1/evaluate", json=rights))[0]["message"] == "un nombre entier est attendu"
    )


def test_errors_never_repeat_submitted_keys_tags_or_ids(atlas: httpx.Client) -> None:
    bodies = {
        "unknown key": f"{HEAD}controller:\n  {SECRET}: 1\n",
        "dictionary key": f"{HEAD}processings:\n  - retention:\n      per_category: {{{SECRET}: 3}}\n",
        "tag": f"{HEAD}description: !{SECRET} x\n",
        "duplicate key": f"{HEAD}{SECRET}: 1\n{SECRET}: 2\n",
        "enumerated value": f"{HEAD}processings:\n  - legal_basis: {SECRET}\n",
    }
    answers = {
        name: atlas.post("/api/v1/evaluate", content=body.encode(), headers=YAML)
        for name, body in bodies.items()
    }
    for name, r in answers.items():
        assert SECRET not in r.text and SECRET.lower() not in r.text.lower(), name
        (error,) = _errors(r)
        assert isinstance(error["line"], int) and isinstance(error["column"], int), name
    unknown = _errors(answers["unknown key"])[0]
    assert (unknown["path"], unknown["line"], unknown["column"]) == ("body.controller", 4, 3)
    assert "les clés admises ici : name, legal_form" in str(unknown["message"])
    key = _errors(answers["dictionary key"])[0]
    assert key["path"] == "body.processings.0.retention.per_category" and "'cin_number'" in str(
        key["message"]
    )
    assert (_errors(answers["duplicate key"])[0]["line"], _errors(answers["duplicate key"])[0]["column"]) == (
        4,
        1,
    )
    assert "'legitimate_interest'" in str(_errors(answers["enumerated value"])[0]["message"])
    json_duplicate = atlas.post(
        "/api/v1/evaluate",
        content=f'{{"schema_version": "1.0", "{SECRET}": 1,\n "{SECRET}": 2}}'.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert SECRET not in json_duplicate.text and _errors(json_duplicate)[0]["line"] == 2


def test_not_found_and_unknown_parameters_do_not_repeat_the_ids_asked_for(
    live: Server, atlas: httpx.Client
) -> None:
    project_id = new_project(atlas, "ids")
    asked = [
        "/api/v1/projects/prj_00000000deadbeef",
        "/api/v1/projects/prj_00000000deadbeef/versions/1",
        f"/api/v1/projects/{project_id}/versions/7",
        f"/api/v1/projects/{project_id}/versions/7/review",
        f"/api/v1/rules/L0908-{SECRET}",
    ]
    for url in asked:
        r = atlas.get(url)
        assert r.status_code == 404, (url, r.text)
        assert "deadbeef" not in r.text and project_id not in r.text and SECRET not in r.text, url
    r = atlas.get("/api/v1/projects", params={SECRET: "1"})
    (error,) = _errors(r)
    assert SECRET not in r.text and error["path"] == "query" and "limit" in str(error["message"])
    r = atlas.post("/api/v1/projects", json={"name": "n", SECRET: 1})
    assert SECRET not in r.text and _errors(r)[0]["path"] == "body"


def test_every_answer_says_no_store_and_nosniff(
    live: Server, atlas: httpx.Client, example_bytes: bytes
) -> None:
    anonymous = httpx.Client(base_url=live.url)
    answers = [
        anonymous.get("/healthz"),
        anonymous.get("/readyz"),
        anonymous.get("/api/v1/rules"),
        anonymous.get("/api/v1/projects"),  # 401
        atlas.get("/api/v1/nothing-here"),  # 404
        atlas.put("/api/v1/projects"),  # 405
        atlas.post("/api/v1/evaluate", content=b"x", headers={"Content-Type": "text/plain"}),  # 415
        atlas.post("/api/v1/evaluate", content=b"live: no\n", headers=YAML),  # 422
        atlas.post("/api/v1/evaluate", content=b"#" * (1024 * 1024 + 1), headers=YAML),  # 413
        atlas.post("/api/v1/evaluate", content=example_bytes, headers=YAML),  # 200
    ]
    assert sorted({r.status_code for r in answers}) == [200, 401, 404, 405, 413, 415, 422]
    for r in answers:
        assert r.headers["cache-control"] == "no-store", r.request.url
        assert r.headers["x-content-type-options"] == "nosniff", r.request.url


def test_405_names_every_method_the_path_accepts(live: Server, atlas: httpx.Client) -> None:
    project_id = new_project(atlas, "allow")
    expected = {
        ("PUT", "/api/v1/projects"): "GET, POST",
        ("DELETE", "/api/v1/evaluate"): "POST",
        ("PATCH", f"/api/v1/projects/{project_id}/versions"): "GET, POST",
        ("POST", "/healthz"): "GET",
    }
    for (method, url), allow in expected.items():
        r = atlas.request(method, url)
        assert r.status_code == 405 and r.headers["allow"] == allow, (method, url, r.headers.get("allow"))


def test_a_client_hanging_up_mid_body_is_not_an_error(
    live: Server, atlas: httpx.Client, example_bytes: bytes
) -> None:
    before = len(live.log())
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", live.port)) as s:
            s.sendall(
                b"POST /api/v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                + f"Authorization: Bearer {live.tokens['atlas']}\r\nContent-Length: 5000\r\n\r\n".encode()
                + example_bytes[:100]
            )
            time.sleep(0.1)
    assert atlas.post("/api/v1/evaluate", content=example_bytes, headers=YAML).status_code == 200
    time.sleep(0.2)
    added = live.log()[before:]
    assert "ERROR" not in added and "unexpected" not in added and "Traceback" not in added, added


def test_the_data_folder_is_readable_by_its_owner_only(
    live: Server, atlas: httpx.Client, example_bytes: bytes
) -> None:
    project_id = new_project(atlas, "private")
    assert (
        atlas.post(f"/api/v1/projects/{project_id}/versions", content=example_bytes, headers=YAML).status_code
        == 201
    )
    entries = [live.data_dir, *live.data_dir.rglob("*")]
    assert any(p.name == "versions.journal" for p in entries)  # the versions, with their payloads
    loose = {str(p): oct(p.stat().st_mode & 0o777) for p in entries if p.stat().st_mode & 0o077}
    assert loose == {}
    assert json.loads(atlas.get("/api/v1/projects").text)["items"]
