"""`compliance serve`, `compliance admin ...` and `compliance audit verify`.

Each takes `--data-dir` and `--key-dir` (the signing key and the audit checkpoints; default: the
`COMPLIANCE_KEY_DIR` variable, else `<data dir>-keys` beside the data folder, never inside it).

The server is started from an import string so that the command line does not import the API package
(the two are independent adapters); its settings travel in COMPLIANCE_* environment variables.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from compliance.cli.db_commands import add_db_commands, run_db_command
from compliance.cli.exit_codes import ExitCode

# The service's modules (the store, crypto) are imported by the commands that use them, so that `check`,
# `validate` and `rules` import none of them (tests/core/test_pack_cache.py).
COMMANDS = frozenset({"serve", "admin", "audit", "db"})
# The values of `Role`, here so that parsing a command line imports no storage module (test_pack_cache.py
# checks they agree).
ROLES = ("submitter", "liaison", "admin", "ci")

APP_FACTORY = "compliance.server:server_from_environment"
CREATING = (
    "create-org",
    "create-key",
    "create-user",
)  # the admin commands that may start a fresh data folder


def add_server_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    def data_dir(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--data-dir", type=Path, default=Path("data"), help="the store folder (default: ./data)"
        )
        add_key_dir_option(p)

    s = sub.add_parser("serve", help="run the HTTP API (uvicorn, one process)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes; more than 1 needs the PostgreSQL store (default: 1)",
    )
    s.add_argument(
        "--no-access-log", action="store_true", help="do not log one line per request (default: log)"
    )
    data_dir(s)

    a = sub.add_parser("admin", help="organisations, API keys and accounts")
    asub = a.add_subparsers(dest="admin_command", required=True, parser_class=parser_class)
    o = asub.add_parser("create-org", help="create an organisation")
    o.add_argument("--name", required=True, help="the organisation's name, e.g. 'Atlas Connect' (required)")
    o.add_argument("--id", dest="org_id", help="lower-case id (default: derived from the name)")
    data_dir(o)
    k = asub.add_parser("create-key", help="create an API key (shown once)")
    k.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help="submitter, ci (a pipeline: evaluate and submit only), liaison or admin (required)",
    )
    k.add_argument("--org", help="the organisation of a submitter or ci key (default: none)")
    k.add_argument("--label", default="", help="what the key is for, e.g. 'gitlab ci' (default: empty)")
    data_dir(k)
    r = asub.add_parser("revoke-key", help="revoke an API key")
    r.add_argument("key_id", help="the key's id, key_<12 hex digits> (see list-keys)")
    data_dir(r)
    lk = asub.add_parser("list-keys", help="list API keys (never their secrets)")
    lk.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    data_dir(lk)
    lo = asub.add_parser("list-orgs", help="list organisations")
    data_dir(lo)
    b = asub.add_parser("backup", help="a consistent copy of the embedded store, while its server runs")
    b.add_argument("--output", type=Path, required=True, help="a new folder for the copy (required)")
    data_dir(b)
    rk = asub.add_parser(
        "rotate-signing-key",
        help="sign new decisions and checkpoints with a new key; the old one stays published",
    )
    data_dir(rk)
    sk = asub.add_parser("list-signing-keys", help="every key that signed, with its full SHA-256 fingerprint")
    sk.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    data_dir(sk)
    cu = asub.add_parser("create-user", help="create a person's account for the web app")
    cu.add_argument("--email", required=True, help="the person's e-mail address, to sign in (required)")
    cu.add_argument("--role", required=True, choices=ROLES, help="the person's role (required)")
    cu.add_argument("--org", help="the organisation of a submitter (default: none)")
    cu.add_argument(
        "--org-admin",
        action="store_true",
        help="administrator of the organisation, needs TOTP (default: off)",
    )
    cu.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (default: off, asked at the terminal)",
    )
    data_dir(cu)

    au = sub.add_parser("audit", help="the audit trail")
    ausub = au.add_subparsers(dest="audit_command", required=True, parser_class=parser_class)
    v = ausub.add_parser(
        "verify",
        help="check the hash chain of the audit log against the signed checkpoints of the key folder",
    )
    data_dir(v)
    add_db_commands(sub, parser_class)


def add_key_dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--key-dir",
        type=Path,
        default=Path(os.environ["COMPLIANCE_KEY_DIR"]) if os.environ.get("COMPLIANCE_KEY_DIR") else None,
        help="the folder of the signing key and the audit checkpoints, kept outside the data folder "
        "(default: $COMPLIANCE_KEY_DIR, else <data dir>-keys)",
    )


def key_dir_of(args: argparse.Namespace) -> Path:
    from compliance.service.store import default_key_dir

    return Path(args.key_dir).resolve() if args.key_dir is not None else default_key_dir(args.data_dir)


def _serve(args: argparse.Namespace) -> int:
    from compliance.service.errors import StoreError
    from compliance.service.store import database_url

    try:
        on_database = database_url() is not None
    except ValueError as exc:  # a _FILE variable naming an unreadable or empty file
        sys.stderr.write(f"error: {exc}\n")
        return ExitCode.INVALID
    if args.workers < 1 or (args.workers != 1 and not on_database):
        sys.stderr.write(
            "error: --workers must be 1 on the embedded TinyDB store, which is single-process (several "
            "processes would corrupt it); set COMPLIANCE_DATABASE_URL to run several on PostgreSQL\n"
        )
        return ExitCode.INVALID
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
        sys.stderr.write(f"error: the store cannot be opened\n  {exc}\n")
        return ExitCode.INVALID
    return ExitCode.OK


def _missing_store(data_dir: Path) -> str | None:
    """Why a command that reads the embedded store cannot run on this folder; None on PostgreSQL, which
    needs no data folder (an unreadable database setting raises here, as a store error)."""
    from compliance.service.store import database_url, missing_data_dir

    return None if database_url() else missing_data_dir(data_dir)


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

    command = args.admin_command
    missing = None if command in CREATING else _missing_store(args.data_dir)
    if missing:
        sys.stderr.write(f"error: {missing}\n")
        return ExitCode.INVALID
    if command == "backup":
        return _backup(args)
    access, audit = open_admin(args.data_dir, key_dir_of(args))
    if command == "create-org":
        org = create_organisation(access, audit, args.name, args.org_id)
        sys.stdout.write(f"organisation '{org.id}' created ({org.name})\n")
    elif command == "create-key":
        key, token = create_key(access, audit, Role(args.role), args.org, args.label)
        bound = f" for organisation '{key.organisation}'" if key.organisation else ""
        sys.stdout.write(
            f"{key.role.value} key {key.id} created{bound}.\n"
            "The key is shown once and cannot be recovered; keep it secret:\n\n"
            f"{token}\n\n"
            "Send it as 'Authorization: Bearer <key>'.\n"
        )
    elif command == "revoke-key":
        key = revoke_key(access, audit, args.key_id)
        sys.stdout.write(f"key {key.id} revoked\n")
    elif command == "list-keys":
        keys = access.list_keys()
        if args.format == "json":
            rows = [k.model_dump(mode="json", exclude={"secret_hash"}) for k in keys]
            sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        else:
            for k in keys:
                state = f"revoked {k.revoked_at:%Y-%m-%d}" if k.revoked_at else "active"
                sys.stdout.write(
                    f"{k.id}  {k.role.value:9} {k.organisation or '-':20} {state:18} {k.label}\n"
                )
    elif command == "rotate-signing-key":
        old, new = rotate_signing_key(open_key_ring(args.data_dir, key_dir_of(args)), audit)
        sys.stdout.write(
            f"retired {old.fingerprint}\n"
            f"current {new.fingerprint}\n"
            "New decisions and audit checkpoints are signed with the current key (a running server picks it up "
            "at once); records signed before keep verifying with the retired key. Publish both fingerprints.\n"
        )
    elif command == "list-signing-keys":
        published = open_key_ring(args.data_dir, key_dir_of(args)).published()
        if args.format == "json":
            sys.stdout.write(json.dumps([k.model_dump(mode="json") for k in published], indent=2) + "\n")
        for pk in published if args.format == "text" else []:
            state = f"retired {pk.retired_at:%Y-%m-%d}" if pk.retired_at else "current"
            sys.stdout.write(f"{pk.fingerprint}  {state:18} since {pk.created_at:%Y-%m-%d}\n")
    elif command == "create-user":
        import getpass

        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
        accounts = Accounts(access, audit, open_admin_accounts(args.data_dir, audit))
        user = accounts.create_user(args.email, password, Role(args.role), args.org, org_admin=args.org_admin)
        factor = (
            " It must set up a second factor (TOTP) at its first sign-in." if user.needs_second_factor else ""
        )
        sys.stdout.write(f"{user.role.value} account {user.id} created.{factor}\n")
    else:
        for org in access.list_organisations():
            sys.stdout.write(f"{org.id:30} {org.name}\n")
    return ExitCode.OK


def _backup(args: argparse.Namespace) -> int:
    from compliance.service.store import database_url
    from compliance.storage.backup import backup_data_dir

    if database_url():
        sys.stderr.write("error: the store is PostgreSQL: back it up with pg_dump (docs/deployment.md)\n")
        return ExitCode.INVALID
    report = backup_data_dir(args.data_dir, args.output)
    sys.stdout.write(
        f"backup in {args.output}: {report.projects} projects, {report.versions} versions, "
        f"{report.audit_entries} audit entries (head {report.audit_head}), checked by opening it\n"
    )
    return ExitCode.OK


def _audit(args: argparse.Namespace) -> int:
    from compliance.service.audit import verify_audit_file, verify_stored_audit
    from compliance.service.store import database_url, open_admin_postgres

    missing = _missing_store(args.data_dir)
    if missing:
        sys.stderr.write(f"error: {missing}\n")
        return ExitCode.INVALID
    path = args.data_dir / "audit.log"
    url = database_url()
    if not url and not path.is_file():
        sys.stderr.write(f"error: no audit log at {path}\n")
        return ExitCode.INVALID
    key_dir = key_dir_of(args)
    if not key_dir.is_dir():
        sys.stderr.write(
            f"error: no key folder at {key_dir} (give it with --key-dir or COMPLIANCE_KEY_DIR)\n"
        )
        return ExitCode.INVALID
    if url:
        report = verify_stored_audit(open_admin_postgres(url)[1], key_dir)
    else:
        report = verify_audit_file(path, key_dir)
    if report.ok:
        sys.stdout.write(
            f"audit log intact: {report.entries} entries, head {report.head}; {report.checkpoints} signed "
            f"checkpoints verified, the last at seq {report.last_checkpoint}\n"
        )
        return ExitCode.OK
    sys.stdout.write(f"audit log BROKEN ({report.entries} entries read):\n")
    for problem in report.problems:
        sys.stdout.write(f"  {problem}\n")
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
    except (InvalidRequest, NotFound, AlreadyExists) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return ExitCode.INVALID
    except StoreError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return ExitCode.INVALID
    return None
