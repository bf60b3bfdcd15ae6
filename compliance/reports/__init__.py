"""Render an assessment as text, JSON, Markdown, HTML, JUnit XML, SARIF or PDF."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from compliance.domain.basis import Severity
from compliance.domain.outcomes import Assessment

if TYPE_CHECKING:
    from compliance.domain.submission import SubmissionData
    from compliance.reports.source_map import SourceFile

# Each renderer is imported when its format is asked for: `compliance check` writing a text report imports
# neither Jinja (HTML), the PDF renderer's process pool, nor the SARIF and GitLab writers.


class PdfRenderError(RuntimeError):
    """The PDF could not be rendered within its limits."""


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    junit = "junit"
    sarif = "sarif"
    pdf = "pdf"
    gitlab = "gitlab"


MEDIA_TYPES = {
    ReportFormat.text: "text/plain; charset=utf-8",
    ReportFormat.json: "application/json",
    ReportFormat.markdown: "text/markdown; charset=utf-8",
    ReportFormat.html: "text/html; charset=utf-8",
    ReportFormat.pdf: "application/pdf",
    ReportFormat.junit: "application/xml",
    ReportFormat.sarif: "application/sarif+json",
    ReportFormat.gitlab: "application/json",
}


def render(
    assessment: Assessment,
    fmt: ReportFormat,
    lang: str = "fr",
    threshold: Severity = Severity.major,
    target: SourceFile | None = None,
    summary: bool = False,
    submission: SubmissionData | None = None,
) -> str:
    """The report as text; with the submission, text and HTML end with the annex on the content of the filings.
    PDF is binary: see `render_document`."""
    if fmt is ReportFormat.pdf:
        raise ValueError("a PDF report is bytes: use render_document")
    if fmt is ReportFormat.text:
        from compliance.reports.text import render_text

        return render_text(assessment, lang, threshold, submission)
    if fmt is ReportFormat.markdown:
        if summary:
            from compliance.reports.pr_summary import render_summary

            return render_summary(assessment, lang, threshold)
        from compliance.reports.markdown import render_markdown

        return render_markdown(assessment, lang, threshold)
    if fmt is ReportFormat.html:
        from compliance.reports.html import render_html

        return render_html(assessment, lang, submission=submission)
    if fmt is ReportFormat.junit:
        from compliance.reports.junit import render_junit

        return render_junit(assessment, lang, threshold)
    if fmt is ReportFormat.sarif:
        from compliance.reports.sarif import render_sarif

        return render_sarif(assessment, lang, threshold, target)
    if fmt is ReportFormat.gitlab:
        from compliance.reports.gitlab import render_gitlab

        return render_gitlab(assessment, lang, target)
    return assessment.model_dump_json(indent=2) + "\n"


def render_document(
    assessment: Assessment,
    fmt: ReportFormat,
    lang: str = "fr",
    threshold: Severity = Severity.major,
    target: SourceFile | None = None,
    summary: bool = False,
    submission: SubmissionData | None = None,
) -> str | bytes:
    """Any report, PDF included (printed from the HTML report by the bounded renderer)."""
    if fmt is ReportFormat.pdf:
        from compliance.reports.html import render_html
        from compliance.reports.pdf import render_pdf

        return render_pdf(render_html(assessment, lang, submission=submission))
    return render(assessment, fmt, lang, threshold, target, summary, submission)


__all__ = ["MEDIA_TYPES", "PdfRenderError", "ReportFormat", "SourceFile", "render", "render_document"]


def __getattr__(name: str) -> Any:
    """`SourceFile` when asked for: only the reports that point at lines of the file (SARIF, GitLab) read it."""
    if name == "SourceFile":
        from compliance.reports.source_map import SourceFile

        return SourceFile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
