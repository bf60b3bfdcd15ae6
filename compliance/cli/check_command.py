"""`compliance check`: assess submission files (here, or on the service with --server) and report.

Exit codes: 0 nothing at or above the threshold fails; 1 something does; 2 only missing facts (needs_info)
stand in the way; 3 the input or the command is invalid. With several files, the worst code wins.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.cli.artifact import DOCS_URL_ENV
from compliance.cli.baseline_commands import compare_with_baseline, gate
from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import LANGS as HELP_LANGS
from compliance.cli.help_texts import error, lang_help, lang_of, tr
from compliance.cli.output import emit
from compliance.cli.remote import KEY_ENV
from compliance.domain.grades import Severity
from compliance.reports import ReportFormat, render_document
from compliance.service.plain_submission import read_facts

if TYPE_CHECKING:
    from compliance.domain.outcomes import Assessment
    from compliance.domain.submission import SubmissionData
    from compliance.service.assessing import Assessor

LANGS = list(HELP_LANGS)
ONE_FILE_ONLY = ("output", "also", "baseline", "submit")
LOCATED = (ReportFormat.sarif.value, ReportFormat.gitlab.value)  # the formats that point at lines of the file


def add_check_command(sub: argparse._SubParsersAction, lang: str = "fr") -> None:  # type: ignore[type-arg]
    c = sub.add_parser(
        "check",
        help=tr(
            lang, "assess a submission file and report (exit 0 pass, 1 fail, 2 needs information, 3 invalid)"
        ),
        description=tr(
            lang,
            "Assess submission files against the rule pack and report. With several files (a pre-commit "
            "hook), each is reported in turn and the worst exit code wins.",
        ),
    )
    c.add_argument("file", type=Path, nargs="+", help=tr(lang, "submission files (YAML or JSON)"))
    c.add_argument(
        "--format",
        choices=[f.value for f in ReportFormat],
        default="text",
        help=tr(lang, "report format (default: text)"),
    )
    c.add_argument(
        "--output",
        type=Path,
        help=tr(
            lang,
            "write the report here instead of standard output, required for pdf (default: standard output)",
        ),
    )
    c.add_argument(
        "--also",
        metavar="FORMAT=PATH",
        action="append",
        type=_also,
        default=[],
        help=tr(
            lang,
            "also write the same assessment in another format, e.g. sarif=law0908.sarif, json=law0908.json, "
            "summary=summary.md (the pull-request summary); repeatable (default: none)",
        ),
    )
    c.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="major",
        help=tr(lang, "gate threshold (default: major)"),
    )
    c.add_argument("--lang", choices=LANGS, default="fr", help=lang_help(lang))
    c.add_argument(
        "--waivers",
        type=Path,
        help=tr(lang, "YAML file of approved waivers: rule_id, project, reason... (default: none)"),
    )
    c.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        help=tr(lang, "date for waiver expiry (default: today)"),
    )
    c.add_argument(
        "--summary",
        action="store_true",
        help=tr(
            lang, "with --format markdown: a pull-request summary within 60,000 characters (default: off)"
        ),
    )
    c.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help=tr(
            lang,
            "an earlier assessment (--format json): gate only on findings new or worse than in it "
            "(default: none)",
        ),
    )
    c.add_argument(
        "--source-root",
        type=Path,
        default=None,
        help=tr(lang, "SARIF: folder the file's URI is relative to (default: the git root above the file)"),
    )
    c.add_argument(
        "--docs-url",
        default=None,
        help=tr(
            lang,
            "SARIF: where docs/rules.md is published, for each rule's helpUri (default: ${variable})",
            variable=DOCS_URL_ENV,
        ),
    )
    c.add_argument(
        "--server",
        default=None,
        help=tr(
            lang,
            "evaluate on this compliance service instead of here, with the key in ${variable} (default: here)",
            variable=KEY_ENV,
        ),
    )
    c.add_argument(
        "--submit",
        metavar="PROJECT",
        default=None,
        help=tr(
            lang,
            "with --server: store the submission as a new version of this project (default: evaluate only)",
        ),
    )
    c.add_argument(
        "--commit",
        default=None,
        help=tr(
            lang,
            "with --submit: the commit the Idempotency-Key is derived from "
            "(default: $GITHUB_SHA, $CI_COMMIT_SHA or git HEAD)",
        ),
    )


ALSO = [f.value for f in ReportFormat] + ["summary"]


def _also(value: str) -> tuple[str, Path]:
    fmt, sep, path = value.partition("=")
    if not sep or fmt not in ALSO or not path:
        raise argparse.ArgumentTypeError(
            tr(
                lang_of(sys.argv[1:]),
                "expected FORMAT=PATH with FORMAT one of {formats}",
                formats=", ".join(ALSO),
            )
        )
    return fmt, Path(path)


def _read(file: Path, lang: str) -> SubmissionData:
    """A valid file's facts read without pydantic when the cache holds its plain validator; otherwise (or when
    that validator is not sure) the model, read by pydantic, which words any problem in `lang`."""
    facts = read_facts(file)
    if facts is not None:
        return facts
    from compliance.service.submissions import read_submission

    return read_submission(file, lang)


def _assess(
    args: argparse.Namespace, file: Path, assessor: Assessor | None, read: SubmissionData | None = None
) -> tuple[SubmissionData, Assessment]:
    if args.server is None:
        assert assessor is not None and read is not None
        if isinstance(read, dict):  # the engine adds its derived facts: the report's annex reads the file's
            return read, assessor.assess_facts(dict(read))
        return read, assessor.assess(read)
    from compliance.service.submissions import read_submission

    submission = read_submission(
        file, args.lang
    )  # a bad file is told here, with its lines, before any request
    from compliance.cli.artifact import relative_name
    from compliance.cli.remote import Remote, current_commit, idempotency_key
    from compliance.reports.labels import VERDICT_LABELS

    remote = Remote.from_env(args.server, args.lang)
    raw, is_json = file.read_bytes(), file.suffix.lower() == ".json"
    if args.submit is None:
        return submission, remote.evaluate(raw, is_json)
    key = idempotency_key(
        args.commit or current_commit(file.parent), relative_name(file, args.source_root), raw
    )
    number, assessment = remote.submit(args.submit, raw, is_json, key)
    stored = tr(
        args.lang,
        "{file}: stored as version {number} of {project} ({verdict})",
        file=file,
        number=number,
        project=args.submit,
        verdict=VERDICT_LABELS[args.lang][assessment.verdict],
    )
    sys.stderr.write(stored + "\n")
    return submission, assessment


def _check_one(
    args: argparse.Namespace, file: Path, assessor: Assessor | None, read: SubmissionData | None = None
) -> int:
    submission, assessment = _assess(args, file, assessor, read)
    waivers = []
    if args.waivers:
        from compliance.service.waivers import apply_waivers, read_waivers

        waivers = read_waivers(args.waivers, args.lang)
    if waivers:
        assessment, expired = apply_waivers(assessment, waivers, args.as_of or date.today())
        for w in expired:
            expired_on = tr(
                args.lang,
                "warning: the waiver of {rule} expired on {date}: the finding gates again",
                rule=w.rule_id,
                date=w.expires,
            )
            sys.stderr.write(expired_on + "\n")
    threshold = Severity(args.fail_on)
    comparison = compare_with_baseline(args.baseline, assessment, args.lang) if args.baseline else None
    outputs = [(args.format, args.output), *args.also]
    target = None
    if any(name in LOCATED for name, _ in outputs):  # only these read the file's lines (a second YAML parse)
        from compliance.cli.artifact import source_file_for
        from compliance.reports.sarif import baseline_states

        body = file.read_text(encoding="utf-8-sig", errors="replace")
        target = source_file_for(file, body, args.source_root, args.docs_url)
        if comparison is not None:
            target = replace(target, baseline=baseline_states(comparison))
    for name, output in outputs:
        summary = name == "summary" or (args.summary and output is args.output)
        fmt = ReportFormat.markdown if name == "summary" else ReportFormat(name)
        report = render_document(
            assessment,
            fmt,
            lang=args.lang,
            threshold=threshold,
            target=target,
            summary=summary,
            submission=submission,
        )
        emit(report, output)
    return gate(assessment, threshold, comparison)


def _check_plain(
    args: argparse.Namespace, rules: Path | None, read: list[SubmissionData | None]
) -> int | None:
    """A text report of valid files read without pydantic, assessed with no model at all when the pack cache
    holds the pack's plain forms (`compliance.service.plain_check`); None for anything else, which takes the
    models' way."""
    usual = args.format == ReportFormat.text.value and not (args.also or args.waivers or args.baseline)
    facts: list[dict[str, Any]] = [r for r in read if isinstance(r, dict)]
    if not usual or len(facts) != len(read):
        return None
    from compliance.service.plain_check import plain_assessment, plain_engine_for

    engine = plain_engine_for(rules)
    if engine is None:
        return None
    from compliance.reports.text import render_text

    threshold, codes = Severity(args.fail_on), []
    for submission in facts:
        assessment = plain_assessment(engine, submission)
        emit(render_text(assessment, args.lang, threshold, submission), args.output)
        codes.append(gate(assessment, threshold, None))
    return worst(codes)


