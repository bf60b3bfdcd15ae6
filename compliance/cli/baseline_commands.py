"""Baselines: gate only on what got worse (`check --baseline`), and `compliance diff OLD.json NEW.json`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import tr

if TYPE_CHECKING:  # the baseline's models and report are imported by the commands that compare
    from compliance.domain.baseline import Comparison
    from compliance.domain.basis import Severity
    from compliance.domain.outcomes import Assessment


def add_diff_command(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    d = sub.add_parser(
        "diff",
        help=tr(lang, "what changed between two assessments (exit 1 if a finding is new or worse)"),
        description=tr(lang, "Compare two assessments written by 'compliance check --format json'."),
    )
    d.add_argument("old", type=Path, help=tr(lang, "the earlier assessment (JSON)"))
    d.add_argument("new", type=Path, help=tr(lang, "the later assessment (JSON)"))
    d.add_argument(
        "--format", choices=["text", "json"], default="text", help=tr(lang, "output format (default: text)")
    )


def run_diff(args: argparse.Namespace) -> int:
    from compliance.domain.baseline import compare
    from compliance.reports.baseline import render_comparison
    from compliance.service.baseline import read_assessment

    old, new = read_assessment(args.old, args.lang), read_assessment(args.new, args.lang)
    comparison = compare(old, new)
    if args.format == "json":
        sys.stdout.write(json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        names = (str(args.old), str(args.new))
        sys.stdout.write(render_comparison(comparison, old, new, args.lang, names))
    return ExitCode.FAIL if comparison.regressed else ExitCode.OK


def compare_with_baseline(path: Path, current: Assessment, lang: str) -> Comparison:
    """The comparison with the baseline file, told on standard error (standard output holds the report)."""
    from compliance.domain.baseline import compare
    from compliance.reports.baseline import render_comparison
    from compliance.service.baseline import read_assessment

    baseline = read_assessment(path, lang)
    comparison = compare(baseline, current)
    sys.stderr.write(render_comparison(comparison, baseline, current, lang, (str(path), tr(lang, "current"))))
    return comparison


def gate(assessment: Assessment, threshold: Severity, comparison: Comparison | None) -> int:
    """Exit code: 1 a failure at or above the threshold, 2 only missing facts, 0 neither; with a baseline,
    only findings that are new or worse than in it count."""
    regressed = comparison.regressed if comparison is not None else None

    def counted(rule_id: str) -> bool:
        return regressed is None or rule_id in regressed

    if any(counted(f.rule_id) for f in assessment.failing(threshold)):
        return ExitCode.FAIL
    if any(counted(f.rule_id) for f in assessment.missing(threshold)):
        return ExitCode.NEEDS_INFO
    return ExitCode.OK
