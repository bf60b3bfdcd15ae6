"""How records become store documents and back. Assessments are kept as zlib-compressed JSON."""

from __future__ import annotations

import base64
import zlib
from typing import Any

from compliance.domain.outcomes import Assessment
from compliance.storage.records import Project, ProjectVersion, VersionSummary

_SUMMARY_FIELDS = ("number", "status", "revision", "submitted_at", "submitted_by")


def pack_assessment(assessment: Assessment) -> str:
    return base64.b64encode(zlib.compress(assessment.model_dump_json().encode(), 6)).decode("ascii")


def unpack_assessment(blob: str) -> Assessment:
    return Assessment.model_validate_json(zlib.decompress(base64.b64decode(blob)))


def version_document(version: ProjectVersion) -> dict[str, Any]:
    doc = version.model_dump(mode="json", exclude={"assessment", "project_id", "organisation"})
    doc["verdict"] = version.assessment.verdict.value
    doc["submission_hash"] = version.assessment.submission_hash
    doc["assessment_z"] = pack_assessment(version.assessment)
    return doc


def version_from_document(doc: dict[str, Any], project_id: str, organisation: str) -> ProjectVersion:
    fields = {k: v for k, v in doc.items() if k not in ("verdict", "submission_hash", "assessment_z")}
    return ProjectVersion.model_validate(
        fields
        | {
            "project_id": project_id,
            "organisation": organisation,
            "assessment": unpack_assessment(doc["assessment_z"]),
        }
    )


def summary_from_document(doc: dict[str, Any]) -> VersionSummary:
    """The summary without inflating the assessment."""
    return VersionSummary.model_validate(
        {k: doc[k] for k in _SUMMARY_FIELDS}
        | {"verdict": doc["verdict"], "submission_hash": doc["submission_hash"]}
    )


def project_document(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json")


def project_from_document(doc: dict[str, Any]) -> Project:
    return Project.model_validate(doc)
