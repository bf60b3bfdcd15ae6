"""The `compliance` command line.

Exit codes: 0 nothing at or above the threshold fails; 1 something does; 2 only missing facts (needs_info)
stand between the project and a pass; 3 the input or the command is invalid.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import DEFAULT_LANG, N_, add_lang_option, error, lang_of, parser_class, tr
from compliance.cli.startup import import_yaml
from compliance.cli.version import VersionAction

if TYPE_CHECKING:  # each command imports what it runs when it runs (see `main`)
    from typing import TypeAlias

    from compliance.service.assessing import Assessor
    from compliance.service.submissions import InvalidSubmission

    SubParsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def _add_check(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    from compliance.cli.check_command import add_check_command

    add_check_command(sub, lang)


def _add_validate(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    v = sub.add_parser(
        "validate", help=tr(lang, "check that a submission file is well-formed, without assessing it")
    )
    v.add_argument("file", type=Path, nargs="+", help=tr(lang, "submission files (YAML or JSON)"))


def _add_schema(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    s = sub.add_parser("schema", help=tr(lang, "print the JSON Schema of the submission (or of a rule file)"))
    s.add_argument(
        "--rules",
        dest="rule_schema",
        action="store_true",
        help=tr(lang, "the rule-file schema instead (default: off)"),
    )
    s.add_argument("--output", type=Path, help=tr(lang, "write it here (default: standard output)"))


def _add_rules(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    r = sub.add_parser("rules", help=tr(lang, "the rule catalogue"))
    rsub = r.add_subparsers(dest="rules_command", required=True, parser_class=parser_of)
    rl = rsub.add_parser("list", help=tr(lang, "one line per rule"))
    rl.add_argument(
        "--format", choices=["text", "json"], default="text", help=tr(lang, "output format (default: text)")
    )
    rs = rsub.add_parser("show", help=tr(lang, "one rule in full"))
    rs.add_argument("rule_id", help=tr(lang, "the rule's id, e.g. L0908-A03-RETENTION (see 'rules list')"))
    re_ = rsub.add_parser("export", help=tr(lang, "the whole catalogue as a document"))
    re_.add_argument(
        "--format",
        choices=["markdown"],
        default="markdown",
        help=tr(lang, "output format (default: markdown)"),
    )
    re_.add_argument("--output", type=Path, help=tr(lang, "write it here (default: standard output)"))


def _add_init(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    from compliance.cli.init_command import add_init_command

    add_init_command(sub, lang)


def _add_diff(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    from compliance.cli.baseline_commands import add_diff_command

    add_diff_command(sub, lang)


def _add_server(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    from compliance.cli.server_commands import add_server_commands

    add_server_commands(sub, parser_of, lang)


def _add_review(sub: SubParsers, parser_of: type[argparse.ArgumentParser], lang: str) -> None:
    from compliance.cli.review_commands import add_review_commands

    add_review_commands(sub, lang)


AddCommands = Callable[["SubParsers", type[argparse.ArgumentParser], str], None]
# Every command and what adds it to the parser, in the order `--help` lists them (a builder may add several).
COMMANDS: dict[str, AddCommands] = {
    "check": _add_check,
    "validate": _add_validate,
    "schema": _add_schema,
    "rules": _add_rules,
    "init": _add_init,
    "diff": _add_diff,
    "serve": _add_server,
    "admin": _add_server,
    "audit": _add_server,
    "db": _add_server,
    "verify-decision": _add_review,
    "reassess": _add_review,
}
_TOP_VALUED = ("--rules",)  # the options before the command that take a value


def command_of(argv: Sequence[str]) -> str | None:
    """The command the arguments name, when nothing before it but the top-level options; None otherwise (no
    command, an unknown one, `--help` or `--version` first): then the parser is built whole."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _TOP_VALUED:
            i += 2
        elif arg.startswith(tuple(f"{o}=" for o in _TOP_VALUED)):
            i += 1
        else:
            return arg if arg in COMMANDS else None
    return None


