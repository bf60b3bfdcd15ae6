"""The parser built for one command (what `main` builds when the command is named) says the same as the whole
one: the same commands in its usage, the same help and usage for that command, in every language."""

from __future__ import annotations

import argparse

import pytest

from compliance.cli.help_texts import LANGS, commands
from compliance.cli.main import COMMANDS, _parser, command_of


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (group,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(group.choices)


def test_every_command_is_known_in_the_order_help_lists_them() -> None:
    assert list(_subcommands(_parser())) == list(COMMANDS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_parser_of_one_command_says_what_the_whole_parser_says(lang: str, command: str) -> None:
    whole, alone = _parser(lang), _parser(lang, command)
    assert alone.format_usage() == whole.format_usage()
    words = dict(commands(whole))
    for path, leaf in commands(alone):
        if path[0] == command:
            assert leaf.format_help() == words[path].format_help()


def test_the_command_is_found_after_the_top_level_options_only() -> None:
    assert command_of(["check", "a.yaml"]) == "check"
    assert command_of(["--rules", "rules", "check", "a.yaml"]) == "check"
    assert command_of(["--rules=rules", "rules", "list"]) == "rules"
    assert command_of(["--help"]) is None
    assert command_of(["--version"]) is None
    assert command_of(["--lang", "en", "check"]) is None  # not a top-level option: the whole parser says so
    assert command_of(["chekc", "a.yaml"]) is None
    assert command_of([]) is None
