"""`/metrics` in the Prometheus text format: requests by route template, latencies, assessments and
admissions refused, counted by the real server."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from prometheus_client.parser import text_string_to_metric_families

from compliance.storage.records import Role
from tests.api.conftest import YAML, Server, ServerFactory, new_project


def samples(server: Server) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    with httpx.Client(base_url=server.url) as c:
        r = c.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(r.text)
        for s in family.samples
    }


def value(found: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    return found.get((name, frozenset(labels.items())), 0.0)


def test_requests_latencies_and_assessments_by_route_template(live: Server, example_bytes: bytes) -> None:
    before = samples(live)
    with live.client("atlas") as c:
        project = new_project(c)
        assert (
            c.post(f"/api/v1/projects/{project}/versions", content=example_bytes, headers=YAML).status_code
            == 201
        )
    after = samples(live)
    route = "/api/v1/projects/{project_id}/versions"
    for name, labels in (
        ("compliance_http_requests_total", {"method": "POST", "route": route, "status": "201"}),
        ("compliance_assessments_total", {"route": route}),
        ("compliance_http_request_duration_seconds_count", {"method": "POST", "route": route}),
    ):
        assert value(after, name, **labels) == value(before, name, **labels) + 1, name
    assert not any(project in str(key) for key in after)  # ids never become labels


def test_admissions_refused_are_counted(server_factory: ServerFactory, example_bytes: bytes) -> None:
    server = server_factory(None)
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.start(
        extra_env={
            "COMPLIANCE_MAX_IN_FLIGHT": "1",
            "COMPLIANCE_MAX_WAITING": "0",
            "COMPLIANCE_ASSESS_WORKERS": "0",
        }
    )
    with server.client("atlas") as c:
        project = new_project(c)

        def submit(_: int) -> httpx.Response:
            return c.post(f"/api/v1/projects/{project}/versions", content=example_bytes, headers=YAML)

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(submit, range(16)))
    refused = [r for r in answers if r.status_code == 503 and r.json()["type"].endswith("busy")]
    assert refused and len(refused) + [r.status_code for r in answers].count(201) == 16
    assert value(samples(server), "compliance_admissions_refused_total") == len(refused)
