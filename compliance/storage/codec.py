"""How records become stored documents and back.

A version is split in two: its summary (number, status, revision, verdict, hashes, idempotency key) is a
small document in the project's TinyDB file, and its payload (the submission and the full assessment, about
200 KB of JSON with the current pack) is a write-once file compressed with Zstandard (level 1: a quarter
of the size in under half a millisecond, four times faster than zlib's fastest level for a better ratio).
So a new version never rewrites the payloads of the versions before it.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import zstandard

from compliance.storage.records import Project, ProjectVersion, ReviewRecord, StoredAssessment, VersionSummary

_SUMMARY_FIELDS = ("number", "status", "revision", "submitted_at", "submitted_by")
REVIEW_KEY = "review"  # judgements, comments, history and decision, kept in the summary document
_ASSESSMENT_FIELDS = ("verdict", "submission_hash", "pack")
_LEVEL = 1
_local = threading.local()  # a Zstandard (de)compressor may not be shared between threads


def _compressor() -> zstandard.ZstdCompressor:
    found: zstandard.ZstdCompressor | None = getattr(_local, "compressor", None)
    if found is None:
        found = _local.compressor = zstandard.ZstdCompressor(level=_LEVEL, write_checksum=True)
    return found


def _decompressor() -> zstandard.ZstdDecompressor:
    found: zstandard.ZstdDecompressor | None = getattr(_local, "decompressor", None)
    if found is None:
        found = _local.decompressor = zstandard.ZstdDecompressor()
    return found


def decompress(payload: bytes) -> bytes:
    """Raises zstandard.ZstdError on damaged bytes (the frames carry a checksum)."""
    return _decompressor().decompress(payload)


def version_summary_document(version: ProjectVersion) -> dict[str, Any]:
    doc = version.model_dump(
        mode="json", include={*_SUMMARY_FIELDS, "idempotency_key", "request_hash"}, exclude_none=True
    )
    doc |= version.assessment.model_dump(mode="json", include=set(_ASSESSMENT_FIELDS))
    return doc


def version_payload(version: ProjectVersion) -> bytes:
    """The submission's JSON, a newline, the assessment's JSON (compact JSON has no raw newline), compressed."""
    return _compressor().compress(version.submission_json + b"\n" + version.assessment.json_bytes)


def version_from_parts(
    doc: dict[str, Any], payload: bytes, project_id: str, organisation: str
) -> ProjectVersion:
    """Raises ValueError or zstandard.ZstdError on a damaged payload. The frame's checksum guards the
    assessment's bytes, which are passed on without being parsed."""
    submission, newline, assessment = decompress(payload).partition(b"\n")
    if not newline or not assessment.startswith(b"{"):
        raise ValueError("not a version payload")
    fields = {k: v for k, v in doc.items() if k not in _ASSESSMENT_FIELDS and k != REVIEW_KEY}
    stored = StoredAssessment(json_bytes=assessment, **{k: doc[k] for k in _ASSESSMENT_FIELDS})
    version = ProjectVersion.model_validate(
        fields
        | {
            "project_id": project_id,
            "organisation": organisation,
            "submission": json.loads(submission),
            "assessment": stored,
        }
    )
    return version.knowing(submission_json=submission)  # the bytes as first answered, for identical replays


def summary_from_document(doc: dict[str, Any]) -> VersionSummary:
    return VersionSummary.model_validate(
        {k: doc[k] for k in _SUMMARY_FIELDS}
        | {"verdict": doc["verdict"], "submission_hash": doc["submission_hash"]}
    )


def project_document(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json")


def project_from_document(doc: dict[str, Any]) -> Project:
    return Project.model_validate(doc)


def review_from_document(
    doc: dict[str, Any], project_id: str, organisation: str, latest_version: int
) -> ReviewRecord:
    return ReviewRecord.model_validate(
        (doc.get(REVIEW_KEY) or {})
        | {
            "project_id": project_id,
            "organisation": organisation,
            "number": doc["number"],
            "status": doc["status"],
            "revision": doc["revision"],
            "latest_version": latest_version,
        }
    )


def review_into_document(doc: dict[str, Any], review: ReviewRecord) -> None:
    """Write the review's status, revision and mutable part into a summary document, in place."""
    doc["status"] = review.status.value
    doc["revision"] = review.revision
    doc[REVIEW_KEY] = review.review_document()
