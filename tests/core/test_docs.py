"""docs/rules.md is the exported catalogue of the pack as it is."""

from __future__ import annotations

from pathlib import Path

from compliance.ruleset.loader import load_pack
from compliance.service.catalogue import COVERED_ARTICLES, export_catalogue

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_matches_the_pack() -> None:
    pack = load_pack(ROOT / "rules", ROOT / "features")
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == export_catalogue(pack), "docs/rules.md is stale: run `make docs`"


def test_every_rule_and_covered_article_is_in_the_document() -> None:
    pack = load_pack(ROOT / "rules", ROOT / "features")
    text = export_catalogue(pack)
    for rule in pack.rules:
        assert f"`{rule.id}`" in text
    for article in COVERED_ARTICLES:
        assert f"| Art. {article} |" in text
    assert "no rule yet" not in text, "an article has neither a rule nor a note explaining why"
