"""The `compliance` command line.

Exit codes: 0 nothing at or above the threshold fails; 1 something does; 2 only missing facts (needs_info)
stand between the project and a pass; 3 the input or the command is invalid.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from compliance import __version__
from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import DEFAULT_LANG, add_lang_option, lang_of, text
from compliance.cli.init_command import add_init_command, run_init_command
from compliance.cli.locate import fact_locator
from compliance.cli.review_commands import add_review_commands, run_review_command
from compliance.cli.server_commands import add_server_commands, run_server_command
from compliance.domain.outcomes import Assessment
from compliance.domain.rules import Rule, Severity
from compliance.domain.submission import Submission
from compliance.reports import ReportFormat, render_document
from compliance.reports.pdf import PdfRenderError
from compliance.ruleset.loader import RulePackError
from compliance.service.assessing import Assessor, assessor_for
from compliance.service.submissions import InvalidSubmission, read_submission


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a bad command; 2 means 'needs information' here, so bad usage exits 3."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.INVALID, f"{self.prog}: error: {message}\n")


def _parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    p = _Parser(prog="compliance", description=text("description", lang))
    p.add_argument("--version", action="version", version=f"compliance {__version__}")
    p.add_argument("--rules", type=Path, default=None, help=text("rules_dir", lang))
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("check", help=text("check", lang))
    c.add_argument("file", type=Path)
    c.add_argument("--format", choices=[f.value for f in ReportFormat], default="text")
    c.add_argument("--output", type=Path, help=text("output", lang))
    c.add_argument(
        "--fail-on", choices=[s.value for s in Severity], default="major", help=text("fail_on", lang)
    )
    c.add_argument("--waivers", type=Path, help=text("waivers", lang))
    c.add_argument("--as-of", type=date.fromisoformat, default=None, help=text("as_of", lang))

    v = sub.add_parser("validate", help=text("validate", lang))
    v.add_argument("file", type=Path)

    s = sub.add_parser("schema", help=text("schema", lang))
    s.add_argument("--rules", dest="rule_schema", action="store_true", help=text("rule_schema", lang))
    s.add_argument("--output", type=Path)

    r = sub.add_parser("rules", help=text("rules", lang))
    rsub = r.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    rl = rsub.add_parser("list", help=text("rules_list", lang))
    rl.add_argument("--format", choices=["text", "json"], default="text")
    rs = rsub.add_parser("show", help=text("rules_show", lang))
    rs.add_argument("rule_id")
    re_ = rsub.add_parser("export", help=text("rules_export", lang))
    re_.add_argument("--format", choices=["markdown"], default="markdown")
    re_.add_argument("--output", type=Path)
    add_init_command(sub)
    add_server_commands(sub, _Parser)
    add_review_commands(sub)
    add_lang_option(p, lang)
    return p


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


def _invalid(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return ExitCode.INVALID


def _check(args: argparse.Namespace) -> int:
    submission = read_submission(args.file)  # a bad file is reported before the pack is even loaded
    waivers = []
    if args.waivers:
        from compliance.service.waivers import apply_waivers, read_waivers  # only when asked

        waivers = read_waivers(args.waivers)
    assessor = _assessor(args)
    assessment = assessor.assess(submission)
    if waivers:
        assessment, expired = apply_waivers(assessment, waivers, args.as_of or date.today())
        for w in expired:
            sys.stderr.write(
                f"warning: the waiver of {w.rule_id} expired on {w.expires}: the finding gates again\n"
            )
    threshold = Severity(args.fail_on)
    fmt = ReportFormat(args.format)
    if fmt is ReportFormat.pdf and args.output is None:
        return _invalid("--format pdf needs --output FILE")
    text = args.file.read_text(encoding="utf-8", errors="replace") if fmt is ReportFormat.sarif else ""
    report = render_document(
        assessment,
        fmt,
        lang=args.lang,
        threshold=threshold,
        artifact=args.file.as_posix(),
        locate=fact_locator(text) if text else None,
        submission=submission,
    )
    if isinstance(report, bytes):
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(report)
    else:
        _emit(report, args.output)
    return _exit_code(assessment, threshold)


def _exit_code(assessment: Assessment, threshold: Severity) -> int:
    if assessment.failing(threshold):
        return ExitCode.FAIL
    if assessment.missing(threshold):
        return ExitCode.NEEDS_INFO
    return ExitCode.OK


def _assessor(args: argparse.Namespace) -> Assessor:
    return assessor_for(args.rules.resolve() if args.rules else None)


def _rule_line(rule: Rule, lang: str) -> str:
    arts = ", ".join(r.cite() for r in rule.references)
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
                    "articles": [ref.cite() for ref in r.references],
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
            return _invalid(f"no rule '{args.rule_id}' (see 'compliance rules list')")
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    from compliance.service.catalogue import export_catalogue  # only for this command

    _emit(export_catalogue(pack), args.output)
    return ExitCode.OK


def _schema(args: argparse.Namespace) -> int:
    model = Rule if args.rule_schema else Submission
    schema = model.model_json_schema()
    _emit(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
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
            submission = read_submission(args.file)
            message = text("valid", args.lang).format(file=args.file, name=submission.project_name)
            sys.stdout.write(message + "\n")
            return ExitCode.OK
        if args.command == "check":
            return _check(args)
        return _rules(args, _assessor(args))
    except InvalidSubmission as exc:
        sys.stderr.write(text("invalid", words).format(source=exc.source) + "\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {problem}\n")
        return ExitCode.INVALID
    except RulePackError as exc:
        sys.stderr.write("error: the rule pack cannot be loaded\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {problem}\n")
        return ExitCode.INVALID
    except PdfRenderError as exc:
        return _invalid(str(exc))
    except OSError as exc:
        return _invalid(f"{exc.filename or ''}: {exc.strerror or exc}")


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
