"""`POST /projects/{id}/versions` as CI sends it skips FastAPI's dependency solving (`PlainSubmitRoute`): it
must answer exactly as the solved way does, which an empty query string (`?&`: no parameter) still takes."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import httpx

from compliance.api.app import create_app
from compliance.api.deps import api_key, get_principal, reject_unknown_query_parameters
from compliance.api.routes import projects
from compliance.api.settings import Settings
from compliance.service.sign_in import SESSION_COOKIE
from compliance.strictyaml import load_yaml
from tests.api.conftest import EXAMPLES, Server, new_project

SOLVED = "?&"  # a query string without a parameter: the same submission, through FastAPI's dependencies


def _answer(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "date"]
    return response.status_code, headers, response.content


def _both_ways(
    live: Server,
    path: str,
    headers: dict[str, str],
    body: bytes,
    cookies: dict[str, str] | None = None,
) -> httpx.Response:
    with httpx.Client(base_url=live.url, timeout=60, cookies=cookies) as client:
        plain = client.post(path, content=body, headers=headers)
        solved = client.post(path + SOLVED, content=body, headers=headers)
    assert _answer(plain) == _answer(solved), (headers, plain.text[:300])
    return plain


def test_a_stored_submission_and_its_replays_answer_as_the_solved_way(live: Server) -> None:
    bearer = {"Authorization": f"Bearer {live.tokens['atlas']}"}
    with httpx.Client(base_url=live.url, headers=bearer, timeout=60) as client:
        project_id = new_project(client, "plain submissions")
    path = f"/api/v1/projects/{project_id}/versions"
    for n, (example, other) in enumerate(itertools.pairwise(EXAMPLES[:5])):
        for kind, body, changed in (
            ("application/yaml", example.read_bytes(), other.read_bytes()),
            ("application/json", _json(example), _json(other)),
        ):
            headers = bearer | {"Content-Type": kind, "Idempotency-Key": f"plain-{n}-{kind}"}
            with httpx.Client(base_url=live.url, timeout=60) as client:
                first = client.post(path, content=body, headers=headers)
            assert first.status_code == 201, first.text[:300]
            replay = _both_ways(live, path, headers, body)  # a replay: the same answer both ways
            assert replay.headers["Idempotent-Replayed"] == "true" and replay.content == first.content
            assert _both_ways(live, path, headers, changed).status_code == 409  # the key reused


def _json(example: Path) -> bytes:
    return json.dumps(load_yaml(example.read_text(encoding="utf-8"))).encode()


def test_problems_answer_as_the_solved_way(live: Server, example_bytes: bytes) -> None:
    atlas = {"Authorization": f"Bearer {live.tokens['atlas']}"}
    yaml = {"Content-Type": "application/yaml"}
    with httpx.Client(base_url=live.url, headers=atlas, timeout=60) as client:
        project_id = new_project(client, "plain problems")
    with httpx.Client(
        base_url=live.url, headers={"Authorization": f"Bearer {live.tokens['sahara']}"}
    ) as client:
        elsewhere = new_project(client, "another organisation's")
    path = f"/api/v1/projects/{project_id}/versions"
    cases: list[tuple[str, dict[str, str], bytes, int]] = [
        (path, yaml, example_bytes, 401),  # no key
        (path, {"Authorization": "Bearer not-a-key"} | yaml, example_bytes, 401),
        (path, {"Authorization": f"Bearer {live.tokens['admin']}"} | yaml, example_bytes, 403),
        (f"/api/v1/projects/{elsewhere}/versions", atlas | yaml, example_bytes, 404),
        ("/api/v1/projects/prj_0000000000000000/versions", atlas | yaml, example_bytes, 404),
        ("/api/v1/projects/" + "p" * 65 + "/versions", atlas | yaml, example_bytes, 422),  # id too long
        (path, atlas | yaml | {"Idempotency-Key": "has space"}, example_bytes, 422),
        (path, atlas | yaml | {"Idempotency-Key": "k" * 201}, example_bytes, 422),
        (path, atlas | {"Content-Type": "text/plain"}, example_bytes, 415),
        (
            path,
            atlas | {"Content-Type": "application/json", "Accept-Language": "ar"},
            b'{"a": 1, "a": 2}',
            422,
        ),
        (
            path,
            atlas | {"Content-Type": "application/json", "Accept-Language": "fr"},
            b'{"project_name": 5}',
            422,
        ),
        (path, atlas | yaml | {"Accept-Language": "en"}, b"project_name: [1", 422),
    ]
    for where, headers, body, status in cases:
        assert _both_ways(live, where, headers, body).status_code == status, (where, headers)
    refused = _both_ways(live, path, atlas | yaml, example_bytes, cookies={SESSION_COOKIE: "x"})
    assert refused.status_code == 401
    with httpx.Client(base_url=live.url, timeout=60) as client:
        unknown = client.post(path + "?verdict=x", content=example_bytes, headers=atlas | yaml)
    assert unknown.status_code == 422 and "unknown parameter" in unknown.text  # still refused, by FastAPI


def test_the_dependencies_left_out_are_the_ones_it_knows(tmp_path: Any) -> None:
    """A dependency or parameter added to the route or the app would be skipped by the plain way: this fails
    until PlainSubmitRoute is taught it."""
    app = create_app(Settings(data_dir=tmp_path, assess_workers=0))
    assert [d.dependency for d in app.router.dependencies] == [reject_unknown_query_parameters]
    (route,) = [r for r in projects.router.routes if isinstance(r, projects.PlainSubmitRoute)]
    assert route.path == "/projects/{project_id}/versions" and route.methods == {"POST"}
    dependant = route.dependant
    assert [d.call for d in dependant.dependencies] == [get_principal]
    assert [d.call for d in dependant.dependencies[0].dependencies] == [api_key]
    assert not dependant.dependencies[0].dependencies[0].dependencies
    assert [p.alias for p in dependant.path_params] == ["project_id"]
    assert [p.alias for p in dependant.header_params] == ["Idempotency-Key"]
    assert not (dependant.query_params or dependant.cookie_params or dependant.body_params)
    app.state.services.store.close()


def test_odd_headers_and_ids_answer_as_the_solved_way(live: Server, example_bytes: bytes) -> None:
    """Repeated, empty, non-ASCII or foreign-scheme headers and odd path ids, on both plain routes (/evaluate's
    solved way is the same request with its default `fail_on` given)."""
    token = live.tokens["atlas"]
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        project_id = new_project(client, "odd headers")
    yaml: list[tuple[str, str | bytes]] = [("Content-Type", "application/yaml"), ("Accept-Language", "en")]
    good, bad = ("Authorization", f"Bearer {token}"), ("Authorization", "Bearer key_0000.nope")
    header_sets: list[list[tuple[str, str | bytes]]] = [
        [good, bad],
        [bad, good],
        [("Authorization", f"bearer {token}")],
        [("Authorization", f"Basic {token}")],
        [("Authorization", "Bearer")],
        [("Authorization", f"Bearer  {token}")],
        [good, ("Idempotency-Key", "")],
        [good, ("Idempotency-Key", "a"), ("Idempotency-Key", "a")],
        [good, ("Idempotency-Key", "a"), ("Idempotency-Key", "b")],
        [good, ("Idempotency-Key", "k\xe9y".encode("latin-1"))],
        [good, ("Idempotency-Key", "k" * 200)],
        [good, ("Idempotency-Key", ("k" * 199 + "\xe9").encode("latin-1"))],
    ]
    paths = [
        f"/api/v1/projects/{project_id}/versions",
        "/api/v1/projects/%C3%A9" + "p" * 62 + "/versions",  # 63 characters, 64 bytes
        "/api/v1/projects/%C3%A9" + "p" * 63 + "/versions",  # 64 characters
        "/api/v1/projects/%C3%A9" + "p" * 64 + "/versions",  # 65 characters
        "/api/v1/projects/%00/versions",
    ]
    seen: set[int] = set()
    with httpx.Client(base_url=live.url, timeout=60) as client:
        for n, given in enumerate(header_sets):
            keyed = any(name == "Idempotency-Key" for name, _ in given)
            listed = [*yaml, *given] if keyed else [*yaml, *given, ("Idempotency-Key", f"odd-{n}")]
            sent = [(k.encode(), v if isinstance(v, bytes) else v.encode()) for k, v in listed]
            pairs = [(p, p + SOLVED) for p in paths] + [
                ("/api/v1/evaluate", "/api/v1/evaluate?fail_on=major")
            ]
            for path, solved in pairs:
                if "evaluate" not in path:  # stored first: both ways are then replays (or the same problem)
                    client.post(solved, content=example_bytes, headers=sent)
                plain = client.post(path, content=example_bytes, headers=sent)
                again = client.post(solved, content=example_bytes, headers=sent)
                seen.add(plain.status_code)
                assert _answer(plain) == _answer(again), (path, listed, plain.text[:300], again.text[:300])
    assert seen == {200, 201, 401, 404, 422}
