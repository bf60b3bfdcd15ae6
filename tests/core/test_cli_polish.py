"""A command line that feels finished: every argument described with its default, a closed pipe ends
quietly, commands that read a store never create a missing folder, a missing --waivers file is named."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.cli.main import _parser, main

ROOT = Path(__file__).resolve().parents[2]
PARTIAL = (
    'schema_version: "1.0"\nproject_name: Partial\nprocesses_personal_data: true\nprocessings:\n  - id: a\n'
)


def _parsers(
    parser: argparse.ArgumentParser, name: str = "compliance"
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                found += _parsers(sub, f"{name} {sub_name}")
    return found


def test_every_argument_says_what_it_is_and_its_default() -> None:
    missing = []
    for name, parser in _parsers(_parser("en")):
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            label = f"{name} {'/'.join(action.option_strings) or action.dest}"
            text = action.help or ""
            if not text:
                missing.append(f"{label}: no help")
            elif (
                action.option_strings and not action.required and action.nargs != 0 and "default" not in text
            ):
                missing.append(f"{label}: the default is not said")
            elif action.required and action.option_strings and "required" not in text:
                missing.append(f"{label}: not said to be required")
            elif (
                action.option_strings
                and action.nargs == 0
                and action.dest != "version"
                and "default" not in text
            ):
                missing.append(f"{label}: the default (off) is not said")
    assert not missing, "\n".join(missing)


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    sub = tmp_path / "partial.yaml"
    sub.write_text(PARTIAL, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "compliance"), "check", str(sub), "--format", "markdown"]
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    first = reader.stdout.readline()
    reader.stdout.close()  # like `| head -1`: the report is far longer than the pipe's buffer
    code = reader.wait(timeout=60)
    err = reader.stderr.read().decode()
    assert first.startswith(b"## ") and err == "" and code == 2  # the gate's code, no traceback


@pytest.mark.parametrize(
    "command",
    [
        ["admin", "list-keys"],
        ["admin", "list-orgs"],
        ["admin", "revoke-key", "key_0123456789ab"],
        ["audit", "verify"],
        ["reassess"],
    ],
)
def test_reading_commands_never_create_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    folder = tmp_path / "no-such-data"
    assert main([*command, "--data-dir", str(folder), "--lang", "en"]) == 3
    assert f"no data folder at {folder}" in capsys.readouterr().err
    assert not folder.exists()


def test_creating_commands_may_start_a_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    assert main(["admin", "create-org", "--name", "Atlas Connect", "--data-dir", str(folder)]) == 0
    assert folder.is_dir()


def test_a_missing_waivers_file_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waivers = tmp_path / "waivers.yaml"
    example = str(ROOT / "examples" / "crop-yield-model.yaml")
    assert main(["check", example, "--waivers", str(waivers), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert f"error: invalid waivers file (--waivers) {waivers}" in err and "no such file" in err
    assert "submission" not in err