def _parser(lang: str = DEFAULT_LANG, only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, one that knows that command's arguments alone (building every
    command's takes longer than a `check`'s own work), which parses and reports errors the same way: its
    usage names every command all the same."""
    parser_of = parser_class(lang)
    p = parser_of(
        prog="compliance", description=tr(lang, "Law 09-08 / CNDP compliance checks for AI projects.")
    )
    p.add_argument(
        "--version", action=VersionAction, help=tr(lang, "print the package and rule pack versions")
    )
    p.add_argument(
        "--rules", type=Path, default=None, help=tr(lang, "rule pack folder (default: the bundled pack)")
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=parser_of)
    if only is None:
        for add in dict.fromkeys(COMMANDS.values()):
            add(sub, parser_of, lang)
    else:
        COMMANDS[only](sub, parser_of, lang)
        sub.metavar = "{" + ",".join(COMMANDS) + "}"  # what argparse writes from the full list of choices
    add_lang_option(p, lang)
    return p


def _report_invalid(exc: InvalidSubmission, lang: str = DEFAULT_LANG) -> int:
    from compliance.service.baseline import WHAT as ASSESSMENT
    from compliance.service.waivers import WAIVERS

    said = {
        WAIVERS: N_("error: invalid waivers file (--waivers) {source}"),
        ASSESSMENT: N_(
            "error: invalid assessment (expected the output of 'compliance check --format json') {source}"
        ),
    }.get(exc.what, N_("error: invalid submission {source}"))
    sys.stderr.write(tr(lang, said, source=exc.source) + "\n")
    for problem in exc.worded(lang):
        sys.stderr.write(f"  {problem}\n")
    return ExitCode.INVALID


def _validate(files: list[Path], lang: str) -> int:
    from compliance.service.plain_submission import read_facts

    code: int = ExitCode.OK
    for file in files:
        facts = read_facts(file)  # a valid file read without pydantic, when the cache holds its validator
        if facts is not None:
            name = facts["project_name"]
        else:
            from compliance.service.submissions import InvalidSubmission, read_submission

            try:
                name = read_submission(file, lang).project_name
            except InvalidSubmission as exc:
                code = _report_invalid(exc, lang)
                continue
        valid = tr(lang, "{file}: valid submission '{name}'", file=file, name=name)
        sys.stdout.write(valid + "\n")
    return code


def _assessor(args: argparse.Namespace) -> Assessor:
    from compliance.service.assessing import assessor_for

    return assessor_for(args.rules.resolve() if args.rules else None)


def _rule_rows(assessor: Assessor, lang: str) -> list[dict[str, Any]]:
    """One row per rule, in pack order, read from the pack's view and the rules' documents (both cached): listing
    the rules unpickles none of their models."""
    view = assessor.engine.view.rules
    rows = []
    for rule_id, doc in assessor.rule_documents.items():
        rule = view[rule_id]
        rows.append(
            {
                "id": rule_id,
                "chapter": rule.chapter,
                "severity": doc["severity"],
                "basis_status": rule.basis_status.value,
                "can_fail": doc["can_fail"],
                "title": rule.title.get(lang),
                "articles": [ref.cite(lang) for ref in rule.references],
            }
        )
    return rows


def _rules(args: argparse.Namespace, assessor: Assessor) -> int:
    if args.rules_command == "list":
        rows = _rule_rows(assessor, args.lang)
        if args.format == "json":
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        else:
            for r in sorted(rows, key=lambda r: r["id"]):
                line = f"{r['id']:36} {r['severity']:8} {r['basis_status']:10} {r['title']}  [{', '.join(r['articles'])}]"
                sys.stdout.write(line + "\n")
        return ExitCode.OK
    if args.rules_command == "show":
        data = assessor.rule_documents.get(args.rule_id)
        if data is None:
            return error(
                args.lang, tr(args.lang, "no rule '{id}' (see 'compliance rules list')", id=args.rule_id)
            )
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    from compliance.cli.output import emit
    from compliance.service.catalogue import export_catalogue  # only for this command

    emit(export_catalogue(assessor.pack), args.output)
    return ExitCode.OK


def _schema(args: argparse.Namespace) -> int:
    from compliance.cli.output import emit
    from compliance.domain.rules import Rule
    from compliance.domain.submission import Submission

    model = Rule if args.rule_schema else Submission
    schema = model.model_json_schema()
    emit(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return ExitCode.OK


def _told(exc: Exception, words: str) -> int | None:
    """The exit code of an error told in words, in the reader's language; None for any other. The kinds are
    imported here, on the way out: a command imports only what it runs."""
    from compliance.cli.remote import RemoteError
    from compliance.i18n.said import worded
    from compliance.reports import PdfRenderError
    from compliance.ruleset.locations import RulePackError
    from compliance.service.submissions import InvalidSubmission

    if isinstance(exc, InvalidSubmission):
        return _report_invalid(exc, words)
    if isinstance(exc, RulePackError):
        sys.stderr.write(tr(words, "error: the rule pack cannot be loaded") + "\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {worded(problem, words)}\n")
        return ExitCode.INVALID
    if isinstance(exc, RemoteError):
        return error(words, exc.worded(words))
    if isinstance(exc, PdfRenderError):
        return error(words, tr(words, "the PDF cannot be made: {reason}", reason=worded(exc, words)))
    return None


def _run(args: argparse.Namespace) -> int:
    command: str = args.command
    if command == "check":
        from compliance.cli.check_command import run_check

        return run_check(args, args.rules.resolve() if args.rules else None)
    if command == "validate":
        return _validate(args.file, args.lang)
    if command == "schema":
        return _schema(args)
    if command == "rules":
        return _rules(args, _assessor(args))
    if command == "diff":
        from compliance.cli.baseline_commands import run_diff

        return run_diff(args)
    if command == "init":
        from compliance.cli.init_command import run_init_command

        code = run_init_command(args)
    elif COMMANDS[command] is _add_server:
        from compliance.cli.server_commands import run_server_command

        code = run_server_command(args)
    else:
        from compliance.cli.review_commands import run_review_command

        code = run_review_command(args)
    assert code is not None
    return code


# The commands that read, assess or print once and end (the others may serve for as long as one likes).
ONE_PASS = frozenset({"check", "validate", "schema", "rules", "diff"})


def main(argv: Sequence[str] | None = None) -> int:
    # Importing a command's modules and unpickling the pack make few cycles but start the cyclic collector
    # about a hundred times (3% of a warm `check`'s instructions): it waits until the command is known, and
    # until the end of a one-pass command.
    collecting = gc.isenabled()
    gc.disable()
    import_yaml()
    try:
        given = sys.argv[1:] if argv is None else list(argv)
        words = lang_of(given)
        args = _parser(words, command_of(given)).parse_args(argv)
        if collecting and args.command not in ONE_PASS:
            gc.enable()
        try:
            return _run(args)
        except OSError as exc:
            return error(words, f"{exc.filename or ''}: {exc.strerror or exc}")
        except Exception as exc:
            code = _told(exc, words)
            if code is None:
                raise
            return code
    finally:
        if collecting:
            gc.enable()


def entry() -> None:
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `compliance rules list | head -1`: the reader had what it wanted
        from compliance.cli.output import quiet_stdout

        quiet_stdout()
        code = ExitCode.OK
    sys.exit(code)


if __name__ == "__main__":
    entry()
