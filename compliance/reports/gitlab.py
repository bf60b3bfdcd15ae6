"""GitLab code quality (`--format gitlab`): the Code Climate JSON GitLab reads from
`artifacts:reports:codequality`, one issue per finding not met, on the line of the deciding fact.

GitLab documents the fields it reads: `description`, `check_name`, `fingerprint`, `severity` (info, minor,
major, critical, blocker) and `location.path` with `location.lines.begin`.
"""

from __future__ import annotations

import json
from typing import Any

from compliance.domain.basis import Severity
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.reports.labels import LABELS, cited_references
from compliance.reports.locate import locate
from compliance.reports.sarif import SHOWN, fingerprint
from compliance.reports.source_map import SourceFile

SEVERITY = {
    Severity.blocker: "blocker",
    Severity.major: "major",
    Severity.minor: "minor",
    Severity.info: "info",
}


def _issue(f: Finding, lang: str, target: SourceFile) -> dict[str, Any]:
    words = LABELS[lang]
    where = locate(f, target.source)
    prefix = {Outcome.needs_info: words["sarif_needs_info"], Outcome.advisory: words["sarif_advisory"]}
    refs = cited_references(f.references, lang, status=False)
    body = [(f.explanation or f.title).get(lang)]
    if f.questions is not None:
        body += [f"- {q}" for q in f.questions.get(lang)]
    if f.remediation is not None:
        body.append(f"**{words['fix']}:** {f.remediation.get(lang)}")
    return {
        "type": "issue",
        "check_name": f.rule_id,
        "description": f"{prefix.get(f.outcome, '')}{f.title.get(lang)} ({refs})",
        "content": {"body": "\n\n".join(body)},
        "categories": ["Security", "Compliance"],
        "severity": SEVERITY[f.severity],
        "fingerprint": fingerprint(f.rule_id, where.place.stable_path),
        "location": {
            "path": target.uri,
            "lines": {"begin": where.place.region.start_line, "end": where.place.region.end_line},
        },
    }


def render_gitlab(assessment: Assessment, lang: str = "fr", target: SourceFile | None = None) -> str:
    target = target or SourceFile()
    shown = sorted(
        (f for f in assessment.findings if f.outcome in SHOWN and f.waiver is None), key=lambda f: f.rule_id
    )
    return json.dumps([_issue(f, lang, target) for f in shown], ensure_ascii=False, indent=2) + "\n"
