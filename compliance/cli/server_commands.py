"""`compliance serve`, `compliance admin ...` and `compliance audit verify`.

Each takes `--data-dir` and `--key-dir` (the signing key and the audit checkpoints; default: the
`COMPLIANCE_KEY_DIR` variable, else `<data dir>-keys` beside the data folder, never inside it).

The server is started from an import string so that the command line does not import the API package
(the two are independent adapters); its settings travel in COMPLIANCE_* environment variables.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from compliance.cli.backup_commands import add_backup_commands, run_backup_command
from compliance.cli.db_commands import add_db_commands, run_db_command
from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import error, say, tr
from compliance.i18n.said import worded

# The service's modules (the store, crypto) are imported by the commands that use them, so that `check`,
# `validate` and `rules` import none of them (tests/core/test_pack_cache.py).
COMMANDS = frozenset({"serve", "admin", "audit", "db"})
# The values of `Role`, here so that parsing a command line imports no storage module (checked to agree).
ROLES = ("submitter", "liaison", "admin", "ci")

APP_FACTORY = "compliance.server:server_from_environment"
# The admin commands that may start a fresh data folder.
CREATING = ("create-org", "create-key", "create-user")


def add_server_commands(sub: Any, parser_class: type[argparse.ArgumentParser], lang: str) -> None:
    def data_dir(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--data-dir", type=Path, default=Path("data"), help=tr(lang, "the store folder (default: ./data)")
        )
        add_key_dir_option(p, lang)

    def listing(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help=tr(lang, "output format (default: text)"),
        )
        data_dir(p)

    s = sub.add_parser("serve", help=tr(lang, "run the HTTP API (uvicorn, one process)"))
    s.add_argument("--host", default="127.0.0.1", help=tr(lang, "address to listen on (default: 127.0.0.1)"))
    s.add_argument("--port", type=int, default=8000, help=tr(lang, "port to listen on (default: 8000)"))
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        help=tr(lang, "worker processes; more than 1 needs the PostgreSQL store (default: 1)"),
    )
    s.add_argument(
        "--no-access-log",
        action="store_true",
        help=tr(lang, "do not log one line per request (default: log)"),
    )
    data_dir(s)

    a = sub.add_parser("admin", help=tr(lang, "organisations, API keys and accounts"))
    asub = a.add_subparsers(dest="admin_command", required=True, parser_class=parser_class)
    o = asub.add_parser("create-org", help=tr(lang, "create an organisation"))
    o.add_argument(
        "--name", required=True, help=tr(lang, "the organisation's name, e.g. 'Atlas Connect' (required)")
    )
    o.add_argument("--id", dest="org_id", help=tr(lang, "lower-case id (default: derived from the name)"))
    data_dir(o)
    k = asub.add_parser("create-key", help=tr(lang, "create an API key (shown once)"))
    k.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help=tr(lang, "submitter, ci (a pipeline: evaluate and submit only), liaison or admin (required)"),
    )
    k.add_argument("--org", help=tr(lang, "the organisation of a submitter or ci key (default: none)"))
    k.add_argument(
        "--label", default="", help=tr(lang, "what the key is for, e.g. 'gitlab ci' (default: empty)")
    )
    data_dir(k)
    r = asub.add_parser("revoke-key", help=tr(lang, "revoke an API key"))
    r.add_argument("key_id", help=tr(lang, "the key's id, key_<12 hex digits> (see list-keys)"))
    data_dir(r)
    listing(asub.add_parser("list-keys", help=tr(lang, "list API keys (never their secrets)")))
    data_dir(asub.add_parser("list-orgs", help=tr(lang, "list organisations")))
    add_backup_commands(asub, lang, data_dir)
    rk = asub.add_parser(
        "rotate-signing-key",
        help=tr(lang, "sign new decisions and checkpoints with a new key; the old one stays published"),
    )
    data_dir(rk)
    listing(
        asub.add_parser(
            "list-signing-keys", help=tr(lang, "every key that signed, with its full SHA-256 fingerprint")
        )
    )
    cu = asub.add_parser("create-user", help=tr(lang, "create a person's account for the web app"))
    cu.add_argument(
        "--email", required=True, help=tr(lang, "the person's e-mail address, to sign in (required)")
    )
    cu.add_argument("--role", required=True, choices=ROLES, help=tr(lang, "the person's role (required)"))
    cu.add_argument("--org", help=tr(lang, "the organisation of a submitter (default: none)"))
    cu.add_argument(
        "--org-admin",
        action="store_true",
        help=tr(lang, "administrator of the organisation, needs TOTP (default: off)"),
    )
    cu.add_argument(
        "--password-stdin",
        action="store_true",
        help=tr(lang, "read the password from standard input (default: off, asked at the terminal)"),
    )
    data_dir(cu)

    au = sub.add_parser("audit", help=tr(lang, "the audit trail"))
    ausub = au.add_subparsers(dest="audit_command", required=True, parser_class=parser_class)
    v = ausub.add_parser(
        "verify",
        help=tr(
            lang, "check the hash chain of the audit log against the signed checkpoints of the key folder"
        ),
    )
    data_dir(v)
    add_db_commands(sub, parser_class, lang)


def add_key_dir_option(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument(
        "--key-dir",
        type=Path,
        default=Path(os.environ["COMPLIANCE_KEY_DIR"]) if os.environ.get("COMPLIANCE_KEY_DIR") else None,
        help=tr(
            lang,
            "the folder of the signing key and the audit checkpoints, kept outside the data folder "
            "(default: $COMPLIANCE_KEY_DIR, else <data dir>-keys)",
        ),
    )


def missing_words(lang: str, data_dir: Path) -> str:
    """Why a command that reads a store cannot run on this folder, in `lang` (service.store.missing_data_dir)."""
    if not data_dir.exists():
        return tr(
            lang, "no data folder at {folder} (give the --data-dir the server runs with)", folder=data_dir
        )
    return tr(lang, "{folder} is not a folder (give the --data-dir the server runs with)", folder=data_dir)


def key_dir_of(args: argparse.Namespace) -> Path:
    from compliance.service.store import default_key_dir

    return Path(args.key_dir).resolve() if args.key_dir is not None else default_key_dir(args.data_dir)


def _serve(args: argparse.Namespace) -> int:
    from compliance.service.errors import StoreError
    from compliance.service.store import database_url

    try:
        on_database = database_url() is not None
    except ValueError as exc:  # a _FILE variable naming an unreadable or empty file
        return error(args.lang, str(exc))
    if args.workers < 1 or (args.workers != 1 and not on_database):
        single = tr(
            args.lang,
            "--workers must be 1 on the embedded TinyDB store, which is single-process (several processes "
            "would corrupt it); set COMPLIANCE_DATABASE_URL to run several on PostgreSQL",
        )
        return error(args.lang, single)
    import uvicorn

    os.environ["COMPLIANCE_DATA_DIR"] = str(args.data_dir.resolve())
    if args.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):  # /metrics sums the workers
        import tempfile

        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="compliance-metrics-")
    os.environ["COMPLIANCE_KEY_DIR"] = str(key_dir_of(args))
    if args.rules is not None:
        os.environ["COMPLIANCE_RULES_DIR"] = str(args.rules.resolve())
    try:
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            access_log=not args.no_access_log,
            proxy_headers=False,
            server_header=False,
        )
    except StoreError as exc:
        return error(args.lang, tr(args.lang, "the store cannot be opened") + f"\n  {worded(exc, args.lang)}")
    return ExitCode.OK


def _missing_store(data_dir: Path, lang: str) -> str | None:
    """Why a command that reads the embedded store cannot run on this folder; None on PostgreSQL, which
    needs no data folder (an unreadable database setting raises here, as a store error)."""
    from compliance.service.store import database_url, missing_data_dir

    return None if database_url() or not missing_data_dir(data_dir) else missing_words(lang, data_dir)


def _admin(args: argparse.Namespace) -> int:
    from compliance.service.access import create_key, create_organisation, revoke_key
    from compliance.service.accounts import Accounts
    from compliance.service.audit import rotate_signing_key
    from compliance.service.store import (
        Role,
        open_admin,
        open_admin_accounts,
        open_key_ring,
    )

    command, lang = args.admin_command, args.lang
    if command == "check-backup":
        return run_backup_command(args)
    missing = None if command in CREATING else _missing_store(args.data_dir, lang)
    if missing:
        return error(lang, missing)
    if command == "backup":
        return run_backup_command(args)
    access, audit = open_admin(args.data_dir, key_dir_of(args))
    if command == "create-org":
        org = create_organisation(access, audit, args.name, args.org_id)
        say(lang, "organisation '{id}' created ({name})", id=org.id, name=org.name)
    elif command == "create-key":
        key, token = create_key(access, audit, Role(args.role), args.org, args.label)
        created = (
            tr(lang, "{role} key {id} created for organisation '{org}'.", org=key.organisation, **_key(key))
            if key.organisation
            else tr(lang, "{role} key {id} created.", **_key(key))
        )
        sys.stdout.write(
            f"{created}\n"
            + tr(lang, "The key is shown once and cannot be recovered; keep it secret:")
            + f"\n\n{token}\n\n"
            + tr(lang, "Send it as 'Authorization: Bearer <key>'.")
            + "\n"
        )
    elif command == "revoke-key":
        key = revoke_key(access, audit, args.key_id)
        say(lang, "key {id} revoked", id=key.id)
    elif command == "list-keys":
        keys = access.list_keys()
        if args.format == "json":
            rows = [k.model_dump(mode="json", exclude={"secret_hash"}) for k in keys]
            sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        else:
            for k in keys:
                state = (
                    tr(lang, "revoked {date}", date=k.revoked_at.strftime("%Y-%m-%d"))
                    if k.revoked_at
                    else tr(lang, "active")
                )
                sys.stdout.write(
                    f"{k.id}  {k.role.value:9} {k.organisation or '-':20} {state:18} {k.label}\n"
                )
    elif command == "rotate-signing-key":
        old, new = rotate_signing_key(open_key_ring(args.data_dir, key_dir_of(args)), audit)
        sys.stdout.write(
            tr(lang, "retired {fingerprint}", fingerprint=old.fingerprint)
            + "\n"
            + tr(lang, "current {fingerprint}", fingerprint=new.fingerprint)
            + "\n"
            + tr(
                lang,
                "New decisions and audit checkpoints are signed with the current key (a running server picks it "
                "up at once); records signed before keep verifying with the retired key. Publish both "
                "fingerprints.",
            )
            + "\n"
        )
    elif command == "list-signing-keys":
        published = open_key_ring(args.data_dir, key_dir_of(args)).published()
        if args.format == "json":
            sys.stdout.write(json.dumps([k.model_dump(mode="json") for k in published], indent=2) + "\n")
        for pk in published if args.format == "text" else []:
            state = (
                tr(lang, "retired {date}", date=pk.retired_at.strftime("%Y-%m-%d"))
                if pk.retired_at
                else tr(lang, "current")
            )
            since = tr(lang, "since {date}", date=pk.created_at.strftime("%Y-%m-%d"))
            sys.stdout.write(f"{pk.fingerprint}  {state:18} {since}\n")
    elif command == "create-user":
        password = (
            sys.stdin.readline().rstrip("\n")
            if args.password_stdin
            else getpass.getpass(tr(lang, "Password: "))
        )
        accounts = Accounts(access, audit, open_admin_accounts(args.data_dir, audit))
        user = accounts.create_user(args.email, password, Role(args.role), args.org, org_admin=args.org_admin)
        created = tr(lang, "{role} account {id} created.", role=user.role.value, id=user.id)
        factor = tr(lang, "It must set up a second factor (TOTP) at its first sign-in.")
        sys.stdout.write(f"{created} {factor}\n" if user.needs_second_factor else f"{created}\n")
    else:
        for org in access.list_organisations():
            sys.stdout.write(f"{org.id:30} {org.name}\n")
    return ExitCode.OK


def _key(key: Any) -> dict[str, str]:
    return {"role": key.role.value, "id": key.id}


def _audit(args: argparse.Namespace) -> int:
    from compliance.service.audit import verify_audit_file, verify_stored_audit
    from compliance.service.store import database_url, open_admin_postgres

    lang = args.lang
    missing = _missing_store(args.data_dir, lang)
    if missing:
        return error(lang, missing)
    path = args.data_dir / "audit.log"
    url = database_url()
    if not url and not path.is_file():
        return error(lang, tr(lang, "no audit log at {path}", path=path))
    key_dir = key_dir_of(args)
    if not key_dir.is_dir():
        return error(
            lang,
            tr(
                lang,
                "no key folder at {folder} (give it with --key-dir or COMPLIANCE_KEY_DIR)",
                folder=key_dir,
            ),
        )
    if url:
        report = verify_stored_audit(open_admin_postgres(url)[1], key_dir)
    else:
        report = verify_audit_file(path, key_dir)
    if report.ok:
        say(
            lang,
            "audit log intact: {entries} entries, head {head}; {checkpoints} signed checkpoints verified, "
            "the last at seq {last}",
            entries=report.entries,
            head=report.head,
            checkpoints=report.checkpoints,
            last=report.last_checkpoint,
        )
        return ExitCode.OK
    say(lang, "audit log BROKEN ({entries} entries read):", entries=report.entries)
    for problem in report.problems:
        sys.stdout.write(f"  {worded(problem, lang)}\n")
    return ExitCode.FAIL


def run_server_command(args: argparse.Namespace) -> int | None:
    """The exit code of a server, admin or audit command; None for other commands."""
    if args.command not in COMMANDS:
        return None
    from compliance.service.errors import AlreadyExists, InvalidRequest, NotFound, StoreError

    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "admin":
            return _admin(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "db":
            return run_db_command(args)
    except (InvalidRequest, NotFound, AlreadyExists, StoreError) as exc:
        return error(args.lang, worded(exc, args.lang))
    return None
