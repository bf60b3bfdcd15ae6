"""`compliance init`: question by question in the terminal, or the commented template; the file always validates."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from compliance.cli.init_command import QUESTIONS
from compliance.cli.main import main
from compliance.service.submissions import read_submission

ANSWERS = "\n".join(
    [
        "Assistant vocal",  # project_name
        "",  # description: not known yet
        "oui",  # processes_personal_data
        "Banque Atlas SA",
        "peut-être",  # not understood: asked again
        "oui",
        "Assistant vocal clients",
        "Répondre aux clients; Les reconnaître",
        "contract",
        "voice_recording, voiceprint",
        "customers",
        "",  # retention: not known yet
        "OpenAI",
        "USA",  # not a country code: asked again
        "US",
        "oui",
    ]
)


def test_questions_write_a_valid_commented_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(ANSWERS + "\n"))
    target = tmp_path / "projet.yaml"
    assert main(["init", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.count("Réponse non comprise") == 2
    submission = read_submission(target)
    assert submission.project_name == "Assistant vocal"
    text = target.read_text(encoding="utf-8")
    assert "provider_country: US" in text and "- voiceprint" in text
    assert "#   processings[0].retention.period_days: Durée de conservation, en jours" in text
    assert "#   description:" in text
    assert main(["check", str(target)]) in (1, 2)  # the engine reads it


def test_no_personal_data_skips_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Modèle de rendement\nPrévoir les récoltes\nnon\n"))
    target = tmp_path / "crop.yaml"
    assert main(["init", str(target), "--lang", "en"]) == 0
    assert read_submission(target).processes_personal_data is False


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_template_without_questions(tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing is read
    target = tmp_path / f"template-{lang}.yaml"
    assert main(["init", str(target), "--template", "--lang", lang]) == 0
    read_submission(target)
    text = target.read_text(encoding="utf-8")
    for q in QUESTIONS[1:]:
        assert f"#   {q.path}: {q.asked(lang)}" in text
    assert main(["init", str(target), "--template", "--lang", lang]) == 3  # never overwritten silently
