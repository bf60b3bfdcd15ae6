"""JUnit XML: one test case per rule, so CI systems list every check.

A failure at or above the threshold is a <failure>; missing information at or above it is an <error>
(it blocks a pass, exit code 2); below the threshold both are reported in <system-out> as warnings; a
rule that does not apply is <skipped>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from compliance.domain.basis import Severity
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.reports.digest import formality_summary
from compliance.reports.labels import LABELS
from compliance.reports.review_labels import correction_line, review_line
from compliance.reports.summary import fact_line


def _body(f: Finding, lang: str) -> str:
    words = LABELS[lang]
    lines = [
        (f.explanation or f.title).get(lang),
        words["refs"] + ": " + "; ".join(r.cite(lang) for r in f.references),
    ]
    lines += [f"{words['facts']}: {fact_line(t)}" for t in f.trace]
    if f.correction is not None:
        lines.append(correction_line(f.correction, lang))
    if f.questions is not None:
        lines += [f"{words['questions']}: {q}" for q in f.questions.get(lang)]
    if f.remediation is not None:
        lines.append(f"{words['fix']}: {f.remediation.get(lang)}")
    return "\n".join(lines)


def render_junit(assessment: Assessment, lang: str = "fr", threshold: Severity = Severity.major) -> str:
    a = assessment
    failing = {f.rule_id for f in a.failing(threshold)}
    missing = {f.rule_id for f in a.missing(threshold)}
    suite = ET.Element(
        "testsuite",
        name=f"law-09-08: {a.project_name}",
        tests=str(len(a.findings)),
        failures=str(len(failing)),
        errors=str(len(missing)),
        skipped=str(sum(1 for f in a.findings if f.outcome is Outcome.not_applicable)),
    )
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("verdict", a.verdict.value),
        ("pack", f"{a.pack.id} {a.pack.version}"),
        ("submission_hash", a.submission_hash),
        ("formalities", formality_summary(a.formalities, lang)),
        *((("review", review_line(a.review, lang)), ("review_state", a.review.state)) if a.review else ()),
        ("waived", str(a.counts.get("waived", 0))),
    ):
        ET.SubElement(props, "property", name=name, value=value)
    for f in sorted(a.findings, key=lambda f: f.rule_id):
        case = ET.SubElement(
            suite, "testcase", classname=f"law0908.{f.chapter}", name=f"{f.rule_id} {f.title.get(lang)}"
        )
        message = f"[{f.severity.value}] {f.title.get(lang)}"
        if f.rule_id in failing:
            el = ET.SubElement(case, "failure", message=message, type=f.severity.value)
            el.text = _body(f, lang)
        elif f.rule_id in missing:
            el = ET.SubElement(case, "error", message="needs_info: " + message, type="needs_info")
            el.text = _body(f, lang)
        elif f.outcome is Outcome.not_applicable:
            ET.SubElement(case, "skipped", message="not applicable")
        elif f.waiver is not None:
            out = ET.SubElement(case, "system-out")
            w = f.waiver
            out.text = (
                f"waived ({f.outcome.value}) by {w.approver} until {w.expires} ({w.legal_ground}): {w.reason}"
            )
        elif f.outcome in (Outcome.fail, Outcome.needs_info, Outcome.advisory):
            out = ET.SubElement(case, "system-out")
            out.text = (
                f"warning ({f.outcome.value}, below threshold {threshold.value}): {message}\n{_body(f, lang)}"
            )
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
