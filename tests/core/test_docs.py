"""docs/rules.md is the exported catalogue of the pack as it is."""

from __future__ import annotations

from pathlib import Path

from compliance.ruleset.loader import load_pack
from compliance.service.catalogue import COVERED_ARTICLES, articles_of, export_catalogue

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


def test_articles_are_read_from_citations() -> None:
    from compliance.domain.rules import Reference, Rule

    def cited(*articles: str) -> set[int]:
        refs = [Reference(instrument="Law 09-08", article=a, status="verified") for a in articles]
        rule = Rule.model_construct(references=refs)  # type: ignore[call-arg]  # only the references matter
        return articles_of(rule)

    assert cited("3(1)(b), 12(1)(b)") == {3, 12}
    assert cited("43-44") == {43, 44}
    assert cited("11 §2-3") == {11}
    assert cited("4 §2") == {4}
