"""The glossary (docs/glossary.yaml) is complete in three languages, and the reports' Arabic words follow it."""

from __future__ import annotations

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
    for table in (CHAPTER_LABELS, SECTION_LABELS, FORM_NAMES):
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
    from compliance.cli.help_texts import HELP, lang_of

    for key, words in HELP.items():
        assert set(words) == {"fr", "ar", "en"}, key
        assert any("\u0600" <= ch <= "\u06ff" for ch in words["ar"]), key
    assert lang_of(["check", "f.yaml", "--lang", "ar"]) == "ar"
    assert lang_of(["check", "--lang=fr", "f.yaml"]) == "fr"
    assert lang_of(["check", "f.yaml", "--lang", "xx"]) == "en"


def test_check_help_in_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli.main import main

    with pytest.raises(SystemExit):
        main(["check", "--lang", "ar", "--help"])
    assert "لغة التقرير والرسائل" in capsys.readouterr().out
    assert main(["validate", str(ROOT / "examples" / "bank-voice-assistant.yaml"), "--lang", "ar"]) == 0
    assert "ملف مقدم صالح" in capsys.readouterr().out
