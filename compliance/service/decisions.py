"""Decision records: signed when they are made, sealed into the audit log, exported and checked offline.

A record holds the hashes of the submission, of the assessment and of the rule pack it was decided on. When
a liaison decides, the record's hash is signed with the service's current key (kept in the key folder,
outside the data folder) and the signature is stored with the decision, in the same write. An export returns
the record as it was signed, with three independent proofs, each checked by `compliance verify-decision`:
1. `decision_hash`, the SHA-256 of the record's canonical JSON: any edit of the record breaks it;
2. `seal`, the audit-log entry that sealed the decision: it names the decision hash and the signing key, and
   with `--audit-log` the entry is found at its place in the verified chain;
3. `signature`, an Ed25519 signature over the decision hash: recomputing the hashes after an edit does not
   help without the private key. Pin the key's full SHA-256 fingerprint, as the service publishes it
   (`GET /api/v1/decisions/public-keys`): after a rotation, old records verify with the key that signed them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.domain.outcomes import Assessment
from compliance.domain.review import Decision
from compliance.i18n.said import said
from compliance.storage.audit_chain import check_checkpoints, digest_of, hash_of, verify_lines
from compliance.storage.signing_keys import (
    ALGORITHM,
    CHECKPOINTS_FILE,
    KeyFolderError,
    SigningKey,
    fingerprint_of,
    read_published,
    verify_signature,
)

EXPORT_FORMAT = "law0908-decision/1"
FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{64}$")


def assessment_hash(assessment: Assessment) -> str:
    """Hash of the assessment as stored: its canonical JSON."""
    return digest_of(assessment.model_dump(mode="json"))


def decision_hash(decision: Decision | dict[str, Any]) -> str:
    return digest_of(decision.model_dump(mode="json") if isinstance(decision, Decision) else decision)


def decision_event_id(digest: str) -> str:
    """The id of the audit event that seals a decision, derived from its hash: the seal can be found in
    the log from the decision alone (after a crash between the sealing and its storing)."""
    return "evt_" + digest.removeprefix("sha256:")[:24]


def sign_decision(decision: Decision, key: SigningKey) -> dict[str, Any]:
    """The signature kept with the decision: made once, when the decision is made."""
    digest = decision_hash(decision)
    return {
        "decision_hash": digest,
        "algorithm": ALGORITHM,
        "public_key": key.public_key_b64,
        "key_fingerprint": key.fingerprint,
        "value": key.sign(digest),
    }


def export_decision(
    decision: Decision, signature: dict[str, Any] | None, seal: dict[str, Any]
) -> dict[str, Any]:
    """The record as it was signed: nothing is signed here. A record stored without its signature (made
    before decisions were signed when made) is exported unsigned, and does not verify."""
    signed = dict(signature) if signature else {}
    digest = signed.pop("decision_hash", None) or decision_hash(decision)
    return {
        "format": EXPORT_FORMAT,
        "decision": decision.model_dump(mode="json"),
        "decision_hash": digest,
        "seal": seal,
        "signature": signed or None,
    }


@dataclass
class Verification:
    checks: list[str] = field(default_factory=list)  # each a `Said`, worded in the reader's language
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_export(
    doc: Any,
    *,
    audit_log: Path | None = None,
    pinned_fingerprints: list[str] | None = None,
    key_dir: Path | None = None,
) -> Verification:
    """Check an exported decision offline; every problem found is listed, not only the first.

    Trust anchors (at least one is needed): fingerprints the service published (`pinned_fingerprints`),
    the key folder (`key_dir`: its published keys, and the checkpoints the audit log must agree with), or
    the audit log the seal must stand in (`audit_log`), whose sealing entry names the signing key."""
    v = Verification()
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        v.problems.append(said("export_format", format=EXPORT_FORMAT))
        return v
    decision, digest = doc.get("decision"), doc.get("decision_hash")
    if not isinstance(decision, dict):
        v.problems.append(said("export_no_decision"))
        return v
    try:
        Decision.model_validate(decision)
    except ValueError as exc:
        v.problems.append(said("export_invalid_decision", errors=_count(exc)))
    recomputed = decision_hash(decision)
    if recomputed == digest:
        v.checks.append(said("check_hash", hash=digest))
    else:
        v.problems.append(said("export_edited"))

    pinned = list(pinned_fingerprints or [])
    for fp in pinned:
        if not FINGERPRINT.match(fp):
            v.problems.append(said("bad_fingerprint", fingerprint=fp))
    public_keys: dict[str, str] = {}
    if key_dir is not None:
        try:
            public_keys = {k.fingerprint: k.public_key for k in read_published(key_dir)}
        except KeyFolderError as exc:
            v.problems.append(exc.args[0])
        if not public_keys:
            v.problems.append(said("no_published_keys", folder=key_dir))
        pinned += list(public_keys)

    seal = doc.get("seal")
    sig = doc.get("signature")
    signer = sig.get("public_key") if isinstance(sig, dict) else None
    signer_fp = fingerprint_of(signer) if isinstance(signer, str) and _is_b64_key(signer) else None
    if not isinstance(seal, dict):
        v.problems.append(said("seal_none"))
    else:
        details = seal.get("details")
        if not isinstance(details, dict) or details.get("decision_hash") != digest:
            v.problems.append(said("seal_other_hash"))
        elif details.get("key") is not None and details.get("key") != signer_fp:
            v.problems.append(said("seal_other_key"))
        expected_target = f"{decision.get('project_id')}/{decision.get('version')}"
        if seal.get("action") != "version.decided" or seal.get("target") != expected_target:
            v.problems.append(said("seal_other_entry"))
        if hash_of(seal) != seal.get("hash"):
            v.problems.append(said("seal_edited"))
        else:
            v.checks.append(said("check_sealed", seq=seal.get("seq"), hash=seal.get("hash")))
        if audit_log is not None:
            _check_in_log(seal, audit_log, v, key_dir, public_keys)
            if (not isinstance(details, dict) or details.get("key") is None) and not pinned:
                v.problems.append(said("seal_no_key"))

    if not pinned and audit_log is None:
        # Without a trust anchor, a forger could re-sign an edited record with a key of their own.
        v.problems.append(said("no_trust_anchor"))
    if not isinstance(sig, dict):
        v.problems.append(said("signature_none"))
        return v
    value = sig.get("value")
    if (
        signer_fp is None
        or not isinstance(value, str)
        or not verify_signature(str(signer), str(digest), value)
    ):
        v.problems.append(said("signature_mismatch"))
        return v
    v.checks.append(said("check_signature", fingerprint=signer_fp))
    if pinned and signer_fp not in pinned:
        v.problems.append(said("signature_unpinned", fingerprint=signer_fp))
    return v


def _count(exc: ValueError) -> int:
    errors = getattr(exc, "errors", None)
    return len(errors()) if callable(errors) else 1


def _is_b64_key(value: str) -> bool:
    try:
        fingerprint_of(value)
    except ValueError:
        return False
    return True


def _check_in_log(
    seal: dict[str, Any], audit_log: Path, v: Verification, key_dir: Path | None, public_keys: dict[str, str]
) -> None:
    if not audit_log.is_file():
        v.problems.append(said("no_audit_log", path=audit_log))
        return
    cps = key_dir / CHECKPOINTS_FILE if key_dir is not None else None
    checkpoints = cps.read_text(encoding="utf-8").splitlines() if cps is not None and cps.is_file() else []
    lines = audit_log.read_text(encoding="utf-8").splitlines()  # after the checkpoints: a live log only grows
    report = verify_lines(lines)
    if key_dir is not None:
        check_checkpoints(report, lines, checkpoints, public_keys)
    if not report.ok:
        v.problems.append(said("chain_broken", path=audit_log, problem=report.problems[0]))
    found = False
    for line in lines:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue  # already reported by verify_lines
        found = found or (isinstance(entry, dict) and entry.get("hash") == seal.get("hash"))
    if found:
        v.checks.append(said("check_in_log", path=audit_log, entries=report.entries, head=report.head))
    else:
        v.problems.append(said("seal_not_in_log", seq=seal.get("seq"), path=audit_log))
