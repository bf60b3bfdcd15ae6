"""Render an assessment as text, JSON, Markdown, JUnit XML or SARIF."""

from __future__ import annotations

from enum import StrEnum

from compliance.domain.outcomes import Assessment
from compliance.domain.rules import Severity
from compliance.reports.gitlab import render_gitlab
from compliance.reports.junit import render_junit
from compliance.reports.markdown import render_markdown
from compliance.reports.pr_summary import render_summary
from compliance.reports.sarif import SourceFile, render_sarif
from compliance.reports.text import render_text


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    junit = "junit"
    sarif = "sarif"
    gitlab = "gitlab"


MEDIA_TYPES = {
    ReportFormat.text: "text/plain; charset=utf-8",
    ReportFormat.json: "application/json",
    ReportFormat.markdown: "text/markdown; charset=utf-8",
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
) -> str:
    if fmt is ReportFormat.text:
        return render_text(assessment, lang, threshold)
    if fmt is ReportFormat.markdown:
        if summary:
            return render_summary(assessment, lang, threshold)
        return render_markdown(assessment, lang, threshold)
    if fmt is ReportFormat.junit:
        return render_junit(assessment, lang, threshold)
    if fmt is ReportFormat.sarif:
        return render_sarif(assessment, lang, threshold, target)
    if fmt is ReportFormat.gitlab:
        return render_gitlab(assessment, lang, target)
    return assessment.model_dump_json(indent=2) + "\n"


__all__ = ["MEDIA_TYPES", "ReportFormat", "SourceFile", "render"]