def worst(codes: list[int]) -> int:
    """Invalid beats fail beats needs information beats pass."""
    for code in (ExitCode.INVALID, ExitCode.FAIL, ExitCode.NEEDS_INFO):
        if code in codes:
            return code
    return ExitCode.OK


def run_check(args: argparse.Namespace, rules: Path | None) -> int:
    lang = args.lang
    if args.summary and args.format != ReportFormat.markdown.value:
        return error(lang, tr(lang, "--summary goes with --format markdown"))
    if (args.submit or args.commit) and not args.server:
        return error(lang, tr(lang, "--submit and --commit go with --server URL"))
    if args.format == ReportFormat.pdf.value and args.output is None:
        return error(lang, tr(lang, "--format pdf needs --output FILE"))
    if any(fmt == ReportFormat.pdf.value and path is None for fmt, path in args.also):
        return error(lang, tr(lang, "--also pdf needs a file"))
    files: list[Path] = args.file
    if len(files) > 1:
        given = [f"--{name}" for name in ONE_FILE_ONLY if getattr(args, name)]
        if given or args.format not in (ReportFormat.text.value, ReportFormat.markdown.value):
            what = ", ".join(given) or f"--format {args.format}"
            return error(
                lang,
                tr(lang, "{what} takes one submission file ({count} given)", what=what, count=len(files)),
            )
    read: list[SubmissionData | None] = [None] * len(files)
    if args.server is None:  # a bad file is reported before the pack is even loaded; each is read once
        read = [_read(file, args.lang) for file in files]
        plain = _check_plain(args, rules, read)
        if plain is not None:
            return plain
    from compliance.service.assessing import assessor_for

    assessor = assessor_for(rules) if args.server is None else None
    return worst([_check_one(args, file, assessor, sub) for file, sub in zip(files, read, strict=True)])
