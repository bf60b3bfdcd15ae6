"""Commands of the review workflow: `verify-decision` (offline) and `reassess` (on the server's store)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import error, say, tr
from compliance.cli.server_commands import add_key_dir_option, key_dir_of, missing_words
from compliance.i18n.said import worded


def add_review_commands(sub: Any, lang: str) -> None:
    v = sub.add_parser(
        "verify-decision",
        help=tr(lang, "check an exported decision offline, JSON or decision PDF (exit 1 if it was altered)"),
    )
    v.add_argument("file", type=Path, help=tr(lang, "the decision exported by the service (JSON or PDF)"))
    v.add_argument(
        "--audit-log",
        type=Path,
        help=tr(lang, "also find its seal in this audit log and verify the chain (default: none)"),
    )
    v.add_argument(
        "--fingerprint",
        action="append",
        help=tr(
            lang,
            "a full SHA-256 fingerprint the service publishes (GET /api/v1/decisions/public-keys), to pin the "
            "key; repeat it to accept any of several keys (default: none)",
        ),
    )
    v.add_argument(
        "--key-dir",
        type=Path,
        help=tr(
            lang,
            "the service's key folder: its published keys, and its checkpoints for --audit-log (default: none)",
        ),
    )
    r = sub.add_parser(
        "reassess",
        help=tr(
            lang,
            "assess stored submissions against the current rule pack (server stopped; else POST /api/v1/reassess)",
        ),
    )
    r.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data"),
        help=tr(lang, "the store folder, server stopped (default: ./data)"),
    )
    add_key_dir_option(r, lang)
    r.add_argument(
        "--format", choices=["text", "json"], default="text", help=tr(lang, "output format (default: text)")
    )


def run_review_command(args: argparse.Namespace) -> int | None:
    if args.command == "verify-decision":
        return _verify(args)
    if args.command == "reassess":
        return _reassess(args)
    return None


def _verify(args: argparse.Namespace) -> int:
    from compliance.service.decision_pdf import NotADecisionFile, read_decision_file
    from compliance.service.decisions import verify_export  # crypto, for this command only
    from compliance.service.store import default_key_dir

    try:
        doc = read_decision_file(args.file.read_bytes())  # the JSON export, or the decision PDF carrying it
    except FileNotFoundError:
        return error(args.lang, tr(args.lang, "{file}: no such file", file=args.file))
    except NotADecisionFile as exc:
        return error(args.lang, f"{args.file}: {worded(exc, args.lang)}")
    key_dir = args.key_dir
    if key_dir is None and args.audit_log is not None:
        # A log is only as safe as its signed checkpoints: on the service's machine, use its key folder.
        beside = default_key_dir(args.audit_log.parent)
        key_dir = beside if beside.is_dir() else None
    result = verify_export(
        doc, audit_log=args.audit_log, pinned_fingerprints=args.fingerprint, key_dir=key_dir
    )
    lang = args.lang
    for check in result.checks:
        say(lang, "ok: {check}", check=worded(check, lang))
    for problem in result.problems:
        say(lang, "FAILED: {problem}", problem=worded(problem, lang))
    verdict = tr(lang, "decision verified") if result.ok else tr(lang, "decision NOT verified")
    sys.stdout.write(verdict + "\n")
    return ExitCode.OK if result.ok else ExitCode.FAIL


def _reassess(args: argparse.Namespace) -> int:
    from compliance.service.access import CLI_ACTOR
    from compliance.service.assessing import assessor_for
    from compliance.service.errors import StoreLocked
    from compliance.service.reassess import reassess
    from compliance.service.store import missing_data_dir, open_store

    lang = args.lang
    missing = missing_data_dir(args.data_dir)
    if missing:
        return error(lang, missing_words(lang, args.data_dir))
    try:
        store = open_store(args.data_dir, key_dir_of(args))
    except StoreLocked:
        held = tr(
            lang,
            "the store {folder} is held by a running server. Stop it first, or ask the server to reassess: "
            "POST /api/v1/reassess with a liaison key (docs/review-workflow.md).",
            folder=args.data_dir,
        )
        return error(lang, held)
    try:
        changes = reassess(store, assessor_for(args.rules.resolve() if args.rules else None), CLI_ACTOR)
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(json.dumps([asdict(c) | {"changed": c.changed} for c in changes], indent=2) + "\n")
        return ExitCode.OK
    for c in changes:
        line = tr(
            lang,
            "{project} ({organisation}) v{version}: {mark}; {pack_before} -> {pack_after}; "
            "verdict {verdict_before} -> {verdict_after}",
            project=c.project_id,
            organisation=c.organisation,
            version=c.version,
            mark=tr(lang, "changed") if c.changed else tr(lang, "unchanged"),
            pack_before=c.pack_before,
            pack_after=c.pack_after,
            verdict_before=c.verdict_before,
            verdict_after=c.verdict_after,
        )
        sys.stdout.write(line + "\n")
        for rule_id, outcome in c.gained.items():
            sys.stdout.write(f"  + {rule_id}: {outcome}\n")
        for rule_id, outcome in c.lost.items():
            sys.stdout.write("  - " + tr(lang, "{rule}: was {outcome}", rule=rule_id, outcome=outcome) + "\n")
    counted = tr(
        lang,
        "{count} project(s) re-assessed, {changed} changed",
        count=len(changes),
        changed=sum(c.changed for c in changes),
    )
    sys.stdout.write(counted + "\n")
    return ExitCode.OK
