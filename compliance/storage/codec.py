"""How records become stored documents and back.

A version is split in two: its summary (number, status, revision, verdict, hashes, idempotency key) is a
small document in the project's TinyDB file, and its payload (the submission and the full assessment, about
200 KB of JSON with a large pack) is a write-once file compressed with zlib. So a new version never rewrites
the payloads of the versions before it.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from compliance.domain.outcomes import Assessment
from compliance.storage.records import Project, ProjectVersion, VersionSummary

_SUMMARY_FIELDS = ("number", "status", "revision", "submitted_at", "submitted_by")
_COMPRESSION = 1  # level 1: 3x smaller than the JSON for a fraction of level 6's time


def version_summary_document(version: ProjectVersion) -> dict[str, Any]:
    doc = version.model_dump(mode="json", include={*_SUMMARY_FIELDS, "idempotency_key", "request_hash"})
    doc["verdict"] = version.assessment.verdict.value
    doc["submission_hash"] = version.assessment.submission_hash
    return doc


def version_payload(version: ProjectVersion) -> bytes:
    text = '{"submission":%s,"assessment":%s}' % (  # noqa: UP031 - splice the JSON pydantic already made
        json.dumps(version.submission, ensure_ascii=False, separators=(",", ":")),
        version.assessment.model_dump_json(),
    )
    return zlib.compress(text.encode(), _COMPRESSION)


def version_from_parts(
    doc: dict[str, Any], payload: bytes, project_id: str, organisation: str
) -> ProjectVersion:
    """Raises ValueError (zlib.error, JSON or validation errors) on a damaged payload."""
    data = json.loads(zlib.decompress(payload))
    fields = {k: v for k, v in doc.items() if k not in ("verdict", "submission_hash")}
    return ProjectVersion.model_validate(
        fields
        | {
            "project_id": project_id,
            "organisation": organisation,
            "submission": data["submission"],
            "assessment": Assessment.model_validate(data["assessment"]),
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
