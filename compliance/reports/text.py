"""A readable terminal report, grouped by chapter, failures first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compliance.domain.basis import Severity
from compliance.domain.citations import cited
from compliance.domain.formality_words import SEPARATORS
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.reports.annex import ANNEX_TEXTS, filings
from compliance.reports.digest import Action, digest, formality_summary, stated_facts
from compliance.reports.labels import (
    LABELS,
    OUTCOME_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    chapter_label,
    cited_references,
    count_label,
    money,
)
from compliance.reports.review_labels import correction_line, review_line, waiver_line
from compliance.reports.summary import by_chapter, exposure, exposure_line, max_total

if TYPE_CHECKING:
    from compliance.domain.submission import SubmissionData

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
    refs = cited_references(f.references, lang)
    out.append(f"      {words['refs']}: {refs}")
    out.append(f"      {(f.explanation or f.title).get(lang)}")
    failed, missing = stated_facts(f, lang)
    if failed:
        out.append(f"      {words['not_met']}:")
        out.extend(f"        - {where}: {value}" for where, value in failed)
    if missing:
        out.append(f"      {words['not_stated']} ({words['in_file']}): {', '.join(missing)}")
    if f.questions is not None:
        out.append(f"      {words['questions']}:")
        out.extend(f"        - {q}" for q in f.questions.get(lang))
    if f.remediation is not None:
        out.append(f"      {words['fix']}: {f.remediation.get(lang)}")
    if f.penalty is not None:
        p = f.penalty
        line = f"      {words['penalty']}: {words['art']} {p.article}, {words['company']} {money(p.company_fine_mad[0], lang)} – {money(p.company_fine_mad[1], lang)}"
        if p.prison_months:
            line += f", {words['prison']} {p.prison_months[0]}–{p.prison_months[1]} {words['months']}"
        out.append(line)


def action_line(action: Action, lang: str) -> str:
    """One action in words: what to fix, or which section of the file to complete and its fields."""
    words = LABELS[lang]
    if action.kind == "fix":
        return f"{words['do_fix']} [{SEVERITY_LABELS[lang][action.severity]}]: {action.text}"
    where = action.section or "/"
    return (
        f"{words['do_answer']}: {action.text} — {words['in_file']} « {where} » : {', '.join(action.fields)}"
        f" ({words['decides'].format(n=action.unblocks)})"
    )


def summary_lines(assessment: Assessment, lang: str) -> list[str]:
    """The one-page summary as lines of text."""
    words = LABELS[lang]
    a = assessment
    d = digest(a, lang)
    out = [
        f"{words['title']} — {a.project_name}",
        f"{words['verdict']}: {VERDICT_LABELS[lang][a.verdict]}",
        "",
        f"{words['summary']}",
        f"  {words['formalities']}: {formality_summary(a.formalities, lang)}",
        f"  {words['forms_to_file']}: "
        + (SEPARATORS[lang]["parts"].join(f"{code} ({name})" for code, name in d.forms) or words["none"]),
        "",
        f"  {words['actions']}:",
    ]
    out += [f"  {n}. {action_line(act, lang)}" for n, act in enumerate(d.actions, 1)] or [
        f"  {words['nothing_to_do']}"
    ]
    if d.more:
        out.append(f"     … {words['more'].format(n=d.more)}")
    out += ["", f"  {words['exposure']}:"]
    if d.exposures:
        out.extend(f"  - {exposure_line(e, lang)}" for e in d.exposures)
        out.append(f"  {words['max_total']}: {money(max_total(d.exposures), lang)}")
    else:
        out.append(f"  {words['exposure_none']}")
    return out


def annex_lines(assessment: Assessment, submission: SubmissionData, lang: str) -> list[str]:
    """The content of the filings, item by item, with the field each value comes from."""
    out = ["", LABELS[lang]["annex"], f"  {ANNEX_TEXTS[lang]['notice']}"]
    for filing in filings(assessment, submission, lang):
        out.append(f"\n== {filing.title} ==")
        for item in filing.items:
            value = item.value if item.value is not None else f"[{ANNEX_TEXTS[lang]['missing'].upper()}]"
            out.append(f"  {item.label}: {value}  ({LABELS[lang]['in_file']}: {item.field})")
    return out


def render_text(
    assessment: Assessment,
    lang: str = "fr",
    threshold: Severity = Severity.major,
    submission: SubmissionData | None = None,
) -> str:
    words = LABELS[lang]
    a = assessment
    out = [
        *summary_lines(a, lang),
        "",
        "─" * 40,
        f"{words['verdict']}: {VERDICT_LABELS[lang][a.verdict]}   "
        + " · ".join(f"{count_label(k, lang)} {v}" for k, v in a.counts.items()),
        f"{words['pack']}: {a.pack.id} {a.pack.version} ({a.pack.rule_count}) · {words['submission']}: {a.submission_hash[:19]}…",
        *([review_line(a.review, lang)] if a.review is not None else []),
        "",
        f"{words['formalities']}",
        f"  {formality_summary(a.formalities, lang)}",
        f"  {words['forms']}: {', '.join(f.value for f in a.formalities.forms) or words['none']}",
    ]
    for t in a.formalities.triggers:
        out.append(f"  • {cited(t.article, lang)} ({STATUS_LABELS[lang][t.status]}): {t.reason.get(lang)}")
    for t in a.formalities.possible_triggers:
        out.append(f"  ? {words['possible']} — {cited(t.article, lang)}: {t.reason.get(lang)}")
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
    out += ["", f"{words['gate']} ≥ {SEVERITY_LABELS[lang][threshold]}: {failing} ✗, {missing} ?"]
    if submission is not None:
        out += annex_lines(a, submission, lang)
    return "\n".join(out) + "\n"
