"""A client's journey over HTTP with the examples in examples/*.yaml: dry run, project, versions,
reports in every format, listing, the rule catalogue, erasure."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest

from compliance.service.audit import verify_audit_file
from compliance.service.store import Role
from compliance.storage.codec import decompress
from compliance.storage.version_journal import JOURNAL_FILE, read_whole
from tests.api.conftest import EXAMPLES, YAML, Server, new_project


@pytest.fixture(scope="module")
def atlas(live: Server) -> httpx.Client:
    return live.client("atlas")


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_is_evaluated_stored_and_reported(
    live: Server, atlas: httpx.Client, example: Path
) -> None:
    raw = example.read_bytes()
    dry = atlas.post("/api/v1/evaluate", content=raw, headers=YAML)
    assert dry.status_code == 200, dry.text
    assessment = dry.json()
    assert assessment["verdict"] in {"compliant", "non_compliant", "incomplete"}

    project_id = new_project(atlas, example.stem)
    stored = atlas.post(f"/api/v1/projects/{project_id}/versions", content=raw, headers=YAML)
    assert stored.status_code == 201, stored.text
    assert stored.headers["location"] == f"/api/v1/projects/{project_id}/versions/1"
    version = stored.json()
    assert version["status"] == "submitted" and version["revision"] == 1
    assert version["assessment"] == assessment  # the stored assessment is the dry run's, byte for byte

    read = atlas.get(stored.headers["location"]).json()
    assert read["assessment"]["submission_hash"] == assessment["submission_hash"]
    assert read["submission"]["project_name"] == assessment["project_name"]

    base = f"/api/v1/projects/{project_id}/versions/1/report"
    as_json = atlas.get(base, params={"format": "json"})
    assert as_json.headers["content-type"] == "application/json"
    report = as_json.json()
    review = report.pop("review")
    assert assessment.pop("review") is None and report == assessment  # the machine's findings, unchanged
    assert review == {
        "version": 1,
        "state": "submitted",
        "decided_by": None,
        "decided_at": None,
        "judgements_applied": False,
    }
    markdown = atlas.get(base, headers={"Accept": "text/markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert assessment["project_name"] in markdown.text
    sarif = atlas.get(base, params={"format": "sarif"})
    assert sarif.headers["content-type"] == "application/sarif+json"
    assert sarif.json()["version"] == "2.1.0"
    junit = atlas.get(base, headers={"Accept": "application/xml"})
    assert junit.headers["content-type"] == "application/xml"
    assert ET.fromstring(junit.text).tag in {"testsuites", "testsuite"}
    english = atlas.get(base, params={"format": "markdown", "lang": "en"})
    assert english.status_code == 200 and english.text != markdown.text  # French unless asked otherwise


def test_versions_are_numbered_and_the_project_tracks_the_latest(
    atlas: httpx.Client, example_bytes: bytes
) -> None:
    project_id = new_project(atlas)
    for expected in (1, 2, 3):
        r = atlas.post(f"/api/v1/projects/{project_id}/versions", content=example_bytes, headers=YAML)
        assert r.json()["number"] == expected
    project = atlas.get(f"/api/v1/projects/{project_id}").json()
    assert project["version_count"] == 3 and project["latest"]["number"] == 3
    versions = atlas.get(f"/api/v1/projects/{project_id}/versions").json()["items"]
    assert [v["number"] for v in versions] == [1, 2, 3]
    assert atlas.get(f"/api/v1/projects/{project_id}/versions/4").status_code == 404


def test_listing_pages_and_filters_by_verdict_and_status(live: Server, example_bytes: bytes) -> None:
    live.add_org("paging")
    live.add_key("paging", Role.submitter, "paging")
    with live.client("paging") as c:
        ids = [new_project(c, f"p{i}") for i in range(5)]
        for project_id in ids[:2]:
            c.post(f"/api/v1/projects/{project_id}/versions", content=example_bytes, headers=YAML)
        verdict = c.get(f"/api/v1/projects/{ids[0]}").json()["latest"]["verdict"]
        first = c.get("/api/v1/projects", params={"limit": 2}).json()
        assert (
            first["total"] == 5 and [p["id"] for p in first["items"]] == ids[:2] and first["next_offset"] == 2
        )
        last = c.get("/api/v1/projects", params={"limit": 2, "offset": 4}).json()
        assert [p["id"] for p in last["items"]] == ids[4:] and last["next_offset"] is None
        by_verdict = c.get("/api/v1/projects", params={"verdict": verdict}).json()
        assert [p["id"] for p in by_verdict["items"]] == ids[:2]
        other = next(v for v in ("compliant", "non_compliant", "incomplete") if v != verdict)
        assert c.get("/api/v1/projects", params={"verdict": other}).json()["total"] == 0
        assert c.get("/api/v1/projects", params={"status": "submitted"}).json()["total"] == 2


def _readable(path: Path) -> bytes:
    """A file's bytes, with the version payloads it holds inflated."""
    if path.name == JOURNAL_FILE:
        records, whole = read_whole(path)
        payloads = (
            decompress(whole[r.payload[0] : sum(r.payload)]) for r in records if r.payload is not None
        )
        return whole + b"".join(payloads)
    data = path.read_bytes()
    return decompress(data) if path.name.endswith(".json.zst") else data


