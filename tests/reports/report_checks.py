"""What every SARIF document we produce must satisfy (the official schema, SARIF §3.27.10, the limits GitHub
documents for code-scanning uploads), and what GitLab documents for a code-quality report."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = ROOT / "tests" / "reference" / "sarif-schema-2.1.0.json"  # vendored: see its README

# GitHub's hard limits for one upload, and the display limits below which nothing is dropped.
MAX_RUNS = 20
MAX_RESULTS = 25_000
SHOWN_RESULTS = 5_000
MAX_RULES = 25_000
MAX_LOCATIONS = 1_000
SHOWN_LOCATIONS = 100
MAX_TAGS = 20
SHOWN_TAGS = 10
MAX_GZIP_BYTES = 10 * 1024 * 1024


@cache
def validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def check_sarif(text: str) -> dict[str, Any]:
    """Validate a SARIF text; returns the parsed document."""
    doc: dict[str, Any] = json.loads(text)
    validator().validate(doc)
    assert len(gzip.compress(text.encode())) < MAX_GZIP_BYTES
    assert len(doc["runs"]) <= MAX_RUNS
    for run in doc["runs"]:
        rules = run["tool"]["driver"]["rules"]
        assert len(rules) <= MAX_RULES and len(run["results"]) <= SHOWN_RESULTS <= MAX_RESULTS
        for rule in rules:
            # GitHub reads these to show an alert; security-severity is a number from 0.0 to 10.0.
            assert (
                rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
            )
            assert 0.0 <= float(rule["properties"]["security-severity"]) <= 10.0
            assert len(rule["properties"]["tags"]) <= SHOWN_TAGS <= MAX_TAGS
            assert "security" in rule["properties"]["tags"]  # GitHub uses security-severity only then
        for result in run["results"]:
            # §3.27.10: a kind other than "fail" requires level "none" (the schema does not check it).
            if result["kind"] != "fail":
                assert result["level"] == "none", result
            assert 1 <= len(result["locations"]) <= SHOWN_LOCATIONS <= MAX_LOCATIONS
            physical = result["locations"][0]["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert not uri.startswith("/") and ":" not in uri, uri  # relative to the repository root
            assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
            assert result["partialFingerprints"]
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    return doc


# What GitLab's "Code Quality" documentation lists as the fields it reads, all required.
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def check_code_quality(issues: Any) -> None:
    jsonschema.Draft7Validator(GITLAB_CODE_QUALITY).validate(issues)
