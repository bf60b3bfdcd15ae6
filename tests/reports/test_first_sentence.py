"""The summary's "what to do" quotes the first sentence of each fix; a full stop after an abbreviation does not end
it: the French report cut the formality fix at "si un motif de l'art." (before "12(1) s'applique")."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.reports.digest import first_sentence

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Déposez-la si un motif de l'art. 12(1) s'applique, sinon déclarez. Ou supprimez.",
            "sinon déclarez.",
        ),
        ("Rely on Art. 44, e.g. a contract. Then notify.", "e.g. a contract."),
        ("Une phrase. Deux.", "Une phrase."),
        ("هل أُخبر الشخص؟ ثم", "هل أُخبر الشخص؟"),
    ],
)
def test_an_abbreviation_does_not_end_the_first_sentence(text: str, first: str) -> None:
    assert first_sentence(text).endswith(first)


def test_the_french_summary_quotes_the_whole_first_sentence(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    example = ROOT / "examples" / "darija-support-chatbot.yaml"
    assert main(["check", str(example), "--format", "markdown", "--lang", "fr", "--output", str(target)]) == 1
    summary = target.read_text(encoding="utf-8").split("### Vérifications par chapitre")[0]
    first = next(line for line in summary.splitlines() if line.startswith("1. "))
    assert first.endswith(
        "si un motif de l'art. 12(1) s'applique, déclaration (F211, ou F214 dans un cadre simplifié) sinon."
    )
