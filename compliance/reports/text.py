"""A readable terminal report, grouped by chapter, failures first."""

from __future__ import annotations

from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.domain.rules import Severity
from compliance.reports.labels import (
    LABELS,
    OUTCOME_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    chapter_label,
    correction_line,
    count_label,
    money,
    review_line,
    waiver_line,
)
from compliance.reports.summary import by_chapter, exposure, exposure_line, fact_line, max_total

_MARK = {
    Outcome.fail: "✗",
    Outcome.needs_info: "?",
    Outcome.advisory: "i",
    Outcome.passed: "✓",
    Outcome.not_applicable: "–",
}


def _finding(f: Finding, lang: str, out: list[str]) -> None:
    words = LABELS[lang]
    head = f"  {_MARK[f.outcome]} {OUTCOME_LABELS[lang][f.outcome]}"
    if f.outcome in (Outcome.fail, Outcome.needs_info, Outcome.advisory):
        head += f" [{SEVERITY_LABELS[lang][f.severity]}]"
    if f.waiver is not None:
        head += f" ({words['waived']})"
    out.append(f"{head} {f.rule_id} — {f.title.get(lang)}")
    if f.outcome in (Outcome.passed, Outcome.not_applicable):
        return
    if f.correction is not None:
        out.append(f"      {correction_line(f.correction, lang)}")
    if f.waiver is not None:
        w = f.waiver
        out.append(f"      {waiver_line(w.approver, w.legal_ground, w.expires.isoformat(), w.reason, lang)}")
    refs = "; ".join(f"{r.cite()} ({r.status.value})" for r in f.references)
    out.append(f"      {words['refs']}: {refs}")
    out.append(f"      {(f.explanation or f.title).get(lang)}")
    if f.trace:
        out.append(f"      {words['facts']}:")
        out.extend(f"        {fact_line(t)}" for t in f.trace)
    if f.questions is not None:
        out.append(f"      {words['questions']}:")
        out.extend(f"        - {q}" for q in f.questions.get(lang))
    if f.remediation is not None:
        out.append(f"      {words['fix']}: {f.remediation.get(lang)}")
    if f.penalty is not None:
        p = f.penalty
        line = f"      {words['penalty']}: Art. {p.article}, {words['company']} {money(p.company_fine_mad[0], lang)} – {money(p.company_fine_mad[1], lang)}"
        if p.prison_months:
            line += f", {words['prison']} {p.prison_months[0]}–{p.prison_months[1]} {words['months']}"
        out.append(line)


def render_text(assessment: Assessment, lang: str = "en", threshold: Severity = Severity.major) -> str:
    words = LABELS[lang]
    a = assessment
    out = [
        f"{words['title']} — {a.project_name}",
        f"{words['verdict']}: {VERDICT_LABELS[lang][a.verdict]}   "
        + " · ".join(f"{count_label(k, lang)} {v}" for k, v in a.counts.items()),
        f"{words['pack']}: {a.pack.id} {a.pack.version} ({a.pack.rule_count}) · {words['submission']}: {a.submission_hash[:19]}…",
        *([review_line(a.review, lang)] if a.review is not None else []),
        "",
        f"{words['formalities']}",
        f"  {a.formalities.summary.get(lang)}",
        f"  {words['forms']}: {', '.join(f.value for f in a.formalities.forms) or words['none']}",
    ]
    for t in a.formalities.triggers:
        out.append(f"  • {t.article} ({t.status.value}): {t.reason.get(lang)}")
    for t in a.formalities.possible_triggers:
        out.append(f"  ? {words['possible']} — {t.article}: {t.reason.get(lang)}")
    for tr in a.formalities.transfers:
        out.append(f"  → {tr.form.value} {tr.country}: {tr.reason.get(lang)}")
    out += ["", words["exposure"]]
    exposures = exposure(a)
    if exposures:
        out.extend(f"  {exposure_line(e, lang)}" for e in exposures)
        out.append(f"  {words['max_total']}: {money(max_total(exposures), lang)}")
    else:
        out.append(f"  {words['exposure_none']}")
    out += ["", words["findings"]]
    for chapter, findings in by_chapter(a.findings):
        out.append(f"\n== {chapter_label(chapter, lang)} ==")
        for f in findings:
            _finding(f, lang, out)
    failing, missing = len(a.failing(threshold)), len(a.missing(threshold))
    out += ["", f"{words['gate']} ≥ {threshold.value}: {failing} ✗, {missing} ?"]
    return "\n".join(out) + "\n"
