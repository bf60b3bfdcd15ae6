"""`POST /evaluate` without a query string skips FastAPI's dependency solving (`PlainRequestRoute`): it must
answer exactly as the solved way does, which a query string giving a parameter its default still takes."""

from __future__ import annotations

import inspect
import json
from typing import Any

import httpx

from compliance.api.app import create_app
from compliance.api.deps import api_key, get_principal, reject_unknown_query_parameters
from compliance.api.routes import evaluate
from compliance.api.settings import Settings
from compliance.domain.rules import Severity
from compliance.service.sign_in import SESSION_COOKIE
from compliance.strictyaml import load_yaml
from tests.api.conftest import EXAMPLES, Server

SOLVED = "?fail_on=major"  # the default: the same dry run, through FastAPI's dependencies


def _answer(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "date"]
    return response.status_code, headers, response.content


def _both_ways(
    live: Server, headers: dict[str, str], body: bytes, cookies: dict[str, str] | None = None
) -> Any:
    with httpx.Client(base_url=live.url, timeout=60, cookies=cookies) as client:
        plain = client.post("/api/v1/evaluate", content=body, headers=headers)
        solved = client.post("/api/v1/evaluate" + SOLVED, content=body, headers=headers)
    assert _answer(plain) == _answer(solved), (headers, plain.text[:300])
    return plain


def test_every_example_in_every_text_format_answers_as_the_solved_way(live: Server) -> None:
    bearer = {"Authorization": f"Bearer {live.tokens['atlas']}"}
    for path in EXAMPLES:
        yaml_body = path.read_bytes()
        json_body = json.dumps(load_yaml(yaml_body.decode())).encode()
        answer = _both_ways(live, bearer | {"Content-Type": "application/yaml"}, yaml_body)
        assert answer.status_code == 200 and answer.json()["verdict"]
        for accept, lang in (
            ("application/json", "ar"),
            ("text/markdown", "fr"),
            ("application/sarif+json", "en"),
            ("application/xml", "ar"),
        ):
            headers = bearer | {"Content-Type": "application/json", "Accept": accept, "Accept-Language": lang}
            assert _both_ways(live, headers, json_body).status_code == 200, (path.name, accept)


def test_problems_answer_as_the_solved_way(live: Server, example_bytes: bytes) -> None:
    atlas = {"Authorization": f"Bearer {live.tokens['atlas']}"}
    yaml = {"Content-Type": "application/yaml"}
    cases: list[tuple[dict[str, str], bytes, int]] = [
        ({"Content-Type": "application/yaml"}, example_bytes, 401),  # no key
        ({"Authorization": "Bearer not-a-key"} | yaml, example_bytes, 401),
        ({"Authorization": "Basic YTpi"} | yaml, example_bytes, 401),  # another scheme
        ({"Authorization": f"Bearer {live.tokens['admin']}"} | yaml, example_bytes, 403),
        (atlas | {"Content-Type": "text/plain"}, example_bytes, 415),
        (atlas, example_bytes, 415),  # no media type
        (atlas | yaml | {"Accept": "image/png"}, example_bytes, 406),
        (atlas | {"Content-Type": "application/json", "Accept-Language": "ar"}, b'{"a": 1, "a": 2}', 422),
        (atlas | {"Content-Type": "application/json", "Accept-Language": "fr"}, b'{"project_name": 5}', 422),
        (atlas | yaml | {"Accept-Language": "en"}, b"project_name: [1", 422),
        (atlas | {"Content-Type": "application/json"}, b"[1, 2]", 422),
    ]
    for headers, body, status in cases:
        assert _both_ways(live, headers, body).status_code == status, headers
    refused = _both_ways(live, atlas | yaml, example_bytes, cookies={SESSION_COOKIE: "x"})
    assert refused.status_code == 401
    liaison = {"Authorization": f"Bearer {live.tokens['liaison']}"} | yaml
    assert _both_ways(live, liaison, example_bytes).status_code == 200


def test_the_dependencies_left_out_are_the_ones_it_knows(tmp_path: Any) -> None:
    """A dependency or parameter added to the route or the app would be skipped by the plain way: this fails
    until PlainRequestRoute is taught it."""
    app = create_app(Settings(data_dir=tmp_path, assess_workers=0))
    assert [d.dependency for d in app.router.dependencies] == [reject_unknown_query_parameters]
    (route,) = evaluate.router.routes
    assert isinstance(route, evaluate.PlainRequestRoute)
    dependant = route.dependant
    assert [d.call for d in dependant.dependencies] == [get_principal]
    assert [d.call for d in dependant.dependencies[0].dependencies] == [api_key]
    assert not dependant.dependencies[0].dependencies[0].dependencies
    assert [p.alias for p in dependant.query_params] == ["format", "lang", "fail_on", "source"]
    assert not (dependant.header_params or dependant.cookie_params or dependant.body_params)
    defaults = {name: p.default for name, p in inspect.signature(evaluate.evaluate).parameters.items()}
    assert defaults == {
        "request": inspect.Parameter.empty,
        "principal": inspect.Parameter.empty,
        "fmt": None,
        "lang": None,
        "fail_on": Severity.major,
        "source": None,
    }
    app.state.services.store.close()
