"""Every rule of access, against the real server: no key 401, wrong role 403, another organisation's
project 404, and what each role may do."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from compliance.service.store import Role
from tests.api.conftest import ROOT, YAML, Server, ServerFactory, new_project


@pytest.fixture(scope="module")
def atlas_project(live: Server, example_bytes: bytes) -> str:
    with live.client("atlas") as c:
        project_id = new_project(c, "Atlas chatbot")
        r = c.post(f"/api/v1/projects/{project_id}/versions", content=example_bytes, headers=YAML)
        assert r.status_code == 201, r.text
    return project_id


def _routes(project_id: str) -> list[tuple[str, str]]:
    return [
        ("GET", f"/api/v1/projects/{project_id}"),
        ("GET", f"/api/v1/projects/{project_id}/versions"),
        ("GET", f"/api/v1/projects/{project_id}/versions/1"),
        ("GET", f"/api/v1/projects/{project_id}/versions/1/report"),
        ("POST", f"/api/v1/projects/{project_id}/versions"),
        ("DELETE", f"/api/v1/projects/{project_id}"),
    ]


def _call(client: httpx.Client, method: str, path: str, body: bytes) -> httpx.Response:
    if method == "POST":
        return client.post(path, content=body, headers=YAML)
    return client.request(method, path)


def test_no_key_is_401_with_a_problem_document(
    live: Server, atlas_project: str, example_bytes: bytes
) -> None:
    with live.client() as c:
        for method, path in [
            *_routes(atlas_project),
            ("GET", "/api/v1/projects"),
            ("POST", "/api/v1/projects"),
            ("POST", "/api/v1/evaluate"),
            ("GET", "/api/v1/organisations"),
        ]:
            r = _call(c, method, path, example_bytes)
            assert r.status_code == 401, (method, path, r.text)
            assert r.headers["content-type"] == "application/problem+json"
            assert r.headers["www-authenticate"] == "Bearer"
            assert r.json()["status"] == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer key_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer not-a-key",
        "Basic dXNlcjpwYXNz",
    ],
)
def test_an_unknown_or_malformed_key_is_401(live: Server, header: str) -> None:
    r = httpx.get(live.url + "/api/v1/projects", headers={"Authorization": header})
    assert r.status_code == 401
    assert r.json()["type"].endswith("unauthenticated")


def test_a_right_key_id_with_a_wrong_secret_is_401(live: Server) -> None:
    key_id = live.tokens["atlas"].split(".")[0]
    r = httpx.get(live.url + "/api/v1/projects", headers={"Authorization": f"Bearer {key_id}.{'x' * 43}"})
    assert r.status_code == 401


def test_another_organisations_project_is_404_for_every_route(
    live: Server, atlas_project: str, example_bytes: bytes
) -> None:
    with live.client("sahara") as c:
        for method, path in _routes(atlas_project):
            r = _call(c, method, path, example_bytes)
            assert r.status_code == 404, (method, path, r.text)
            assert r.headers["content-type"] == "application/problem+json"
    with live.client("atlas") as c:  # and nothing was changed by those calls
        assert c.get(f"/api/v1/projects/{atlas_project}").json()["version_count"] == 1


def test_a_submitter_lists_only_its_organisations_projects(live: Server, atlas_project: str) -> None:
    with live.client("sahara") as c:
        sahara_project = new_project(c, "Sahara scoring")
        listed = c.get("/api/v1/projects", params={"limit": 100}).json()
        assert {p["organisation"] for p in listed["items"]} == {"sahara"}
        assert sahara_project in {p["id"] for p in listed["items"]}
        asked_for_other = c.get("/api/v1/projects", params={"organisation": "atlas"}).json()
        assert asked_for_other["items"] == [] and asked_for_other["total"] == 0


def test_a_liaison_reads_every_organisation_but_changes_nothing(
    live: Server, atlas_project: str, example_bytes: bytes
) -> None:
    with live.client("liaison") as c:
        for method, path in _routes(atlas_project)[:4]:
            assert c.request(method, path).status_code == 200, path
        with live.client(
            "sahara"
        ) as sahara:  # its own project: the shared server may hold 100 of atlas's first
            new_project(sahara, "Sahara, read by the liaison")
        for org in ("atlas", "sahara"):
            only = c.get("/api/v1/projects", params={"organisation": org, "limit": 100}).json()["items"]
            assert only and {p["organisation"] for p in only} == {org}
        assert c.post("/api/v1/evaluate", content=example_bytes, headers=YAML).status_code == 200
        for method, path in _routes(atlas_project)[4:]:
            r = _call(c, method, path, example_bytes)
            assert r.status_code == 403, (method, path)
            assert r.json()["type"].endswith("forbidden")
        assert c.post("/api/v1/projects", json={"name": "x"}).status_code == 403


def test_an_admin_manages_keys_but_reads_no_project(
    live: Server, atlas_project: str, example_bytes: bytes
) -> None:
    with live.client("admin") as c:
        assert c.get("/api/v1/organisations").status_code == 200
        assert {o["id"] for o in c.get("/api/v1/organisations").json()} >= {"atlas", "sahara"}
        for method, path in _routes(atlas_project):
            assert _call(c, method, path, example_bytes).status_code == 403, path
        assert c.get("/api/v1/projects").status_code == 403
        assert c.post("/api/v1/projects", json={"name": "x"}).status_code == 403
        assert c.post("/api/v1/evaluate", content=example_bytes, headers=YAML).status_code == 403


def test_a_submitter_may_not_list_organisations(live: Server) -> None:
    with live.client("atlas") as c:
        assert c.get("/api/v1/organisations").status_code == 403


def test_documentation_and_probes_need_no_key(live: Server) -> None:
    for path in ("/healthz", "/readyz", "/api/v1/rules", "/api/v1/schema/submission", "/api/v1/openapi.json"):
        assert httpx.get(live.url + path).status_code == 200, path


def test_a_key_made_and_revoked_with_the_cli_takes_effect_on_the_running_server(live: Server) -> None:
    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "compliance.cli.main", "admin", *args, "--data-dir", str(live.data_dir)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        return done.stdout

    out = cli("create-key", "--role", "submitter", "--org", "atlas", "--label", "temporary")
    token = next(line for line in out.splitlines() if line.startswith("key_"))
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(live.url + "/api/v1/projects", headers=headers).status_code == 200
    listed = cli("list-keys")
    assert (
        token.split(".")[0] in listed and token.split(".")[1] not in listed
    )  # the secret is never shown again
    cli("revoke-key", token.split(".")[0])
    r = httpx.get(live.url + "/api/v1/projects", headers=headers)
    assert r.status_code == 401
    assert r.json()["detail"] == "cette clé d'API a été révoquée"  # French by default
    english = httpx.get(live.url + "/api/v1/projects", headers=headers | {"Accept-Language": "en"})
    assert english.json()["detail"] == "this API key was revoked"


def test_keys_are_stored_only_as_hashes(live: Server) -> None:
    stored = (live.data_dir / "access.json").read_text()
    for token in live.tokens.values():
        assert token.split(".")[1] not in stored


def test_a_submitter_key_needs_an_existing_organisation(live: Server) -> None:
    from compliance.service.errors import InvalidRequest, NotFound

    with pytest.raises(NotFound):
        live.add_key("ghost", Role.submitter, "no-such-org")
    with pytest.raises(InvalidRequest):
        live.add_key("ghost", Role.submitter, None)


def test_the_first_start_tells_how_to_create_the_first_admin_key(server_factory: ServerFactory) -> None:
    server = server_factory(None)
    server.start()
    assert f"compliance admin create-key --role admin --data-dir {server.data_dir.resolve()}" in server.log()
    assert httpx.get(server.url + "/api/v1/projects").status_code == 401  # and nothing is open meanwhile
