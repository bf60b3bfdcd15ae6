"""A 1 MiB invalid body, sent to a real server, is answered with its first field errors named and placed
(line and column), the rest counted, and nothing stored."""

from __future__ import annotations

import json

from compliance.strictyaml import load_yaml
from tests.api.conftest import Server, new_project


def _body(example: bytes) -> bytes:
    """The example as indented JSON, its first processing holding unknown keys up to nearly 1 MiB."""
    doc = load_yaml(example.decode())
    keys = {f"k{i}": 0 for i in range(55_000)}
    doc["processings"][0] |= keys
    raw = json.dumps(doc, indent=2, ensure_ascii=False).encode()
    assert 900_000 < len(raw) <= 1024 * 1024
    return raw


def test_a_1_mib_invalid_body_gets_its_errors_named_and_placed(live: Server, example_bytes: bytes) -> None:
    atlas = live.client("atlas")
    raw = _body(example_bytes)
    text = raw.decode()
    first_line = text[: text.index('"k0"')].count("\n") + 1
    project_id = new_project(atlas)
    for url in ("/api/v1/evaluate", f"/api/v1/projects/{project_id}/versions"):
        r = atlas.post(
            url, content=raw, headers={"Content-Type": "application/json", "Accept-Language": "ar"}
        )
        assert r.status_code == 422, r.text
        errors = r.json()["errors"]
        listed, more = errors[:-1], errors[-1]
        assert len(listed) == 100 and all(e["path"] == "body.processings.0" for e in listed)
        assert [e["line"] for e in listed] == list(range(first_line, first_line + 100))  # one key a line
        assert all(e["column"] == 7 and "مفتاح" in e["message"] for e in listed)  # in Arabic
        assert more["path"] == "body" and "54900" in more["message"]
        assert "k0" not in r.text  # the submitted keys are never repeated
    assert atlas.get(f"/api/v1/projects/{project_id}").json()["version_count"] == 0
