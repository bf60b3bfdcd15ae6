"""Reports as the service sends them: JSON without indentation (it is for programs), others as rendered."""

from __future__ import annotations

from compliance.domain.compact import CompactAssessment, PackView, expand
from compliance.domain.expanded_json import expanded_json
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


def render_compact(
    compact: CompactAssessment,
    view: PackView,
    fmt: ReportFormat,
    lang: str,
    threshold: Severity,
    artifact: str,
) -> str | bytes:
    """`render_assessment` of the expanded assessment; JSON written from the compact form directly."""
    if fmt is ReportFormat.json:
        return expanded_json(compact, view)
    return render_document(expand(compact, view), fmt, lang=lang, threshold=threshold, artifact=artifact)
