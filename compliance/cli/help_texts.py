"""The command line's own words (help, messages, argparse's words) from the one message catalogue.

Every text is written here in English, the message id, as `tr(lang, "English {name}", name=...)`:
`python -m compliance.web.messages` finds these calls in the modules of `compliance/cli` (the second
argument, context `command line`) and French and Arabic come from `compliance/locale`. Placeholders are named
and filled after translation. The language is the one `--lang` names anywhere on the command line, read
before the parser is built so that `--help` itself is translated; French when none is given, as everywhere a
person reads. Every command accepts `--lang` (add_lang_option).

argparse's own words ("usage:", "options", "error:", "show this help message and exit") are translated by
`Parser` and `Formatter` below; the messages argparse words inside its parsing ("the following arguments are
required", "invalid choice") come from its module-level `_`, which `Parser` points at the catalogue for the
time of a parse only (argparse offers no other hook for them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, NoReturn

from compliance.cli.exit_codes import ExitCode
from compliance.i18n import Lang, translator

CONTEXT = "command line"
LANGS = tuple(lang.value for lang in (Lang.fr, Lang.ar, Lang.en))
DEFAULT_LANG = Lang.fr.value


def tr(lang: str, text: str, **params: object) -> str:
    """`text` (English, the message id) in `lang`, its `{named}` placeholders filled after translation."""
    words = translator(Lang(lang) if lang in LANGS else Lang.fr).pgettext(CONTEXT, text)
    return words.format(**params) if params else words


def say(lang: str, text: str, **params: object) -> None:
    """Write `text` in `lang` on standard output, one line."""
    sys.stdout.write(tr(lang, text, **params) + "\n")


def lang_of(argv: Sequence[str]) -> str:
    """The language `--lang X` (or `--lang=X`) names on the command line; French if none or unknown."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGS:
            return value
    return DEFAULT_LANG


def N_(text: str) -> str:
    """Marks a text for the catalogue where it is translated later (argparse's own words)."""
    return text


# argparse's own messages, as its `_()` names them (Python 3.11 and later), for the catalogue.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
)


@contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's inner messages in `lang` for the time of one parse (single-threaded: a command line)."""
    before = argparse._  # type: ignore[attr-defined]
    before_n = argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda text: tr(lang, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: tr(lang, one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before  # type: ignore[attr-defined]
        argparse.ngettext = before_n  # type: ignore[attr-defined]


UNSEEN_WIDTH = 1 << 16


class Formatter(argparse.HelpFormatter):
    lang = DEFAULT_LANG

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, tr(self.lang, "usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser that speaks `lang`; bad usage exits 3 (2 means 'needs information' here)."""

    lang = DEFAULT_LANG

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = tr(self.lang, "positional arguments")
        self._optionals.title = tr(self.lang, "options")
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=tr(self.lang, "show this help message and exit"),
        )

    _unseen = False  # the formatter being asked for lays out nothing anyone reads

    def _get_formatter(self) -> argparse.HelpFormatter:
        # Without a width, argparse asks `shutil` for the terminal's (and importing shutil imports the
        # compression modules); only a help text or a usage someone reads needs it.
        formatter = Formatter(prog=self.prog, width=UNSEEN_WIDTH if self._unseen else None)
        formatter.lang = self.lang
        return formatter

    @contextmanager
    def _unseen_layout(self) -> Iterator[None]:
        self._unseen = True
        try:
            yield
        finally:
            self._unseen = False

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """As argparse's, whose check of the metavar formats the argument for no one."""
        with self._unseen_layout():
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """As argparse's, which formats a usage of the program and positionals before the command to name
        its sub-parsers: without options to wrap, any width gives the same name."""
        with self._unseen_layout():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _argparse_speaks(self.lang):
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _argparse_speaks(self.lang):
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            ExitCode.INVALID,
            tr(self.lang, "{prog}: error: {message}", prog=self.prog, message=message) + "\n",
        )


@cache
def parser_class(lang: str) -> type[Parser]:
    """The parser class of one language, for `add_subparsers(parser_class=...)`."""
    return type(f"Parser_{lang}", (Parser,), {"lang": lang})


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command of the parser that runs something (the leaves of its sub-commands), with its words."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield path, parser
    for group in groups:
        for name, sub in group.choices.items():
            yield from commands(sub, (*path, name))


def lang_help(lang: str) -> str:
    return tr(lang, "language of the report and messages: fr, ar or en (default: fr)")


def add_lang_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """`--lang fr|ar|en` on every command that does not declare it itself (French by default)."""
    for _, command in commands(parser):
        if not any("--lang" in a.option_strings for a in command._actions):
            command.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=lang_help(lang))


def error(lang: str, message: str) -> int:
    """Tell an error on standard error, in `lang`; the exit code of an invalid input or command."""
    sys.stderr.write(tr(lang, "error: {message}", message=message) + "\n")
    return ExitCode.INVALID
