"""A formality trigger that cites the law and the decree ('Art. 21-22; Decree Art. 29', health data) reads in the
reader's language: the live result of the questionnaire said "Decree Art. 29" on French and Arabic pages."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from compliance.domain.formality_words import formality_sentence
from compliance.domain.grades import Regime


@dataclass(frozen=True)
class Trigger:
    article: str


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Art. 21-22 et art. 29 du décret"),
        ("ar", "المادة 21-22 والمادة 29 من المرسوم"),
        ("en", "Art. 21-22 and Decree Art. 29"),
    ],
)
def test_a_trigger_citing_the_decree_reads_in_the_readers_language(lang: str, expected: str) -> None:
    possible = [Trigger("Art. 12(1)(a), 21"), Trigger("Art. 21-22; Decree Art. 29")]
    sentence = formality_sentence(Regime.undetermined, [], possible, [], lang)
    assert expected in sentence
    if lang != "en":
        assert "Decree" not in sentence
