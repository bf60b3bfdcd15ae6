"""Reports as the service sends them: JSON without indentation (it is for programs), others as rendered."""

from __future__ import annotations

from dataclasses import dataclass

from compliance.domain.compact import CompactAssessment, PackView, expand
from compliance.domain.expanded_json import expanded_json
from compliance.domain.outcomes import Assessment
from compliance.domain.rules import Severity
from compliance.reports import ReportFormat, SourceFile, render_document
from compliance.reports.links import artifact_uri
from compliance.reports.source_map import SourceMap

UNNAMED = "submission.yaml"


def source_file(raw: bytes | None, source: str | None) -> SourceFile:
    """SARIF names the file the client says the submission was read from (`?source=`), and finds the lines
    of the facts in the body when the body is at hand (a dry run); a stored version keeps only the facts."""
    text = raw.decode("utf-8-sig", errors="replace") if raw else ""
    return SourceFile(uri=artifact_uri(source or UNNAMED), source=SourceMap(text))


@dataclass(frozen=True)
class ReportOptions:
    """What a client asks of a report; plain data, so it crosses to the assessment processes."""

    fmt: ReportFormat
    lang: str = "en"
    threshold: Severity = Severity.major
    source: str | None = None


def render_assessment(
    assessment: Assessment, options: ReportOptions, raw: bytes | None = None
) -> str | bytes:
    """JSON comes as bytes straight from pydantic (no decoding of ~200 KB to re-encode it for the wire)."""
    if options.fmt is ReportFormat.json:
        return assessment.__pydantic_serializer__.to_json(assessment)
    target = source_file(raw, options.source) if options.fmt is ReportFormat.sarif else None
    return render_document(
        assessment, options.fmt, lang=options.lang, threshold=options.threshold, target=target
    )


def render_compact(
    compact: CompactAssessment, view: PackView, options: ReportOptions, raw: bytes | None = None
) -> str | bytes:
    """`render_assessment` of the expanded assessment; JSON written from the compact form directly."""
    if options.fmt is ReportFormat.json:
        return expanded_json(compact, view)
    return render_assessment(expand(compact, view), options, raw)
