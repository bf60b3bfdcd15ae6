"""`compliance db upgrade` and `compliance db import`: the PostgreSQL store's schema and moving in.

The database URLs come from the environment or files (compliance.storage.postgres.config), never from
the command line, where other users of the machine could read them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import error, say, tr
from compliance.i18n.said import counted, worded

# The environment variables of the two database URLs, repeated here so that building the command line imports
# no storage module (a test checks they agree with compliance.storage.postgres.config).
MIGRATION = "COMPLIANCE_MIGRATION_DATABASE_URL"
SERVICE = "COMPLIANCE_DATABASE_URL"

DEFAULT_APP_ROLE = "compliance_app"


def add_db_commands(sub: Any, parser_class: type[argparse.ArgumentParser], lang: str) -> None:
    d = sub.add_parser("db", help=tr(lang, "the PostgreSQL store: schema upgrades and moving in"))
    dsub = d.add_subparsers(dest="db_command", required=True, parser_class=parser_class)
    u = dsub.add_parser(
        "upgrade",
        help=tr(
            lang,
            "apply pending schema migrations as the owner role ({variable}), then grant the service role",
            variable=MIGRATION,
        ),
    )
    u.add_argument(
        "--app-role",
        default=os.environ.get("COMPLIANCE_DB_APP_ROLE", DEFAULT_APP_ROLE),
        help=tr(
            lang,
            "the role the service connects as (default: $COMPLIANCE_DB_APP_ROLE or {role})",
            role=DEFAULT_APP_ROLE,
        ),
    )
    i = dsub.add_parser(
        "import",
        help=tr(
            lang, "copy an embedded store into the database ({variable}) and verify it", variable=SERVICE
        ),
    )
    i.add_argument(
        "--data-dir", type=Path, default=Path("data"), help=tr(lang, "the embedded store (default: ./data)")
    )


def _upgrade(args: argparse.Namespace) -> int:
    from compliance.storage.postgres.config import require_url
    from compliance.storage.postgres.migrate import upgrade

    applied = upgrade(require_url(MIGRATION), args.app_role)
    for migration in applied:
        applied_one = tr(
            args.lang,
            "applied {version} {name}",
            version=format(migration.version, "04d"),
            name=migration.name,
        )
        sys.stdout.write(applied_one + "\n")
    done = tr(args.lang, "schema up to date; role '{role}' granted the service's rights", role=args.app_role)
    sys.stdout.write(done + "\n")
    return ExitCode.OK


def _import(args: argparse.Namespace) -> int:
    from compliance.storage.postgres import Database, PoolSettings, check_schema
    from compliance.storage.postgres.config import require_url
    from compliance.storage.postgres.importer import import_store
    from compliance.storage.tinydb_store import open_tinydb_store

    if not args.data_dir.is_dir():
        return error(args.lang, tr(args.lang, "no data folder at {folder}", folder=args.data_dir))
    db = Database(require_url(SERVICE), PoolSettings(max_size=1, timeout=30))
    source = open_tinydb_store(args.data_dir)  # takes the folder's lock: stop its server first
    try:
        check_schema(db)
        report = import_store(source, db)
    finally:
        source.close()
        db.close()
    lang = args.lang
    copied, checked = counted(report.copied, lang), counted(report.checked, lang)
    say(lang, "copied (new this run): {counts}", counts=copied)
    say(lang, "verified: {counts}", counts=checked)
    say(lang, "audit head {head}", head=report.audit_head)
    if report.ok:
        say(lang, "import verified: the database holds the embedded store")
        return ExitCode.OK
    for problem in report.problems:
        sys.stdout.write(f"  {worded(problem, lang)}\n")
    return ExitCode.FAIL


def run_db_command(args: argparse.Namespace) -> int:
    from compliance.storage.postgres.config import DatabaseNotConfigured

    try:
        return _upgrade(args) if args.db_command == "upgrade" else _import(args)
    except DatabaseNotConfigured as exc:
        return error(args.lang, worded(exc, args.lang))
