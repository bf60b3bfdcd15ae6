"""How records become stored documents and back.

A version is split in two: its summary (number, status, revision, verdict, hashes, idempotency key) is a
small document in the project's TinyDB file, and its payload (the submission and the full assessment, about
200 KB of JSON with the current pack) is a write-once file compressed with zlib. So a new version never
rewrites the payloads of the versions before it.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from compliance.storage.records import Project, ProjectVersion, StoredAssessment, VersionSummary

_SUMMARY_FIELDS = ("number", "status", "revision", "submitted_at", "submitted_by")
_ASSESSMENT_FIELDS = ("verdict", "submission_hash", "pack")
_COMPRESSION = 1  # level 1: a third of the JSON's size for a fraction of level 6's time


def version_summary_document(version: ProjectVersion) -> dict[str, Any]:
    doc = version.model_dump(mode="json", include={*_SUMMARY_FIELDS, "idempotency_key", "request_hash"})
    doc |= version.assessment.model_dump(mode="json", include=set(_ASSESSMENT_FIELDS))
    return doc


def version_payload(version: ProjectVersion) -> bytes:
    """zlib of the submission's JSON, a newline, the assessment's JSON (compact JSON has no raw newline)."""
    submission = json.dumps(version.submission, ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(submission + b"\n" + version.assessment.json_bytes, _COMPRESSION)


def version_from_parts(
    doc: dict[str, Any], payload: bytes, project_id: str, organisation: str
) -> ProjectVersion:
    """Raises ValueError (zlib.error, JSON or validation errors) on a damaged payload. zlib's checksum
    guards the assessment's bytes, which are passed on without being parsed."""
    submission, newline, assessment = zlib.decompress(payload).partition(b"\n")
    if not newline or not assessment.startswith(b"{"):
        raise ValueError("not a version payload")
    fields = {k: v for k, v in doc.items() if k not in _ASSESSMENT_FIELDS}
    stored = StoredAssessment(json_bytes=assessment, **{k: doc[k] for k in _ASSESSMENT_FIELDS})
    return ProjectVersion.model_validate(
        fields
        | {
            "project_id": project_id,
            "organisation": organisation,
            "submission": json.loads(submission),
            "assessment": stored,
        }
    )


def summary_from_document(doc: dict[str, Any]) -> VersionSummary:
    return VersionSummary.model_validate(
        {k: doc[k] for k in _SUMMARY_FIELDS}
        | {"verdict": doc["verdict"], "submission_hash": doc["submission_hash"]}
    )


def project_document(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json")


def project_from_document(doc: dict[str, Any]) -> Project:
    return Project.model_validate(doc)
