"""Render an assessment as text, JSON, Markdown, HTML, JUnit XML, SARIF or PDF."""

from __future__ import annotations

from enum import StrEnum

from compliance.domain.outcomes import Assessment
from compliance.domain.rules import Severity
from compliance.domain.submission import Submission
from compliance.reports.gitlab import render_gitlab
from compliance.reports.html import render_html
from compliance.reports.junit import render_junit
from compliance.reports.markdown import render_markdown
from compliance.reports.pdf import render_pdf
from compliance.reports.pr_summary import render_summary
from compliance.reports.sarif import SourceFile, render_sarif
from compliance.reports.text import render_text


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
    lang: str = "en",
    threshold: Severity = Severity.major,
    target: SourceFile | None = None,
    summary: bool = False,
    submission: Submission | None = None,
) -> str:
    """The report as text; with the submission, text and HTML end with the annex on the content of the filings.
    PDF is binary: see `render_document`."""
    if fmt is ReportFormat.pdf:
        raise ValueError("a PDF report is bytes: use render_document")
    if fmt is ReportFormat.text:
        return render_text(assessment, lang, threshold, submission)
    if fmt is ReportFormat.markdown:
        if summary:
            return render_summary(assessment, lang, threshold)
        return render_markdown(assessment, lang, threshold)
    if fmt is ReportFormat.html:
        return render_html(assessment, lang, submission=submission)
    if fmt is ReportFormat.junit:
        return render_junit(assessment, lang, threshold)
    if fmt is ReportFormat.sarif:
        return render_sarif(assessment, lang, threshold, target)
    if fmt is ReportFormat.gitlab:
        return render_gitlab(assessment, lang, target)
    return assessment.model_dump_json(indent=2) + "\n"


def render_document(
    assessment: Assessment,
    fmt: ReportFormat,
    lang: str = "en",
    threshold: Severity = Severity.major,
    target: SourceFile | None = None,
    summary: bool = False,
    submission: Submission | None = None,
) -> str | bytes:
    """Any report, PDF included (printed from the HTML report by the bounded renderer)."""
    if fmt is ReportFormat.pdf:
        return render_pdf(render_html(assessment, lang, submission=submission))
    return render(assessment, fmt, lang, threshold, target, summary, submission)


__all__ = ["MEDIA_TYPES", "ReportFormat", "SourceFile", "render", "render_document"]
