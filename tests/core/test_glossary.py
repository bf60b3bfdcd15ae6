"""The glossary (docs/glossary.yaml) is complete in three languages, and the reports' Arabic words follow it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.reports.digest import FORM_NAMES
from compliance.reports.fields import SECTION_LABELS
from compliance.reports.labels import CHAPTER_LABELS, LABELS, OUTCOME_LABELS, SEVERITY_LABELS, VERDICT_LABELS

ROOT = Path(__file__).resolve().parents[2]
TERMS: list[dict[str, Any]] = yaml.safe_load((ROOT / "docs" / "glossary.yaml").read_text(encoding="utf-8"))[
    "terms"
]


def _report_texts(lang: str) -> Iterator[str]:
    yield from LABELS[lang].values()
    yield from OUTCOME_LABELS[lang].values()
    yield from VERDICT_LABELS[lang].values()
    yield from SEVERITY_LABELS[lang].values()
    yield from CHAPTER_LABELS[lang].values()
    for table in (SECTION_LABELS, FORM_NAMES):
        for entry in table.values():
            yield entry[lang]


def test_every_term_in_three_languages() -> None:
    ids = [t["id"] for t in TERMS]
    assert len(ids) == len(set(ids))
    for term in TERMS:
        assert all(isinstance(term.get(lang), str) and term[lang].strip() for lang in ("fr", "ar", "en")), (
            term
        )
        assert isinstance(term["verified"], bool), term["id"]
        assert any("\u0600" <= ch <= "\u06ff" for ch in term["ar"]), term["id"]


def test_official_names() -> None:
    by_id = {t["id"]: t for t in TERMS}
    assert by_id["law"]["ar"].startswith("القانون رقم 09.08") and by_id["law"]["verified"]
    assert by_id["cndp"]["ar"] == "اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي"


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_every_report_word_exists_in_each_language(lang: str) -> None:
    assert set(LABELS[lang]) == set(LABELS["fr"])
    assert all(text.strip() for text in _report_texts(lang))


def test_arabic_report_words_use_the_glossary_terms() -> None:
    texts = list(_report_texts("ar"))
    for term in TERMS:
        for avoided in term.get("ar_avoid", []):
            assert not [t for t in texts if avoided in t], (term["id"], avoided)
    # Where a report word names a glossary concept, it uses the glossary's Arabic term.
    used = {t["id"]: t["ar"] for t in TERMS}
    joined = "\n".join(texts)
    for concept in ("sensitive_data", "transfer_abroad", "direct_marketing", "processor", "legal_person"):
        assert used[concept] in joined, concept


def test_cli_help_and_messages_in_every_language() -> None:
    from compliance.cli.help_texts import lang_of, tr

    assert tr("ar", "error: {message}", message="x") == "خطأ: x"  # the command line's words: the catalogue
    assert lang_of(["check", "f.yaml", "--lang", "ar"]) == "ar"
    assert lang_of(["check", "--lang=fr", "f.yaml"]) == "fr"
    assert lang_of(["check", "f.yaml", "--lang", "xx"]) == "fr"
    assert lang_of(["check", "f.yaml"]) == "fr"


def test_check_help_in_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli.main import main

    with pytest.raises(SystemExit):
        main(["check", "--lang", "ar", "--help"])
    assert "لغة التقرير والرسائل" in capsys.readouterr().out
    assert main(["validate", str(ROOT / "examples" / "bank-voice-assistant.yaml"), "--lang", "ar"]) == 0
    assert "ملف مقدم صالح" in capsys.readouterr().out


# Where a French text names a concept of the glossary, its Arabic names it with the glossary's term. Arabic
# attaches prepositions and pronouns to words (للجنة الوطنية, معطياتهم الحساسة), so each term is matched by
# its stem; the glossary's own Arabic term must match it (test below).
CONCEPTS: dict[str, tuple[str, str]] = {
    "cndp": (r"\bCNDP\b", r"لجنة الوطنية"),
    "controller": (r"responsable du traitement", r"مسؤول\S* (\S+ )?عن المعالجة"),
    "processor": (r"sous-traitan", r"من الباطن"),
    "consent": (r"consent", r"رض[اىي]"),
    "sensitive_data": (r"données sensibles", r"حساسة"),
    "personal_data": (r"données (personnelles|à caractère personnel)", r"معطيات"),
    "direct_marketing": (r"prospection", r"استقراء"),
    "right_of_access": (r"droits? d'accès", r"الولوج"),
    "right_to_object": (r"opposition|s'opposer", r"تعرض"),
    "authorisation": (r"autorisation", r"إذن|أذن|مأذون|أذون"),
    "declaration": (r"déclaration|déclarée?s?\b", r"تصريح|تصاريح|صرح"),
    "fine": (r"\bamende", r"غرام(?:ة|ات)"),  # singular or plural
}


def _rule_pairs() -> Iterator[tuple[str, str, str]]:
    """(where, French, Arabic) for every rule text that has its Arabic (rules/ and rules/i18n/ar/)."""
    for path in sorted((ROOT / "rules").glob("*/*.yaml")):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(rule, dict) or "id" not in rule:
            continue
        overlay = yaml.safe_load((ROOT / "rules" / "i18n" / "ar" / f"{rule['id']}.yaml").read_text("utf-8"))
        for key, ar_key in (("title", "title"), ("explain", "explain"), ("remediation", "remediation")):
            if isinstance(rule.get(key), dict) and overlay.get(ar_key):
                yield f"{rule['id']} {key}", rule[key]["fr"], overlay[ar_key]
        questions = rule.get("questions")
        if isinstance(questions, dict) and overlay.get("questions"):
            for i, (fr, ar) in enumerate(zip(questions["fr"], overlay["questions"], strict=True)):
                yield f"{rule['id']} question {i + 1}", fr, ar


def _catalogue_pairs() -> Iterator[tuple[str, str, str]]:
    from compliance.i18n import Lang
    from compliance.i18n.catalogue import catalogue_path, read_catalogue

    fr = {(m.context, m.id): m.string for m in read_catalogue(catalogue_path(Lang.fr), Lang.fr) if m.id}
    for m in read_catalogue(catalogue_path(Lang.ar), Lang.ar):
        if m.id:
            yield f"catalogue {str(m.id)[:60]}", str(fr[(m.context, m.id)]), str(m.string)


def _all_pairs() -> list[tuple[str, str, str]]:
    return [*_rule_pairs(), *_catalogue_pairs()]  # the command line's words are in the catalogue


def glossary_problems(pairs: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Arabic texts with a wording the glossary rules out, or missing the term of a concept the French names."""
    problems = []
    for where, fr, ar in pairs:
        for term in TERMS:
            problems += [(where, avoided) for avoided in term.get("ar_avoid", []) if avoided in ar]
        for concept, (fr_pattern, ar_pattern) in CONCEPTS.items():
            if re.search(fr_pattern, fr, re.IGNORECASE) and not re.search(ar_pattern, ar):
                problems.append((where, concept))
    return problems


def test_each_concept_pattern_matches_the_glossary_term() -> None:
    by_id = {t["id"]: t for t in TERMS}
    for concept, (fr_pattern, ar_pattern) in CONCEPTS.items():
        assert re.search(ar_pattern, by_id[concept]["ar"]), concept
        assert re.search(fr_pattern, by_id[concept]["fr"], re.IGNORECASE), concept


def test_rules_catalogue_and_cli_use_the_glossary_terms_in_arabic() -> None:
    pairs = _all_pairs()
    assert len(pairs) > 1000  # every rule text, catalogue entry and CLI message
    assert glossary_problems(pairs) == []


def test_the_glossary_check_reports_a_stray_wording() -> None:
    pairs = [
        ("a", "Déclarez le traitement à la CNDP.", "صرح بالمعالجة لدى الهيئة."),
        ("b", "Les données sensibles", "البيانات الحساسة"),
        ("c", "Le consentement de la personne", "رضا الشخص"),
    ]
    assert glossary_problems(pairs) == [("a", "cndp"), ("b", "البيانات الحساسة")]
