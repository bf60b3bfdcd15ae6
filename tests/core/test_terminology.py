"""One French terminology (rules/reference/terms.yaml): no refused variant in any French text a person reads."""

from __future__ import annotations

import re
from pathlib import Path

from compliance.reports.labels import LABELS
from compliance.ruleset.loader import load_pack
from compliance.strictyaml import load_yaml

ROOT = Path(__file__).resolve().parents[2]
TERMS = load_yaml((ROOT / "rules" / "reference" / "terms.yaml").read_text(encoding="utf-8"))["terms"]
REFUSED = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(v) for t in TERMS for v in t["refused"]) + r")(?![\w-])",
    re.IGNORECASE,
)


def _french_feature_lines(path: Path) -> list[str]:
    """Titles, descriptions, scenario names and step texts: not the YAML docstrings, the example tables or the
    fact paths and values, which are data."""
    lines, in_doc = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith('"""'):
            in_doc = not in_doc
            continue
        if in_doc or stripped.startswith("|") or 'le fait "' in stripped:
            continue
        lines.append(stripped)
    return lines


def test_rule_texts_use_the_terminology() -> None:
    bad = []
    for rule in load_pack(ROOT / "rules", ROOT / "features").rules:
        for text in (rule.title.fr, rule.explain.fr, rule.remediation.fr, *rule.questions.fr):
            if m := REFUSED.search(text):
                bad.append(f"{rule.id}: « {m.group(0)} » in {text[:100]}")
    assert bad == []


def test_the_refusal_pattern_catches_the_variants() -> None:
    assert REFUSED.search("un chatbot en darija") and REFUSED.search("par E-mail") and REFUSED.search("email")
    assert not REFUSED.search("courriel, agent conversationnel, adresse électronique")


def test_feature_texts_use_the_terminology() -> None:
    bad = []
    for path in sorted((ROOT / "features").rglob("*.feature")):
        for line in _french_feature_lines(path):
            if m := REFUSED.search(line):
                bad.append(f"{path.relative_to(ROOT)}: « {m.group(0)} » in {line[:100]}")
    assert bad == []


def test_french_report_labels_use_the_terminology() -> None:
    bad = [f"{k}: {v}" for k, v in LABELS["fr"].items() if isinstance(v, str) and REFUSED.search(v)]
    assert bad == []
