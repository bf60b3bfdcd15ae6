"""The `compliance` command line.

Exit codes: 0 nothing at or above the threshold fails; 1 something does; 2 only missing facts (needs_info)
stand between the project and a pass; 3 the input or the command is invalid.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NoReturn

from compliance import __version__
from compliance.cli.artifact import DOCS_URL_ENV, sarif_target_for
from compliance.cli.baseline_commands import add_diff_command, compare_with_baseline, gate, run_diff
from compliance.cli.review_commands import add_review_commands, run_review_command
from compliance.cli.server_commands import add_server_commands, run_server_command
from compliance.domain.rules import Rule, Severity
from compliance.domain.submission import Submission
from compliance.reports import ReportFormat, render
from compliance.reports.sarif import baseline_states
from compliance.ruleset.loader import RulePackError
from compliance.service.assessing import Assessor, assessor_for
from compliance.service.catalogue import export_catalogue
from compliance.service.submissions import InvalidSubmission, read_submission
from compliance.service.waivers import apply_waivers, read_waivers

EXIT_OK, EXIT_FAIL, EXIT_NEEDS_INFO, EXIT_INVALID = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a bad command; 2 means 'needs information' here, so bad usage exits 3."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="compliance", description="Law 09-08 / CNDP compliance checks for AI projects.")
    p.add_argument("--version", action="version", version=f"compliance {__version__}")
    p.add_argument("--rules", type=Path, default=None, help="rule pack folder (default: the bundled pack)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("check", help="assess a submission file and report")
    c.add_argument("file", type=Path)
    c.add_argument("--format", choices=[f.value for f in ReportFormat], default="text")
    c.add_argument("--output", type=Path, help="write the report here instead of standard output")
    c.add_argument("--fail-on", choices=[s.value for s in Severity], default="major", help="gate threshold")
    c.add_argument("--lang", choices=["fr", "en"], default="en")
    c.add_argument(
        "--waivers", type=Path, help="YAML file of approved waivers (rule_id, project, reason, ...)"
    )
    c.add_argument(
        "--as-of", type=date.fromisoformat, default=None, help="date for waiver expiry (default: today)"
    )
    c.add_argument(
        "--summary",
        action="store_true",
        help="with --format markdown: a pull-request summary that always fits in 60,000 characters",
    )
    c.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="an earlier assessment (--format json): gate only on findings new or worse than in it",
    )
    c.add_argument(
        "--source-root",
        type=Path,
        default=None,
        help="SARIF: folder the file's URI is relative to (default: the git root above the file)",
    )
    c.add_argument(
        "--docs-url",
        default=None,
        help=f"SARIF: where docs/rules.md is published, for each rule's helpUri (default: ${DOCS_URL_ENV})",
    )

    v = sub.add_parser("validate", help="check that a submission file is well-formed, without assessing it")
    v.add_argument("file", type=Path)

    s = sub.add_parser("schema", help="print the JSON Schema of the submission (or of a rule file)")
    s.add_argument("--rules", dest="rule_schema", action="store_true", help="the rule-file schema instead")
    s.add_argument("--output", type=Path)

    r = sub.add_parser("rules", help="the rule catalogue")
    rsub = r.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    rl = rsub.add_parser("list", help="one line per rule")
    rl.add_argument("--format", choices=["text", "json"], default="text")
    rl.add_argument("--lang", choices=["fr", "en"], default="en")
    rs = rsub.add_parser("show", help="one rule in full")
    rs.add_argument("rule_id")
    re_ = rsub.add_parser("export", help="the whole catalogue as a document")
    re_.add_argument("--format", choices=["markdown"], default="markdown")
    re_.add_argument("--output", type=Path)
    add_diff_command(sub)
    add_server_commands(sub, _Parser)
    add_review_commands(sub)
    return p


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


def _invalid(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return EXIT_INVALID


def _check(args: argparse.Namespace) -> int:
    if args.summary and args.format != ReportFormat.markdown.value:
        return _invalid("--summary goes with --format markdown")
    submission = read_submission(args.file)  # a bad file is reported before the pack is even loaded
    waivers = read_waivers(args.waivers) if args.waivers else []
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
    target = None
    if fmt is ReportFormat.sarif:
        text = args.file.read_text(encoding="utf-8-sig", errors="replace")
        target = sarif_target_for(args.file, text, args.source_root, args.docs_url)
    comparison = compare_with_baseline(args.baseline, assessment, args.lang) if args.baseline else None
    if target is not None and comparison is not None:
        target = replace(target, baseline=baseline_states(comparison))
    report = render(assessment, fmt, lang=args.lang, threshold=threshold, target=target, summary=args.summary)
    _emit(report, args.output)
    return gate(assessment, threshold, comparison)


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
        return EXIT_OK
    if args.rules_command == "show":
        found = pack.rule(args.rule_id)
        if found is None:
            return _invalid(f"no rule '{args.rule_id}' (see 'compliance rules list')")
        data = found.model_dump(mode="json", exclude_defaults=False)
        data["source"] = pack.sources.get(found.id)
        data["can_fail"] = found.can_fail
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    _emit(export_catalogue(pack), args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    model = Rule if args.rule_schema else Submission
    schema = model.model_json_schema()
    _emit(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = run_server_command(args)
        if code is None:
            code = run_review_command(args)
        if code is not None:
            return code
        if args.command == "schema":
            return _schema(args)
        if args.command == "validate":
            submission = read_submission(args.file)
            sys.stdout.write(f"{args.file}: valid submission '{submission.project_name}'\n")
            return EXIT_OK
        if args.command == "check":
            return _check(args)
        if args.command == "diff":
            return run_diff(args)
        return _rules(args, _assessor(args))
    except InvalidSubmission as exc:
        sys.stderr.write(f"error: invalid {exc.what} {exc.source}\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {problem}\n")
        return EXIT_INVALID
    except RulePackError as exc:
        sys.stderr.write("error: the rule pack cannot be loaded\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {problem}\n")
        return EXIT_INVALID
    except OSError as exc:
        return _invalid(f"{exc.filename or ''}: {exc.strerror or exc}")


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
