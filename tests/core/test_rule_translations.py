"""Every rule of the pack carries its Arabic title (rules/i18n/ar/), and the overlay files are checked on load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from compliance.ruleset.loader import RulePackError, default_rules_dir, load_pack

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = yaml.safe_load((ROOT / "docs" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]


def _arabic(text: str | None) -> bool:
    return text is not None and any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_every_rule_has_all_its_texts_in_arabic() -> None:
    pack = load_pack()
    missing = [
        r.id
        for r in pack.rules
        if not (
            _arabic(r.title.ar) and _arabic(r.explain.ar) and _arabic(r.remediation.ar) and r.questions.ar
        )
        or not all(_arabic(q) for q in r.questions.ar or [])
    ]
    assert not missing, f"Arabic texts missing (rules/i18n/ar/<id>.yaml): {missing}"
    for rule in pack.rules:
        assert rule.title.get("ar") == rule.title.ar
        assert rule.questions.get("ar") == rule.questions.ar
        assert len(rule.questions.get("ar")) == len(rule.questions.fr)


def test_arabic_rule_texts_follow_the_glossary() -> None:
    titles = "\n".join(
        "\n".join([r.title.ar or "", r.remediation.ar or "", *(r.questions.ar or [])])
        for r in load_pack().rules
    )
    for term in GLOSSARY:
        for avoided in term.get("ar_avoid", []):
            assert avoided not in titles, (term["id"], avoided)


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def test_a_translation_of_no_rule_is_refused(pack_copy: Path) -> None:
    (pack_copy / "i18n" / "ar" / "L0908-NO-SUCH-RULE.yaml").write_text("title: عنوان\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="no rule 'L0908-NO-SUCH-RULE'"):
        load_pack(pack_copy, check_features=False)


def test_arabic_questions_match_the_french_ones(pack_copy: Path) -> None:
    (pack_copy / "i18n" / "ar" / "L0908-A03-PURPOSE.yaml").write_text(
        "title: عنوان\nquestions: [سؤال واحد, سؤال ثان, سؤال ثالث, سؤال رابع, سؤال خامس, سؤال سادس]\n",
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match="one Arabic question for each French one"):
        load_pack(pack_copy, check_features=False)


def test_an_unknown_key_is_refused(pack_copy: Path) -> None:
    (pack_copy / "i18n" / "ar" / "L0908-A03-PURPOSE.yaml").write_text(
        "title: عنوان\ntitel: خطأ\n", encoding="utf-8"
    )
    with pytest.raises(RulePackError, match="titel"):
        load_pack(pack_copy, check_features=False)
