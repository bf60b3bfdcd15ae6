"""Reports as the service sends them: JSON without indentation (it is for programs), others as rendered."""

from __future__ import annotations

from compliance.domain.outcomes import Assessment
from compliance.domain.rules import Severity
from compliance.reports import ReportFormat, render_document


def render_assessment(
    assessment: Assessment, fmt: ReportFormat, lang: str, threshold: Severity, artifact: str
) -> str | bytes:
    """JSON comes as bytes straight from pydantic (no decoding of ~200 KB to re-encode it for the wire)."""
    if fmt is ReportFormat.json:
        return assessment.__pydantic_serializer__.to_json(assessment)
    return render_document(assessment, fmt, lang=lang, threshold=threshold, artifact=artifact)
