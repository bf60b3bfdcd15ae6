"""`compliance admin backup` (a consistent copy of the embedded store, while its server runs) and
`compliance admin check-backup` (a copy read back as the backup reads it, e.g. before it is restored)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import error, say, tr


def add_backup_commands(asub: Any, lang: str, data_dir: Callable[[argparse.ArgumentParser], None]) -> None:
    b = asub.add_parser(
        "backup", help=tr(lang, "a consistent copy of the embedded store, while its server runs")
    )
    b.add_argument(
        "--output", type=Path, required=True, help=tr(lang, "a new folder for the copy (required)")
    )
    data_dir(b)
    c = asub.add_parser(
        "check-backup",
        help=tr(lang, "read a backup back, as it was checked when made: versions, reviews, audit chain"),
    )
    c.add_argument("folder", type=Path, metavar="FOLDER", help=tr(lang, "the backup's folder"))


def run_backup_command(args: argparse.Namespace) -> int:
    """Raises the store's errors (BackupFailed), which the command line words in the reader's language."""
    from compliance.storage.backup import backup_data_dir, check_backup

    if args.admin_command == "check-backup":
        folder, report = args.folder, check_backup(args.folder)
    else:
        from compliance.service.store import database_url

        if database_url():
            return error(
                args.lang,
                tr(args.lang, "the store is PostgreSQL: back it up with pg_dump (docs/deployment.md)"),
            )
        folder, report = args.output, backup_data_dir(args.data_dir, args.output)
    say(
        args.lang,
        "backup in {folder}: {projects} projects, {versions} versions ({reviewed} with a review, {decided} "
        "decided), {entries} audit entries (head {head}), checked by reading it back",
        folder=folder,
        **asdict(report),
    )
    say(
        args.lang,
        "beside them: {users} accounts, {drafts} drafts, {packs} rule packs, {webhooks} webhooks "
        "({pending} deliveries pending), {events} recent events",
        **asdict(report.beside),
    )
    return ExitCode.OK
