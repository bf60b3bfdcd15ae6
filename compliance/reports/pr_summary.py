"""A pull-request summary that always fits in one comment: `--format markdown --summary`.

GitHub refuses a comment longer than 65,536 characters (and a step summary over 1 MiB); the summary stays
within `LIMIT` whatever the submission. It shows the verdict, the gate, then one table row per open finding,
gating ones first, each with the fact that decided it, and the details (what the law asks, the questions, the
fix) collapsed in `<details>`. Parts are added in that order while they fit; what does not fit is counted
and the full report named. Right-to-left languages are wrapped in `<div dir="rtl">`.
"""

from __future__ import annotations

from compliance.domain.basis import Severity
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.reports.digest import formality_summary
from compliance.reports.labels import LABELS, RTL, SEVERITY_LABELS, cited_references
from compliance.reports.locate import deciding_fact
from compliance.reports.markdown import ICON, cell, heading
from compliance.reports.summary import fact_line

LIMIT = 60_000
CELL = 160  # characters of a table cell: a long title or value never widens the table past reason
DETAIL = 4_000  # characters of one collapsed block


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _gates(f: Finding, threshold: Severity) -> bool:
    return (
        f.outcome in (Outcome.fail, Outcome.needs_info)
        and f.waiver is None
        and f.severity.rank >= threshold.rank
    )


def _row(f: Finding, lang: str, threshold: Severity) -> str:
    fact = deciding_fact(f)
    sev = SEVERITY_LABELS[lang][f.severity] + (" ⛔" if _gates(f, threshold) else "")
    where = f"`{cell(_clip(fact_line(fact), CELL))}`" if fact else ""
    return (
        f"| {ICON[f.outcome]} | `{f.rule_id}` | {sev} | {cell(_clip(f.references[0].cite(lang), CELL))} "
        f"| {cell(_clip(f.title.get(lang), CELL))} | {where} |"
    )


def _details(f: Finding, lang: str) -> str:
    words = LABELS[lang]
    body = [(f.explanation or f.title).get(lang)]
    if f.questions is not None:
        body += [f"**{words['questions']}:**"] + [f"- {q}" for q in f.questions.get(lang)]
    if f.remediation is not None:
        body.append(f"**{words['fix']}:** {f.remediation.get(lang)}")
    body.append(f"**{words['refs']}:** " + cited_references(f.references, lang, status=False))
    text = _clip("\n\n".join(body), DETAIL)
    title = cell(_clip(f.title.get(lang), CELL))
    return f"<details><summary>{ICON[f.outcome]} <code>{f.rule_id}</code> — {title}</summary>\n\n{text}\n\n</details>\n"


def render_summary(
    assessment: Assessment, lang: str = "fr", threshold: Severity = Severity.major, limit: int = LIMIT
) -> str:
    words = LABELS[lang]
    a = assessment
    shown = [f for f in a.findings if f.outcome in (Outcome.fail, Outcome.needs_info, Outcome.advisory)]
    shown.sort(key=lambda f: (not _gates(f, threshold), f.outcome is Outcome.advisory))
    gating = sum(1 for f in shown if _gates(f, threshold))
    head = [
        *heading(a, lang, _clip(a.project_name, CELL)),
        f"{words['gate']} ≥ {SEVERITY_LABELS[lang][threshold]}: {gating} ⛔ · "
        f"{words['formalities']}: {_clip(formality_summary(a.formalities, lang), 2 * CELL)}",
        "",
    ]
    tail_reserve = 400  # the "not shown" line and the closing tags
    open_, close = ('<div dir="rtl">\n\n', "\n</div>\n") if lang in RTL else ("", "")
    out = open_ + "\n".join(head) + "\n"
    budget = limit - tail_reserve - len(close)
    table = [
        f"| | {words['rule']} | {words['severity']} | {words['article']} | {words['check']} | {words['fact']} |"
    ]
    table.append("|---|---|---|---|---|---|")
    rows_shown = 0
    for f in shown:
        row = _row(f, lang, threshold)
        if len(out) + sum(len(t) + 1 for t in table) + len(row) + 1 > budget:
            break
        table.append(row)
        rows_shown += 1
    if rows_shown:
        out += "\n".join(table) + "\n\n"
    details_shown = 0
    for f in shown[:rows_shown]:
        block = _details(f, lang)
        if len(out) + len(block) > budget:
            break
        out += block
        details_shown += 1
    missing = len(shown) - min(rows_shown, details_shown)
    if missing:
        out += f"\n_{words['not_shown'].format(count=missing)}_\n"
    return out + close
