"""The `compliance` command line.

Exit codes: 0 nothing at or above the threshold fails; 1 something does; 2 only missing facts (needs_info)
stand between the project and a pass; 3 the input or the command is invalid.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from compliance.cli.baseline_commands import add_diff_command, run_diff
from compliance.cli.check_command import add_check_command, emit, quiet_stdout, run_check
from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import DEFAULT_LANG, N_, add_lang_option, error, lang_of, parser_class, tr
from compliance.cli.init_command import add_init_command, run_init_command
from compliance.cli.remote import RemoteError
from compliance.cli.review_commands import add_review_commands, run_review_command
from compliance.cli.server_commands import add_server_commands, run_server_command
from compliance.cli.version import VersionAction
from compliance.domain.rules import Rule
from compliance.domain.submission import Submission
from compliance.i18n.said import worded
from compliance.reports import PdfRenderError
from compliance.ruleset.locations import RulePackError
from compliance.service.assessing import Assessor, assessor_for
from compliance.service.baseline import WHAT as ASSESSMENT
from compliance.service.submissions import InvalidSubmission, read_submission
from compliance.service.waivers import WAIVERS


def _parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
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

    add_check_command(sub, lang)

    v = sub.add_parser(
        "validate", help=tr(lang, "check that a submission file is well-formed, without assessing it")
    )
    v.add_argument("file", type=Path, nargs="+", help=tr(lang, "submission files (YAML or JSON)"))

    s = sub.add_parser("schema", help=tr(lang, "print the JSON Schema of the submission (or of a rule file)"))
    s.add_argument(
        "--rules",
        dest="rule_schema",
        action="store_true",
        help=tr(lang, "the rule-file schema instead (default: off)"),
    )
    s.add_argument("--output", type=Path, help=tr(lang, "write it here (default: standard output)"))

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
    add_init_command(sub, lang)
    add_diff_command(sub, lang)
    add_server_commands(sub, parser_of, lang)
    add_review_commands(sub, lang)
    add_lang_option(p, lang)
    return p


def _report_invalid(exc: InvalidSubmission, lang: str = DEFAULT_LANG) -> int:
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
    code: int = ExitCode.OK
    for file in files:
        try:
            submission = read_submission(file, lang)
        except InvalidSubmission as exc:
            code = _report_invalid(exc, lang)
            continue
        valid = tr(lang, "{file}: valid submission '{name}'", file=file, name=submission.project_name)
        sys.stdout.write(valid + "\n")
    return code


def _assessor(args: argparse.Namespace) -> Assessor:
    return assessor_for(args.rules.resolve() if args.rules else None)


def _rule_line(rule: Rule, lang: str) -> str:
    arts = ", ".join(r.cite(lang) for r in rule.references)
    return (
        f"{rule.id:36} {rule.severity.value:8} {rule.basis_status.value:10} {rule.title.get(lang)}  [{arts}]"
    )


def _rules(args: argparse.Namespace, assessor: Assessor) -> int:
    pack = assessor.pack
    if args.rules_command == "list":
        if args.format == "json":
            rows = [
                {
                    "id": r.id,
                    "chapter": r.chapter,
                    "severity": r.severity.value,
                    "basis_status": r.basis_status.value,
                    "can_fail": r.can_fail,
                    "title": r.title.get(args.lang),
                    "articles": [ref.cite(args.lang) for ref in r.references],
                }
                for r in pack.rules
            ]
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        else:
            for rule in sorted(pack.rules, key=lambda r: r.id):
                sys.stdout.write(_rule_line(rule, args.lang) + "\n")
        return ExitCode.OK
    if args.rules_command == "show":
        data = assessor.rule_documents.get(args.rule_id)
        if data is None:
            return error(
                args.lang, tr(args.lang, "no rule '{id}' (see 'compliance rules list')", id=args.rule_id)
            )
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    from compliance.service.catalogue import export_catalogue  # only for this command

    emit(export_catalogue(pack), args.output)
    return ExitCode.OK


def _schema(args: argparse.Namespace) -> int:
    model = Rule if args.rule_schema else Submission
    schema = model.model_json_schema()
    emit(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return ExitCode.OK


def main(argv: Sequence[str] | None = None) -> int:
    words = lang_of(sys.argv[1:] if argv is None else list(argv))
    args = _parser(words).parse_args(argv)
    try:
        code = run_init_command(args)
        if code is None:
            code = run_server_command(args)
        if code is None:
            code = run_review_command(args)
        if code is not None:
            return code
        if args.command == "schema":
            return _schema(args)
        if args.command == "validate":
            return _validate(args.file, args.lang)
        if args.command == "check":
            return run_check(args, args.rules.resolve() if args.rules else None)
        if args.command == "diff":
            return run_diff(args)
        return _rules(args, _assessor(args))
    except InvalidSubmission as exc:
        return _report_invalid(exc, words)
    except RulePackError as exc:
        sys.stderr.write(tr(words, "error: the rule pack cannot be loaded") + "\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {worded(problem, words)}\n")
        return ExitCode.INVALID
    except RemoteError as exc:
        return error(words, exc.worded(words))
    except PdfRenderError as exc:
        return error(words, tr(words, "the PDF cannot be made: {reason}", reason=worded(exc, words)))
    except OSError as exc:
        return error(words, f"{exc.filename or ''}: {exc.strerror or exc}")


def entry() -> None:
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `compliance rules list | head -1`: the reader had what it wanted
        quiet_stdout()
        code = ExitCode.OK
    sys.exit(code)


if __name__ == "__main__":
    entry()
