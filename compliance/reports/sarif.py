"""SARIF 2.1.0 for code scanning: one result per finding not met, on the line of the fact that decided it.

`kind` and `level` follow SARIF §3.27.9-10: a failure is `kind: fail` with a level from its severity; a
question (`needs_info`: the facts to decide are missing) is `kind: open`, a best-practice recommendation
`kind: review`, and both then carry `level: none`, as §3.27.10 requires of any kind other than `fail`.
GitHub code scanning does not read `kind` and shows every result as an alert, ranked by the rule's
`security-severity`; the message says whether it is a question or a recommendation (docs/ci.md).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from compliance import __version__
from compliance.domain.baseline import Comparison
from compliance.domain.basis import Severity
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.reports.labels import LABELS, STATUS_LABELS
from compliance.reports.links import CATALOGUE, rule_help_uri
from compliance.reports.locate import locate
from compliance.reports.source_map import SourceFile
from compliance.reports.summary import fact_line

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SHOWN = (Outcome.fail, Outcome.needs_info, Outcome.advisory)
# The level of a failure by severity (§3.27.10); other kinds are `none`.
FAIL_LEVEL = {
    Severity.blocker: "error",
    Severity.major: "error",
    Severity.minor: "warning",
    Severity.info: "note",
}
KIND = {Outcome.fail: "fail", Outcome.needs_info: "open", Outcome.advisory: "review"}
# GitHub's scale: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
SECURITY_SEVERITY = {
    Severity.blocker: "9.5",
    Severity.major: "7.5",
    Severity.minor: "5.0",
    Severity.info: "2.0",
}
FINGERPRINT = "law0908FactPath/v1"
MAX_TAGS = 10  # GitHub shows at most 10 tags per rule (and refuses more than 20)
SRCROOT = "%SRCROOT%"


def baseline_states(comparison: Comparison) -> dict[str, str]:
    """SARIF §3.27.24: new, updated (worse or better) or unchanged (a result the comparison does not list
    had the same outcome and severity in the baseline)."""
    states = {d.rule_id: "new" for d in comparison.new}
    states.update({d.rule_id: "updated" for d in comparison.worse + comparison.improved})
    states.update({d.rule_id: "unchanged" for d in comparison.unchanged})
    return states


def result_level(f: Finding) -> str:
    return FAIL_LEVEL[f.severity] if f.outcome is Outcome.fail else "none"


def _tags(f: Finding) -> list[str]:
    tags = list(
        dict.fromkeys(["security", "privacy", "law-09-08", f.chapter])
    )  # the chapter may be "security"
    for ref in f.references:
        if ref.instrument.startswith(("Law", "Decree")) and ref.cite() not in tags:
            tags.append(ref.cite())
    return tags[:MAX_TAGS]


def _help(f: Finding, lang: str) -> tuple[str, str]:
    words = LABELS[lang]
    refs = "; ".join(f"{r.cite(lang)} ({STATUS_LABELS[lang][r.status]})" for r in f.references)
    notes = [f"{r.cite(lang)}: {r.note.get(lang)}" for r in f.references if r.note is not None]
    text = [(f.explanation or f.title).get(lang)]
    md = [(f.explanation or f.title).get(lang)]
    if f.remediation is not None:
        text.append(f"{words['fix']}: {f.remediation.get(lang)}")
        md.append(f"**{words['fix']}:** {f.remediation.get(lang)}")
    if f.questions is not None:
        text += [f"{words['questions']}: {q}" for q in f.questions.get(lang)]
        md += [f"**{words['questions']}:**"] + [f"- {q}" for q in f.questions.get(lang)]
    text.append(f"{words['refs']}: {refs}")
    md.append(f"**{words['refs']}:** {refs}")
    text += notes
    md += ["\n".join(f"- {n}" for n in notes)] if notes else []
    text.append(f"{CATALOGUE} — {f.rule_id}")
    return "\n".join(text), "\n\n".join(md)


def _rule(f: Finding, lang: str, docs_url: str | None) -> dict[str, Any]:
    text, markdown = _help(f, lang)
    rule: dict[str, Any] = {
        "id": f.rule_id,
        "name": f.rule_id.replace("-", ""),
        "shortDescription": {"text": f.title.get(lang)},
        "fullDescription": {"text": (f.explanation or f.title).get(lang)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": FAIL_LEVEL[f.severity]},
        "properties": {
            "tags": _tags(f),
            "security-severity": SECURITY_SEVERITY[f.severity],
            "precision": "very-high",
            "chapter": f.chapter,
            "severity": f.severity.value,
            "basis_status": f.basis_status.value,
            "articles": [r.cite() for r in f.references],
        },
    }
    uri = rule_help_uri(docs_url, f.rule_id)
    if uri:
        rule["helpUri"] = uri
    return rule


def fingerprint(rule_id: str, stable_path: str) -> str:
    """Depends on the rule and the fact's name only: lines added elsewhere in the file do not change it."""
    return hashlib.sha256(f"{rule_id}\0{stable_path}".encode()).hexdigest()[:32]