def test_deleting_a_project_really_erases_its_submissions(live: Server, atlas: httpx.Client) -> None:
    marker = "Erasure-Marker-7f3a9c"
    project_id = new_project(atlas, "to be erased")
    body = {"schema_version": "1.0", "project_name": marker, "description": marker}
    assert atlas.post(f"/api/v1/projects/{project_id}/versions", json=body).status_code == 201
    on_disk = [p for p in live.data_dir.rglob("*") if p.is_file() and marker.encode() in _readable(p)]
    assert on_disk, "the submission should be on disk before the erasure"

    assert atlas.delete(f"/api/v1/projects/{project_id}").status_code == 204
    assert atlas.get(f"/api/v1/projects/{project_id}").status_code == 404
    assert atlas.get(f"/api/v1/projects/{project_id}/versions/1").status_code == 404
    assert atlas.delete(f"/api/v1/projects/{project_id}").status_code == 404
    leftovers = [p for p in live.data_dir.rglob("*") if p.is_file() and marker.encode() in _readable(p)]
    assert leftovers == []
    audit = [json.loads(line) for line in (live.data_dir / "audit.log").read_text().splitlines()]
    tombstone = [e for e in audit if e["action"] == "project.deleted" and e["target"] == project_id]
    assert len(tombstone) == 1 and tombstone[0]["details"] == {"versions_erased": 1}
    assert verify_audit_file(live.data_dir / "audit.log").ok


def test_every_change_is_in_the_audit_log_without_contents(live: Server, atlas: httpx.Client) -> None:
    project_id = new_project(atlas, "audited")
    body = {"schema_version": "1.0", "project_name": "Audit-Content-Marker"}
    assert atlas.post(f"/api/v1/projects/{project_id}/versions", json=body).status_code == 201
    log = (live.data_dir / "audit.log").read_text()
    entries = [json.loads(line) for line in log.splitlines()]
    actions = {(e["action"], e["target"]) for e in entries}
    assert ("project.created", project_id) in actions
    assert ("version.submitted", f"{project_id}/1") in actions
    assert "Audit-Content-Marker" not in log and "audited" not in log
    assert {"organisation.created", "key.created"} <= {e["action"] for e in entries}


def test_the_rule_catalogue_documents_each_rule_with_its_scenarios(live: Server) -> None:
    rules = httpx.get(live.url + "/api/v1/rules").json()
    assert rules and all({"id", "title", "severity", "articles"} <= set(r) for r in rules)
    documented = 0
    for summary in rules:
        detail = httpx.get(live.url + f"/api/v1/rules/{summary['id']}").json()
        assert detail["rule"]["id"] == summary["id"]
        feature = detail["feature"]
        if feature is None:
            continue
        documented += 1
        assert feature["path"].startswith("features/") and feature["language"] == "fr"
        assert feature["scenarios"], summary["id"]
        for scenario in feature["scenarios"]:
            assert scenario["name"] and scenario["steps"]
            assert all(step["keyword"] and step["text"] for step in scenario["steps"])
    assert documented >= 1


def test_the_submission_schema_and_the_openapi_document(live: Server) -> None:
    answer = httpx.get(live.url + "/api/v1/schema/submission")
    assert answer.headers["content-type"].startswith("application/schema+json")
    schema = answer.json()
    assert "project_name" in schema["properties"]
    openapi = httpx.get(live.url + "/api/v1/openapi.json").json()
    assert "/api/v1/evaluate" in openapi["paths"]
    assert "Submission" in openapi["components"]["schemas"]
    example = openapi["components"]["examples"]["submission"]["value"]
    with live.client("atlas") as c:  # the documented example is itself a valid submission
        assert c.post("/api/v1/evaluate", json=example).status_code == 200


def test_health_and_readiness(live: Server) -> None:
    assert httpx.get(live.url + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(live.url + "/readyz").json()
    assert ready["status"] == "ready" and ready["store"] == "tinydb" and ready["rules"] > 0
