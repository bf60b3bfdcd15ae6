"""The server's SARIF names the file the submission was read from when told (`?source=`)."""

from __future__ import annotations

import pytest

from tests.api.conftest import YAML, Server, new_project
from tests.reports.report_checks import check_sarif


def _first_location(text: str, rule_id: str) -> dict[str, object]:
    doc = check_sarif(text)
    result = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == rule_id)
    location: dict[str, object] = result["locations"][0]["physicalLocation"]
    return location


def test_a_dry_run_names_the_file_and_finds_the_lines(live: Server, example_bytes: bytes) -> None:
    with live.client("atlas") as client:
        answer = client.post(
            "/api/v1/evaluate",
            params={"format": "sarif", "source": "compliance/darija bot.yaml"},
            content=example_bytes,
            headers=YAML,
        )
    assert answer.status_code == 200, answer.text
    location = _first_location(answer.text, "L0908-A03-RETENTION")
    assert location["artifactLocation"] == {"uri": "compliance/darija%20bot.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 58  # type: ignore[index]


def test_a_stored_version_names_the_file(live: Server, example_bytes: bytes) -> None:
    with live.client("atlas") as client:
        project = new_project(client, "sarif source")
        assert client.post(
            f"/api/v1/projects/{project}/versions", content=example_bytes, headers=YAML
        ).is_success
        base = f"/api/v1/projects/{project}/versions/1/report"
        named = client.get(base, params={"format": "sarif", "source": "ci/project.yaml"})
        unnamed = client.get(base, params={"format": "sarif"})
    uri = _first_location(named.text, "L0908-A03-RETENTION")["artifactLocation"]
    assert uri == {"uri": "ci/project.yaml", "uriBaseId": "%SRCROOT%"}
    assert _first_location(unnamed.text, "L0908-A03-RETENTION")["artifactLocation"]["uri"] == f"{project}/v1"  # type: ignore[index]


@pytest.mark.parametrize(
    "source", ["../etc/passwd", "/abs/project.yaml", "a/../../b.yaml", "c:\\x.yaml", "x" * 301]
)
def test_a_source_outside_the_repository_is_refused(live: Server, example_bytes: bytes, source: str) -> None:
    with live.client("atlas") as client:
        answer = client.post(
            "/api/v1/evaluate",
            params={"format": "sarif", "source": source},
            content=example_bytes,
            headers=YAML,
        )
    assert answer.status_code == 422, answer.text
    assert "source" in answer.text
