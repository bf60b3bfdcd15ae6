"""Checking the audit trail (`compliance audit verify`) and changing the key that signs it."""

from __future__ import annotations

from pathlib import Path

from compliance.i18n.said import Said, said
from compliance.storage.audit_chain import ChainReport, check_checkpoints, verify_lines
from compliance.storage.faults import crash_point
from compliance.storage.protocol import AuditRepository
from compliance.storage.signing_keys import (
    CHECKPOINTS_FILE,
    KeyRing,
    PublishedKey,
    published_key_events,
    read_published,
)


def verify_audit(audit: AuditRepository, keys: KeyRing | None = None) -> ChainReport:
    # The checkpoints first, the log second: a checkpoint is written after its entry, so a log read later
    # holds every entry a checkpoint read earlier names, even while a server appends.
    checkpoints = audit.checkpoint_lines()
    lines = audit.raw_lines()
    report = verify_lines(lines)
    if keys is not None and keys.folder is not None:
        published = {k.fingerprint: k.public_key for k in keys.published()}
        check_checkpoints(report, lines, checkpoints, published)
    return report


def _held_to(lines: list[str], cp_lines: list[str], key_dir: Path | None, where: str | Said) -> ChainReport:
    """The chain checked, then held to the checkpoints signed by the keys the key folder publishes."""
    report = verify_lines(lines)
    if key_dir is not None:
        if not cp_lines and report.entries:
            report.problems.append(said("audit_no_checkpoint", where=where))
        published = {k.fingerprint: k.public_key for k in read_published(key_dir)}
        check_checkpoints(report, lines, cp_lines, published)
    return report


def verify_audit_file(path: Path, key_dir: Path | None = None) -> ChainReport:
    """Verify a log file as it is, without opening (or repairing) a store around it, and hold it to the
    signed checkpoints of the key folder when one is given."""
    checkpoints = key_dir / CHECKPOINTS_FILE if key_dir is not None else None
    cp_lines = (
        checkpoints.read_text(encoding="utf-8").splitlines() if checkpoints and checkpoints.is_file() else []
    )
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()  # after: see verify_audit
    return _held_to(lines, cp_lines, key_dir, str(checkpoints))


def verify_stored_audit(audit: AuditRepository, key_dir: Path) -> ChainReport:
    """Verify a log kept with its checkpoints (PostgreSQL) against the keys the key folder publishes,
    without opening the key ring (a verification creates no key)."""
    cp_lines = audit.checkpoint_lines()
    return _held_to(audit.raw_lines(), cp_lines, key_dir, said("database_checkpoints"))


def rotate_signing_key(keys: KeyRing, audit: AuditRepository) -> tuple[PublishedKey, PublishedKey]:
    """A new key signs from now on; the old one stays published, retired, to verify what it signed."""
    old, new = keys.rotate()
    crash_point("signing_key.published:stored")
    audit.append_missing(published_key_events(keys))
    return old, new


__all__ = ["ChainReport", "rotate_signing_key", "verify_audit", "verify_audit_file", "verify_stored_audit"]
