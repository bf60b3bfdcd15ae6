"""Decision records: sealed into the audit log, signed, exported and checked offline.

A record holds the hashes of the submission, of the assessment and of the rule pack it was decided on. Its
export carries three independent proofs, each checked by `compliance verify-decision`:
1. `decision_hash`, the SHA-256 of the record's canonical JSON: any edit of the record breaks it;
2. `seal`, the audit-log entry that sealed the decision: it names the decision hash and its own hash covers it,
   and with `--audit-log` the entry is found at its place in the verified chain;
3. `signature`, an Ed25519 signature by the service's decision key over the decision hash: recomputing the
   hashes after an edit does not help without the private key. Compare the key's fingerprint with the one the
   service publishes (`GET /api/v1/decisions/public-key`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from compliance.domain.outcomes import Assessment
from compliance.domain.review import Decision
from compliance.storage.audit_chain import canonical, hash_of, verify_lines

EXPORT_FORMAT = "law0908-decision/1"
KEY_FILE = "decision-signing-key.pem"
KEYS_DIR = "keys"  # inside the data folder


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def assessment_hash(assessment: Assessment) -> str:
    """Hash of the assessment as stored: its canonical JSON."""
    return sha256(canonical(assessment.model_dump(mode="json")))


def decision_hash(decision: Decision | dict[str, Any]) -> str:
    data = decision.model_dump(mode="json") if isinstance(decision, Decision) else decision
    return sha256(canonical(data))


class SigningKey:
    """The service's Ed25519 decision key, kept in the data folder (created on first use, mode 0600)."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private

    @classmethod
    def load_or_create(cls, folder: Path) -> SigningKey:
        path = folder / KEY_FILE
        if path.exists():
            if path.stat().st_mode & 0o077:
                raise PermissionError(
                    f"{path}: the decision key must be readable by its owner only (chmod 600)"
                )
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError(f"{path}: not an Ed25519 private key")
            return cls(key)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-")
        try:
            os.fchmod(fd, 0o600)  # whatever the umask: only the service's user may read the key
            with os.fdopen(fd, "wb") as fh:
                fh.write(pem)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return cls(private)

    @classmethod
    def ephemeral(cls) -> SigningKey:
        """A key for a store that keeps nothing (tests, dry runs): it dies with the process."""
        return cls(Ed25519PrivateKey.generate())

    @property
    def public_key_b64(self) -> str:
        raw = self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return base64.b64encode(raw).decode()

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key_b64)

    def sign(self, message: str) -> str:
        return base64.b64encode(self._private.sign(message.encode())).decode()


def fingerprint_of(public_key_b64: str) -> str:
    return sha256(base64.b64decode(public_key_b64))[:23]


def export_decision(decision: Decision, seal: dict[str, Any], key: SigningKey) -> dict[str, Any]:
    digest = decision_hash(decision)
    return {
        "format": EXPORT_FORMAT,
        "decision": decision.model_dump(mode="json"),
        "decision_hash": digest,
        "seal": seal,
        "signature": {
            "algorithm": "ed25519",
            "public_key": key.public_key_b64,
            "key_fingerprint": key.fingerprint,
            "value": key.sign(digest),
        },
    }


@dataclass
class Verification:
    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_export(
    doc: Any, *, audit_log: Path | None = None, pinned_fingerprint: str | None = None
) -> Verification:
    """Check an exported decision offline; every problem found is listed, not only the first."""
    v = Verification()
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        v.problems.append(f"not a decision export (expected format '{EXPORT_FORMAT}')")
        return v
    decision, digest = doc.get("decision"), doc.get("decision_hash")
    if not isinstance(decision, dict):
        v.problems.append("decision: missing")
        return v
    try:
        Decision.model_validate(decision)
    except ValueError as exc:
        v.problems.append(f"decision: not a valid record ({str(exc).splitlines()[0]})")
    recomputed = decision_hash(decision)
    if recomputed == digest:
        v.checks.append(f"decision hash matches the record ({digest})")
    else:
        v.problems.append("decision_hash: the record was edited — its content does not match its hash")

    seal = doc.get("seal")
    if not isinstance(seal, dict):
        v.problems.append("seal: missing")
    else:
        details = seal.get("details")
        if not isinstance(details, dict) or details.get("decision_hash") != digest:
            v.problems.append("seal: the audit entry does not name this decision hash")
        expected_target = f"{decision.get('project_id')}/{decision.get('version')}"
        if seal.get("action") != "version.decided" or seal.get("target") != expected_target:
            v.problems.append("seal: not the entry that decided this version")
        if hash_of(seal) != seal.get("hash"):
            v.problems.append("seal: the audit entry was edited — its content does not match its hash")
        else:
            v.checks.append(f"sealed by audit entry {seal.get('seq')} ({seal.get('hash')})")
        if audit_log is not None:
            _check_in_log(seal, audit_log, v)

    if pinned_fingerprint is None and audit_log is None:
        # Without a trust anchor, a forger could re-sign an edited record with a key of their own.
        v.problems.append(
            "no trust anchor: pass --fingerprint (GET /api/v1/decisions/public-key) or --audit-log to verify"
        )
    sig = doc.get("signature")
    if not isinstance(sig, dict):
        v.problems.append("signature: missing")
        return v
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(sig["public_key"]))
        public.verify(base64.b64decode(sig["value"]), str(digest).encode())
        fp = fingerprint_of(sig["public_key"])
        v.checks.append(f"signature valid, key fingerprint {fp}")
        if pinned_fingerprint is not None and fp != pinned_fingerprint:
            v.problems.append(f"signature: made with key {fp}, not the pinned key {pinned_fingerprint}")
    except (InvalidSignature, KeyError, ValueError, TypeError):
        v.problems.append("signature: does not match the decision hash")
    return v


def _check_in_log(seal: dict[str, Any], audit_log: Path, v: Verification) -> None:
    if not audit_log.is_file():
        v.problems.append(f"{audit_log}: no such audit log")
        return
    lines = audit_log.read_text(encoding="utf-8").splitlines()
    report = verify_lines(lines)
    if not report.ok:
        v.problems.append(f"{audit_log}: the audit chain does not verify ({report.problems[0]})")
    found = False
    for line in lines:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue  # already reported by verify_lines
        found = found or (isinstance(entry, dict) and entry.get("hash") == seal.get("hash"))
    if found:
        v.checks.append(f"seal found in {audit_log} ({report.entries} entries, head {report.head})")
    else:
        v.problems.append(f"seal: entry {seal.get('seq')} is not in {audit_log}")
