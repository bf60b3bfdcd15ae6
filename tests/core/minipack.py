"""Build small rule packs in a temporary folder, so loader and engine tests do not depend on the real pack."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def rule_doc(rule_id: str = "L0908-T01-SAMPLE", chapter: str = "sample", **over: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": rule_id,
        "title": {"fr": "Titre", "en": "Title"},
        "chapter": chapter,
        "severity": "major",
        "references": [{"instrument": "Law 09-08", "article": "4", "status": "verified"}],
        "applies_when": {"op": "is_true", "path": "processes_personal_data"},
        "require": {
            "op": "every",
            "path": "processings",
            "condition": {"op": "exists", "path": "legal_basis"},
        },
        "explain": {"fr": "Explication.", "en": "Explanation."},
        "remediation": {"fr": "Correction.", "en": "Fix."},
        "questions": {"fr": ["Quel fondement ?"], "en": ["Which ground?"]},
        "since": "0.1.0",
    }
    doc.update(over)
    return doc


def make_pack(
    tmp: Path, rules: list[dict[str, Any]] | None = None, raw: dict[str, str] | None = None
) -> Path:
    """A pack folder with the real manifest and reference data, the given rules, and features for each."""
    root = tmp / "rules"
    (root / "reference").mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "pack.yaml", root / "pack.yaml")
    for name in ("adequate-countries.yaml", "formality-triggers.yaml", "instruments.yaml"):
        shutil.copy(ROOT / "rules" / "reference" / name, root / "reference" / name)
    for i, doc in enumerate(rules or []):
        folder = root / doc.get("chapter", "sample")
        folder.mkdir(exist_ok=True)
        (folder / f"rule-{i}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    for rel, text in (raw or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    features = tmp / "features"
    for path in root.glob("*/*.yaml"):
        if path.parent.name != "reference":
            feature = features / path.parent.name / (path.stem + ".feature")
            feature.parent.mkdir(parents=True, exist_ok=True)
            feature.write_text("# language: fr\nFonctionnalité: x\n", encoding="utf-8")
    return root