def _message(f: Finding, lang: str, fact: str) -> str:
    words = LABELS[lang]
    prefix = {Outcome.needs_info: words["sarif_needs_info"], Outcome.advisory: words["sarif_advisory"]}
    text = prefix.get(f.outcome, "") + f.title.get(lang)
    if f.questions is not None:
        text += " — " + " ".join(f.questions.get(lang))
    if fact:
        text += f" [{fact}]"
    return text


def _result(f: Finding, index: int, lang: str, threshold: Severity, target: SourceFile) -> dict[str, Any]:
    where = locate(f, target.source)
    decided = next((t for t in reversed(f.trace) if t.path == where.path), None)
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "kind": KIND[f.outcome],
        "level": result_level(f),
        "message": {"text": _message(f, lang, fact_line(decided) if decided else "")},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": target.uri, "uriBaseId": SRCROOT},
                    "region": where.place.region.sarif(),
                },
                "logicalLocations": [{"fullyQualifiedName": where.path or "(document)", "kind": "member"}],
            }
        ],
        "partialFingerprints": {FINGERPRINT: fingerprint(f.rule_id, where.place.stable_path)},
        "properties": {
            "outcome": f.outcome.value,
            "severity": f.severity.value,
            "gating": f.outcome is not Outcome.advisory
            and f.waiver is None
            and f.severity.rank >= threshold.rank,
            "fact": where.path,
            "fact_written": where.place.written,
            "facts": [fact_line(t) for t in f.trace],
            "penalty": f.penalty.model_dump(mode="json") if f.penalty else None,
            "correction": f.correction.model_dump(mode="json") if f.correction else None,
        },
    }
    if target.baseline is not None:
        result["baselineState"] = target.baseline.get(f.rule_id, "unchanged")
    if f.waiver is not None:
        w = f.waiver
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{w.legal_ground}: {w.reason} (approved by {w.approver}, until {w.expires})",
            }
        ]
    return result


def render_sarif(
    assessment: Assessment,
    lang: str = "fr",
    threshold: Severity = Severity.major,
    target: SourceFile | None = None,
) -> str:
    target = target or SourceFile()
    a = assessment
    shown = sorted((f for f in a.findings if f.outcome in SHOWN), key=lambda f: f.rule_id)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "compliance-0908",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://www.cndp.ma/",
                        "rules": [_rule(f, lang, target.docs_url) for f in shown],
                        "properties": {"pack": a.pack.id, "pack_version": a.pack.version},
                    }
                },
                # The category is the file, not the pack version: a new pack must update the same alerts.
                "automationDetails": {"id": f"law-09-08/{target.uri}/"},
                "columnKind": "utf16CodeUnits",
                "results": [_result(f, i, lang, threshold, target) for i, f in enumerate(shown)],
                "properties": {
                    "verdict": a.verdict.value,
                    "counts": a.counts,
                    "review": a.review.model_dump(mode="json") if a.review else None,
                    "pack": a.pack.model_dump(mode="json"),
                    "submission_hash": a.submission_hash,
                    "formalities": a.formalities.model_dump(mode="json"),
                },
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
