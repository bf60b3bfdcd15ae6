"""Every command of the CLI accepts `--lang fr|ar|en`, French when none is chosen, and its help follows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli.help_texts import HELP, commands
from compliance.cli.main import _parser, main
from compliance.reports.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "examples" / "bank-voice-assistant.yaml"
COMMANDS = [path for path, _ in commands(_parser())]


def test_the_walk_finds_the_commands() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"check", "validate", "init", "rules list", "serve", "admin create-org", "audit verify"} <= names
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_takes_lang_and_defaults_to_french(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    leaf = dict(commands(_parser()))[path]
    (option,) = [a for a in leaf._actions if "--lang" in a.option_strings]
    assert list(option.choices or []) == ["fr", "ar", "en"]
    assert option.default == "fr"
    with pytest.raises(SystemExit) as done:
        main([*path, "--lang", "ar", "--help"])
    assert done.value.code == 0
    assert HELP["lang"]["ar"] in capsys.readouterr().out


def test_check_without_lang_reports_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BANK)]) == 2
    out = capsys.readouterr().out
    assert LABELS["fr"]["title"] in out and LABELS["en"]["title"] not in out
    assert main(["check", str(BANK), "--lang", "ar"]) == 2
    assert LABELS["ar"]["title"] in capsys.readouterr().out


def test_validate_and_rules_list_without_lang_speak_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BANK)]) == 0
    assert "soumission valide" in capsys.readouterr().out
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Consentement" in listing or "consentement" in listing
    assert main(["rules", "list", "--lang", "ar"]) == 0
    assert any("\u0600" <= ch <= "\u06ff" for ch in capsys.readouterr().out)
