"""Markdown for a pull-request comment: the verdict, what blocks, what is missing, then details."""

from __future__ import annotations

from compliance.domain.basis import Severity
from compliance.domain.citations import cited
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.reports.digest import digest, formality_summary, stated_facts
from compliance.reports.labels import (
    LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    chapter_label,
    cited_references,
    count_label,
    money,
)
from compliance.reports.review_labels import correction_line, review_line, waiver_line
from compliance.reports.summary import by_chapter, exposure, exposure_line, max_total

ICON = {
    Outcome.fail: "❌",
    Outcome.needs_info: "❓",
    Outcome.advisory: "💡",
    Outcome.passed: "✅",
    Outcome.not_applicable: "➖",
}


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _details(f: Finding, lang: str) -> list[str]:
    words = LABELS[lang]
    lines = [
        f"<details><summary>{ICON[f.outcome]} <code>{f.rule_id}</code> — {cell(f.title.get(lang))}</summary>",
        "",
        (f.explanation or f.title).get(lang),
        "",
    ]
    if f.correction is not None:
        lines += [f"> {correction_line(f.correction, lang)}", ""]
    if f.waiver is not None:
        w = f.waiver
        lines += [f"> {waiver_line(w.approver, w.legal_ground, w.expires.isoformat(), w.reason, lang)}", ""]
    lines += [
        f"**{words['refs']}:** " + cited_references(f.references, lang),
    ]
    failed, missing = stated_facts(f, lang)
    if failed:
        lines += ["", f"**{words['not_met']}:**", ""] + [f"- `{where}`: {value}" for where, value in failed]
    if missing:
        lines += ["", f"**{words['not_stated']}:** " + ", ".join(f"`{where}`" for where in missing)]
    if f.questions is not None:
        lines += ["", f"**{words['questions']}:**", ""] + [f"- {q}" for q in f.questions.get(lang)]
    if f.remediation is not None:
        lines += ["", f"**{words['fix']}:** {f.remediation.get(lang)}"]
    lines += ["", "</details>", ""]
    return lines


def _summary(a: Assessment, lang: str) -> list[str]:
    words = LABELS[lang]
    d = digest(a, lang)
    out = [
        f"### {words['summary']}",
        "",
        f"- **{words['formalities']}:** {formality_summary(a.formalities, lang)}",
        f"- **{words['forms_to_file']}:** " + ("; ".join(f"{c} ({n})" for c, n in d.forms) or words["none"]),
        "",
        f"**{words['actions']}**",
        "",
    ]
    for n, act in enumerate(d.actions, 1):
        if act.kind == "fix":
            out.append(f"{n}. **{words['do_fix']}** ({SEVERITY_LABELS[lang][act.severity]}): {act.text}")
        else:
            fields = ", ".join(f"`{f}`" for f in act.fields)
            out.append(
                f"{n}. **{words['do_answer']}**: {act.text} — {words['in_file']} `{act.section or '/'}`: {fields}"
                f" ({words['decides'].format(n=act.unblocks)})"
            )
    if not d.actions:
        out.append(words["nothing_to_do"])
    if d.more:
        out.append(f"\n… {words['more'].format(n=d.more)}")
    return [*out, ""]


def heading(a: Assessment, lang: str, name: str, glance: bool = False) -> list[str]:
    """The title and the verdict line every Markdown report opens with; the full report puts the verdict and
    what to do first (`glance`), the pull-request summary keeps to the verdict line."""
    words = LABELS[lang]
    return [
        f"## {words['title']} — {name}",
        "",
        *(
            [f"**{words['verdict']}: {VERDICT_LABELS[lang][a.verdict]}**", "", *_summary(a, lang)]
            if glance
            else []
        ),
        f"**{words['verdict']}: {VERDICT_LABELS[lang][a.verdict]}** · "
        + " · ".join(f"{count_label(k, lang)}: {v}" for k, v in a.counts.items()),
        "",
    ]


def render_markdown(assessment: Assessment, lang: str = "fr", threshold: Severity = Severity.major) -> str:
    words = LABELS[lang]
    a = assessment
    out = [
        *heading(a, lang, a.project_name, glance=True),
        f"{words['pack']} `{a.pack.id}` {a.pack.version} · {words['submission']} `{a.submission_hash[:19]}…`",
        "",
        *([f"**{review_line(a.review, lang)}**", ""] if a.review is not None else []),
        f"### {words['formalities']}",
        "",
        formality_summary(a.formalities, lang),
        "",
        f"- **{words['forms']}:** {', '.join(f.value for f in a.formalities.forms) or words['none']}",
    ]
    out += [f"- {cited(t.article, lang)}: {t.reason.get(lang)}" for t in a.formalities.triggers]
    out += [
        f"- {words['possible']} — {cited(t.article, lang)}: {t.reason.get(lang)}"
        for t in a.formalities.possible_triggers
    ]
    out += [f"- {tr.form.value} **{tr.country}**: {tr.reason.get(lang)}" for tr in a.formalities.transfers]
    out += ["", f"### {words['exposure']}", ""]
    exposures = exposure(a)
    if exposures:
        out += [f"- {exposure_line(e, lang)}" for e in exposures]
        out += [f"- **{words['max_total']}: {money(max_total(exposures), lang)}**"]
    else:
        out.append(words["exposure_none"])
    open_items = [f for f in a.findings if f.outcome in (Outcome.fail, Outcome.needs_info, Outcome.advisory)]
    if open_items:
        out += [
            "",
            f"| | {words['rule']} | {words['severity']} | {words['article']} | {words['check']} |",
            "|---|---|---|---|---|",
        ]
        for f in open_items:
            gated = f.outcome is Outcome.fail and f.waiver is None and f.severity.rank >= threshold.rank
            sev = SEVERITY_LABELS[lang][f.severity] + (" ⛔" if gated else "")
            if f.waiver is not None:
                sev += f" ({words['waived']})"
            out.append(
                f"| {ICON[f.outcome]} | `{f.rule_id}` | {sev} | {cell(f.references[0].cite(lang))} | {cell(f.title.get(lang))} |"
            )
    out += ["", f"### {words['findings']}", ""]
    for chapter, findings in by_chapter(a.findings):
        shown = [f for f in findings if f.outcome in (Outcome.fail, Outcome.needs_info, Outcome.advisory)]
        passed = [f for f in findings if f.outcome is Outcome.passed]
        out.append(f"#### {chapter_label(chapter, lang)}")
        out.append("")
        for f in shown:
            out += _details(f, lang)
        if passed:
            out.append(f"{words['passed_rules']}: " + ", ".join(f"`{f.rule_id}`" for f in passed))
            out.append("")
    return "\n".join(out).rstrip() + "\n"
