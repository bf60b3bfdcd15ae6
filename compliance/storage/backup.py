"""A backup of the embedded store while its server runs (`compliance admin backup`).

The copy is made in the order that keeps it consistent without stopping the server, relying on how the
store writes: every file is replaced atomically (never torn), version payloads are written once and
before the project file that records them, and an audit entry is appended only after its change is
stored. So the copy takes access.json, then the audit log up to its last whole line, then each project
file followed by the payloads it records and its journal up to the last whole record (a version's summary,
payload and audit event are one record there). Every audit entry in the copy then describes a change that is
in the copy too (or waits in its project file's outbox or journal, logged when the copy is opened); the organisation
indexes are rebuilt from the project files when the copy is opened. Then the rest of the folder, in the order
the store writes it (backup_tables): accounts and drafts, rule packs, recent events, webhooks with the outbox
of their deliveries. The backup reads the copy back to check it. The copy is a data folder: restore it by
stopping the server and putting it in place. The key folder (signing keys, signed checkpoints) lives apart
from the data and is backed up apart.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import zstandard

from compliance.i18n.said import said
from compliance.storage.atomic_files import fsync_dir, read_shared
from compliance.storage.audit_chain import verify_lines
from compliance.storage.backup_reviews import ProjectLog, ReviewTally, check_reviews, logged_by_project
from compliance.storage.backup_tables import (
    TablesReport,
    check_tables,
    copy_tables,
    whole_lines,
    write_private,
)
from compliance.storage.codec import version_from_parts
from compliance.storage.errors import BackupFailed
from compliance.storage.records import ORG_ID, PROJECT_ID
from compliance.storage.tinydb_files import PAYLOAD_SUFFIX, PROJECT_FILE
from compliance.storage.version_journal import JOURNAL_FILE, Record, read_whole


@dataclass
class BackupReport:
    projects: int
    versions: int
    reviewed: int  # versions with a review record
    decided: int  # versions with a decision
    entries: int  # of the audit log
    head: str  # the hash of its last entry
    beside: TablesReport = field(default_factory=TablesReport)  # accounts, drafts, packs, webhooks, events


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)


def _copy_audit(source: Path, target: Path) -> None:
    """The log up to its last whole line, read under the lock its writers take."""
    if not source.exists():
        return
    with open(source, "rb") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        data = fh.read()
    write_private(target, whole_lines(data))


def _copy_project(project_dir: Path, target: Path) -> int | None:
    """The project file, then the payloads it records (all on disk already: they are written first), then
    the journal up to its last whole record (appended after the project file was written). None when the
    project was erased while it was being copied; a payload missing while the project file is there is
    damage, refused (an erasure removes the project file first)."""
    try:
        raw = read_shared(project_dir / PROJECT_FILE)  # its writer reuses a spare inode
    except FileNotFoundError:
        return None
    numbers = {int(doc["number"]) for doc in json.loads(raw).get("versions", {}).values()}
    target.mkdir(parents=True, exist_ok=True)
    for number in sorted(numbers):
        path = project_dir / f"v{number}{PAYLOAD_SUFFIX}"
        try:
            _copy(path, target / path.name)
        except FileNotFoundError:
            shutil.rmtree(target, ignore_errors=True)
            if not (project_dir / PROJECT_FILE).exists():
                return None
            raise BackupFailed(
                said("backup_payload_missing", project=project_dir.name, number=number, file=path)
            ) from None
    records, whole = read_whole(project_dir / JOURNAL_FILE)
    if not (project_dir / PROJECT_FILE).exists():  # erased meanwhile: its journal may be gone or partial
        shutil.rmtree(target, ignore_errors=True)
        return None
    if records:
        (target / JOURNAL_FILE).write_bytes(whole)
        os.chmod(target / JOURNAL_FILE, 0o600)
    (target / PROJECT_FILE).write_bytes(raw)
    return len(numbers | {int(r.doc["number"]) for r in records})


def backup_data_dir(data_dir: Path, output: Path) -> BackupReport:
    root = data_dir.resolve()
    if not (root / "access.json").exists() and not (root / "orgs").is_dir():
        raise BackupFailed(said("backup_not_data", folder=root))
    if output.exists():
        raise BackupFailed(said("backup_exists", folder=output))
    output.mkdir(parents=True)
    os.chmod(output, 0o700)
    try:
        return _copy_and_check(root, output)
    except BaseException:
        shutil.rmtree(output, ignore_errors=True)  # a copy that failed its check is never left to restore
        raise


def _copy_and_check(root: Path, output: Path) -> BackupReport:
    access = root / "access.json"
    if access.exists():
        with open(root / "access.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_SH)
            _copy(access, output / "access.json")
    _copy_audit(root / "audit.log", output / "audit.log")
    projects = versions = 0
    orgs = root / "orgs"
    for org in sorted(orgs.iterdir()) if orgs.is_dir() else []:
        if not ORG_ID.match(org.name) or not (org / "projects").is_dir():
            continue
        (output / "orgs" / org.name / "projects").mkdir(parents=True, exist_ok=True)
        for project_dir in sorted((org / "projects").iterdir()):
            if not PROJECT_ID.match(project_dir.name):
                continue
            copied = _copy_project(project_dir, output / "orgs" / org.name / "projects" / project_dir.name)
            if copied is not None:
                projects, versions = projects + 1, versions + copied
    copy_tables(root, output)
    fsync_dir(output)
    return _check(output, projects, versions)


def check_backup(folder: Path) -> BackupReport:
    """A copy read back as the backup read it when it made it (before restoring it, say)."""
    root = folder.resolve()
    if not (root / "audit.log").exists() and not (root / "orgs").is_dir():
        raise BackupFailed(said("backup_not_data", folder=root))
    return _check(root, len(list(root.glob(f"orgs/*/projects/*/{PROJECT_FILE}"))), None)


def _check(output: Path, projects: int, versions: int | None) -> BackupReport:
    """Read the copy back: every project file parsed, every payload decompressed against its checksum,
    the audit chain verified, every version the copied log says was submitted is in the copy (a journal
    whose last record was damaged would end before it), and so is every review change it logged, whole
    (backup_reviews). (It is not opened as a store: that would recover and log into the copy.)"""
    audit = output / "audit.log"
    lines = audit.read_text(encoding="utf-8").splitlines() if audit.exists() else []
    logged = logged_by_project(lines)
    read, tally = 0, ReviewTally()
    for project_file in sorted(output.glob(f"orgs/*/projects/*/{PROJECT_FILE}")):
        project_dir = project_file.parent
        project = json.loads(project_file.read_bytes())
        records, whole = read_whole(project_dir / JOURNAL_FILE)
        stored = _stored_versions(project_dir, project, records, whole)
        log = logged.get(project_dir.name, ProjectLog())
        lost = log.submitted() - set(stored)
        if lost:
            raise BackupFailed(
                said("backup_unreadable", project=project_dir.name, number=min(lost), error="missing")
            )
        for number, (doc, payload) in sorted(stored.items()):
            try:
                version_from_parts(doc, payload(), project_dir.name, project_dir.parent.parent.name)
            except (ValueError, KeyError, zstandard.ZstdError) as exc:
                raise BackupFailed(
                    said(
                        "backup_unreadable", project=project_dir.name, number=number, error=type(exc).__name__
                    )
                ) from None
            read += 1
        found = check_reviews(
            project_dir.name,
            {number: doc for number, (doc, _) in stored.items()},
            records,
            log,
            before_journal=bool(project.get("versions")),
        )
        tally.reviewed, tally.decided = tally.reviewed + found.reviewed, tally.decided + found.decided
    chain = verify_lines(lines)
    if not chain.ok:
        raise BackupFailed(said("backup_chain", problems=tuple(chain.problems[:3])))
    if versions is not None and read != versions:
        raise BackupFailed(said("backup_count", read=read, copied=versions))
    beside = check_tables(output)
    return BackupReport(
        projects=projects,
        versions=read,
        reviewed=tally.reviewed,
        decided=tally.decided,
        entries=chain.entries,
        head=chain.head,
        beside=beside,
    )


def _stored_versions(
    project_dir: Path, project: dict[str, Any], records: list[Record], whole: bytes
) -> dict[int, tuple[dict[str, Any], Callable[[], bytes]]]:
    """Each version's latest summary and how to read its payload: project.json's, then the journal's. A
    review record of a version that has none is left for check_reviews to name."""
    found: dict[int, tuple[dict[str, Any], Callable[[], bytes]]] = {}
    for doc in project.get("versions", {}).values():
        path = project_dir / f"v{doc['number']}{PAYLOAD_SUFFIX}"
        found[int(doc["number"])] = (doc, path.read_bytes)
    for record in records:
        number = int(record.doc["number"])
        if record.payload is not None:
            found[number] = (record.doc, partial(_part, whole, *record.payload))
        elif number in found:
            found[number] = (record.doc, found[number][1])
    return found


def _part(data: bytes, start: int, size: int) -> bytes:
    return data[start : start + size]
