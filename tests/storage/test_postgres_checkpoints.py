"""Signed checkpoints of the audit log in PostgreSQL: each append signs the new head with the deployment's
key, so a tail cut by someone with the owner's rights (the service role cannot delete) is caught."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from compliance.cli.main import main
from compliance.service.access import create_organisation
from compliance.service.audit import verify_stored_audit
from compliance.service.store import open_admin
from compliance.storage.postgres import open_postgres_store
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.records import AuditEvent
from compliance.storage.signing_keys import KeyRing


def test_a_tail_cut_after_the_last_checkpoint_is_caught(
    pg_empty: TemporaryDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keys = tmp_path / "keys"
    store = open_postgres_store(pg_empty.url(), KeyRing(keys))
    try:
        for n in range(5):
            store.audit.append(AuditEvent(actor="cli", action="organisation.created", target=f"org{n}"))
        entries = len(store.audit.raw_lines())
        report = verify_stored_audit(store.audit, keys)
        assert report.ok and report.checkpoints == entries and report.last_checkpoint == entries
    finally:
        store.close()
    monkeypatch.setenv("COMPLIANCE_DATABASE_URL", pg_empty.url())
    verify = ["audit", "verify", "--data-dir", str(tmp_path / "data"), "--key-dir", str(keys), "--lang", "en"]
    assert main(verify) == 0
    assert f"{entries} signed checkpoints verified" in capsys.readouterr().out
    with psycopg.connect(pg_empty.owner_url, autocommit=True) as conn:
        conn.execute("DELETE FROM compliance.audit_log WHERE seq > %s", (entries - 2,))
    assert main(verify) == 1
    out = capsys.readouterr().out
    assert "missing tail" in out and f"log ends at seq {entries - 2}" in out


def test_a_log_without_checkpoints_or_signed_by_another_key_fails(
    pg_empty: TemporaryDatabase, tmp_path: Path
) -> None:
    store = open_postgres_store(pg_empty.url(), KeyRing(tmp_path / "keys"))
    try:
        store.audit.append(AuditEvent(actor="cli", action="organisation.created", target="org"))
        KeyRing(tmp_path / "other")
        foreign = verify_stored_audit(store.audit, tmp_path / "other")
        assert not foreign.ok and "signed by an unknown key" in foreign.problems[0]
        with psycopg.connect(pg_empty.owner_url, autocommit=True) as conn:
            conn.execute("DELETE FROM compliance.audit_checkpoints")
        bare = verify_stored_audit(store.audit, tmp_path / "keys")
        assert [p for p in bare.problems if "no signed checkpoint" in p]
    finally:
        store.close()


def test_admin_commands_sign_with_the_shared_key_set_and_never_make_one_up(
    pg_empty: TemporaryDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_DATABASE_URL", pg_empty.url())
    access, audit = open_admin(tmp_path / "data", tmp_path / "nowhere")
    create_organisation(access, audit, "Atlas", "atlas")
    assert not (tmp_path / "nowhere").exists() and audit.checkpoint_lines() == []
    KeyRing(tmp_path / "keys")  # the folder every server shares
    access, audit = open_admin(tmp_path / "data", tmp_path / "keys")
    create_organisation(access, audit, "Sahara", "sahara")
    assert len(audit.checkpoint_lines()) == 1
    report = verify_stored_audit(audit, tmp_path / "keys")
    assert report.ok and report.last_checkpoint == 2  # the checkpoint pins the unsigned entry before it
