"""The hash chain of the audit log and its signed checkpoints.

`hash = sha256(canonical JSON of the entry without its hash)`, and the entry holds `prev_hash`, so editing,
removing or reordering an entry breaks the chain at that point. Whoever can write the log could still edit
an entry and recompute every later hash, or cut entries off the end: so after each append the head (its
sequence number and hash) is signed with the service's key into a checkpoint kept in the key folder,
outside the data folder. A checkpoint pins every entry up to it: an edited or re-hashed entry no longer
leads to the checkpointed hash, and a log that ends before the last checkpoint lost its tail.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from compliance.i18n.said import said
from compliance.storage.records import AuditEntry, AuditEvent
from compliance.storage.signing_keys import SigningKey, verify_signature

GENESIS = "sha256:" + "0" * 64


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest_of(data: dict[str, Any]) -> str:
    """The SHA-256 of a record's canonical JSON: an entry's hash, a decision's hash."""
    return "sha256:" + hashlib.sha256(canonical(data)).hexdigest()


def hash_of(fields: dict[str, Any]) -> str:
    return digest_of({k: v for k, v in fields.items() if k != "hash"})


def seal(event: AuditEvent, seq: int, at: datetime, prev_hash: str) -> AuditEntry:
    """The entry, its hash computed over exactly the JSON that will be stored."""
    unsealed = AuditEntry.model_validate(
        event.model_dump() | {"seq": seq, "at": at, "prev_hash": prev_hash, "hash": ""}
    )
    return unsealed.model_copy(update={"hash": hash_of(unsealed.model_dump(mode="json"))})


def line_of(entry: AuditEntry) -> str:
    return json.dumps(
        entry.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


@dataclass
class ChainReport:
    entries: int = 0
    head: str = GENESIS
    problems: list[str] = field(default_factory=list)
    checkpoints: int = 0
    last_checkpoint: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_lines(lines: Iterable[str]) -> ChainReport:
    """Check every line: its own hash, its link to the previous entry and its sequence number."""
    report = ChainReport()
    prev = GENESIS
    expected_seq = 1
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            report.problems.append(said("audit_empty_line", line=number))
            continue
        try:
            fields = json.loads(line)
        except json.JSONDecodeError:
            report.problems.append(said("audit_not_json", line=number))
            continue
        if not isinstance(fields, dict) or not isinstance(fields.get("hash"), str):
            report.problems.append(said("audit_not_entry", line=number))
            continue
        report.entries += 1
        seq = fields.get("seq")
        if hash_of(fields) != fields["hash"]:
            report.problems.append(said("audit_edited", line=number, seq=seq))
        if fields.get("prev_hash") != prev:
            report.problems.append(said("audit_chain_broken", line=number, seq=seq))
        if seq != expected_seq:
            report.problems.append(said("audit_sequence", line=number, seq=seq, expected=expected_seq))
        if isinstance(seq, int):
            expected_seq = seq + 1
        else:
            expected_seq += 1
        prev = fields["hash"]
    report.head = prev
    return report


def checkpoint_message(seq: int, digest: str, at: str, key: str) -> str:
    return canonical({"seq": seq, "hash": digest, "at": at, "key": key}).decode()


def make_checkpoint(entry: AuditEntry, key: SigningKey) -> dict[str, Any]:
    """The head after `entry`, signed: what the key folder keeps."""
    at = entry.at.isoformat()
    return {
        "seq": entry.seq,
        "hash": entry.hash,
        "at": at,
        "key": key.fingerprint,
        "signature": key.sign(checkpoint_message(entry.seq, entry.hash, at, key.fingerprint)),
    }


def check_checkpoints(
    report: ChainReport, lines: list[str], checkpoints: Iterable[str], public_keys: dict[str, str]
) -> None:
    """Hold the log to its signed checkpoints: each must be signed by a published key and name an entry
    the log still holds, with the same hash. `public_keys` maps fingerprints to public keys."""
    hashes: dict[int, str] = {}
    for line in lines:
        try:
            fields = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(fields, dict) and isinstance(fields.get("seq"), int):
            hashes.setdefault(fields["seq"], str(fields.get("hash")))
    last_seq = max(hashes, default=0)
    for number, line in enumerate(checkpoints, start=1):
        try:
            cp = json.loads(line)
            seq, digest, at, key, signature = (
                int(cp["seq"]),
                str(cp["hash"]),
                str(cp["at"]),
                str(cp["key"]),
                str(cp["signature"]),
            )
        except (ValueError, KeyError, TypeError):
            report.problems.append(said("checkpoint_invalid", number=number))
            continue
        public = public_keys.get(key)
        if public is None:
            report.problems.append(said("checkpoint_unknown_key", number=number, seq=seq, key=key))
            continue
        if not verify_signature(public, checkpoint_message(seq, digest, at, key), signature):
            report.problems.append(said("checkpoint_bad_signature", number=number, seq=seq))
            continue
        report.checkpoints += 1
        report.last_checkpoint = max(report.last_checkpoint, seq)
        if seq not in hashes:
            if seq > last_seq:
                continue  # reported once below
            report.problems.append(said("checkpoint_entry_removed", seq=seq))
        elif hashes[seq] != digest:
            report.problems.append(said("checkpoint_entry_changed", seq=seq))
    if report.last_checkpoint > last_seq:
        report.problems.append(said("audit_tail_cut", last=report.last_checkpoint, end=last_seq))
