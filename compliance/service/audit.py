"""Checking the audit trail: `compliance audit verify`."""

from __future__ import annotations

from pathlib import Path

from compliance.storage.audit_chain import ChainReport, verify_lines
from compliance.storage.protocol import AuditRepository


def verify_audit(audit: AuditRepository) -> ChainReport:
    return verify_lines(audit.raw_lines())


def verify_audit_file(path: Path) -> ChainReport:
    """Verify a log file as it is, without opening (or repairing) a store around it."""
    return verify_lines(path.read_text(encoding="utf-8", errors="replace").splitlines())


__all__ = ["ChainReport", "verify_audit", "verify_audit_file"]
