"""The difference between a baseline assessment and the current one, for people (text) and programs (JSON)."""

from __future__ import annotations

from compliance.domain.baseline import Change, Comparison, FindingDelta
from compliance.domain.basis import Severity
from compliance.domain.outcomes import Assessment, Outcome
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued
from compliance.reports.labels import LABELS, OUTCOME_LABELS, SEVERITY_LABELS

HEADINGS: Catalogued[Change] = Catalogued(
    "baseline change",
    {
        Change.new: "New",
        Change.worse: "Worse",
        Change.improved: "Improved",
        Change.unchanged: "Unchanged (already in the baseline, not gating)",
    },
)


def _state(outcome: Outcome | None, severity: Severity | None, lang: Lang | str) -> str:
    if outcome is None:
        return LABELS[lang]["absent"]
    text = OUTCOME_LABELS[lang][outcome]
    if severity is None or outcome in (Outcome.passed, Outcome.not_applicable):
        return text
    return f"{text} [{SEVERITY_LABELS[lang][severity]}]"


def _line(d: FindingDelta, titles: dict[str, str], lang: Lang | str) -> str:
    before = _state(d.old, d.old_severity, lang)
    after = _state(d.new, d.new_severity, lang)
    title = titles.get(d.rule_id, "")
    return f"  {d.rule_id}: {before} → {after}" + (f" — {title}" if title else "")


def render_comparison(
    comparison: Comparison,
    baseline: Assessment,
    current: Assessment,
    lang: Lang | str = Lang.fr,
    names: tuple[str, str] = ("baseline", "current"),
) -> str:
    words = LABELS[lang]
    titles = {f.rule_id: f.title.get(lang) for f in baseline.findings}
    titles.update({f.rule_id: f.title.get(lang) for f in current.findings})
    c = comparison
    out = [
        f"{words['compared']} {names[0]} ({baseline.pack.version}) → {names[1]} ({current.pack.version}): "
        + ", ".join(f"{len(getattr(c, k.value))} {HEADINGS[lang][k].split(' (')[0].lower()}" for k in Change)
    ]
    if c.pack_changed:
        out.append(words["pack_changed"])
    for change in Change:
        items: list[FindingDelta] = getattr(c, change.value)
        if items and change is not Change.unchanged:
            out.append(f"{HEADINGS[lang][change]} ({len(items)}):")
            out.extend(_line(d, titles, lang) for d in items)
    return "\n".join(out) + "\n"
