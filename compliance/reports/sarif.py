"""SARIF 2.1.0: rule ids, levels from severity, help from the remediation, articles in properties."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from compliance import __version__
from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.domain.rules import Severity
from compliance.reports.summary import fact_line

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {
    Severity.blocker: "error",
    Severity.major: "error",
    Severity.minor: "warning",
    Severity.info: "note",
}

Locator = Callable[[Finding], int]


def _rule(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "id": f.rule_id,
        "name": f.rule_id.replace("-", ""),
        "shortDescription": {"text": f.title.get(lang)},
        "fullDescription": {"text": (f.explanation or f.title).get(lang)},
        "help": {"text": (f.remediation or f.explanation or f.title).get(lang)},
        "defaultConfiguration": {"level": _LEVEL[f.severity]},
        "properties": {
            "chapter": f.chapter,
            "severity": f.severity.value,
            "basis_status": f.basis_status.value,
            "articles": [r.cite() for r in f.references],
            "references": [r.model_dump(mode="json", exclude_none=True) for r in f.references],
            "tags": ["law-09-08", f.chapter],
        },
    }


def render_sarif(
    assessment: Assessment,
    lang: str = "fr",
    threshold: Severity = Severity.major,
    artifact: str = "submission.yaml",
    locate: Locator | None = None,
) -> str:
    a = assessment
    ordered = sorted(a.findings, key=lambda f: f.rule_id)
    index = {f.rule_id: i for i, f in enumerate(ordered)}
    results = []
    for f in ordered:
        if f.outcome not in (Outcome.fail, Outcome.needs_info, Outcome.advisory):
            continue
        if f.outcome is Outcome.fail:
            level, prefix = _LEVEL[f.severity], ""
        elif f.outcome is Outcome.needs_info:
            level, prefix = (
                "warning",
                "Information needed: " if lang == "en" else "Informations manquantes : ",
            )
        else:
            level, prefix = "note", "Recommendation: " if lang == "en" else "Recommandation : "
        text = prefix + f.title.get(lang)
        if f.questions is not None:
            text += " — " + " ".join(f.questions.get(lang))
        result: dict[str, Any] = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "kind": "fail",
            "level": level,
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact},
                        "region": {"startLine": locate(f) if locate else 1},
                    }
                }
            ],
            "properties": {
                "outcome": f.outcome.value,
                "severity": f.severity.value,
                "gating": f.outcome is not Outcome.advisory
                and f.waiver is None
                and f.severity.rank >= threshold.rank,
                "facts": [fact_line(t) for t in f.trace],
                "penalty": f.penalty.model_dump(mode="json") if f.penalty else None,
                "correction": f.correction.model_dump(mode="json") if f.correction else None,
            },
        }
        if f.waiver is not None:
            w = f.waiver
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": f"{w.legal_ground}: {w.reason} (approved by {w.approver}, until {w.expires})",
                }
            ]
        results.append(result)
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
                        "rules": [_rule(f, lang) for f in ordered],
                    }
                },
                "automationDetails": {"id": f"law-09-08/{a.pack.version}/"},
                "results": results,
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
