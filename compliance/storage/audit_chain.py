"""The hash chain of the audit log: each entry seals the one before it.

`hash = sha256(canonical JSON of the entry without its hash)`, and the entry holds `prev_hash`, so editing,
removing or reordering an entry breaks the chain at that point. Cutting entries off the end leaves a valid
shorter chain: compare the head that `compliance audit verify` prints with one kept elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from compliance.storage.records import AuditEntry, AuditEvent

GENESIS = "sha256:" + "0" * 64


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def hash_of(fields: dict[str, Any]) -> str:
    unsealed = {k: v for k, v in fields.items() if k != "hash"}
    return "sha256:" + hashlib.sha256(canonical(unsealed)).hexdigest()


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
            report.problems.append(f"line {number}: empty line")
            continue
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as exc:
            report.problems.append(f"line {number}: not JSON ({exc.msg})")
            continue
        if not isinstance(fields, dict) or not isinstance(fields.get("hash"), str):
            report.problems.append(f"line {number}: not an audit entry")
            continue
        report.entries += 1
        seq = fields.get("seq")
        if hash_of(fields) != fields["hash"]:
            report.problems.append(f"line {number} (seq {seq}): edited — its content does not match its hash")
        if fields.get("prev_hash") != prev:
            report.problems.append(
                f"line {number} (seq {seq}): the chain is broken — an entry before it was removed, "
                "reordered or edited"
            )
        if seq != expected_seq:
            report.problems.append(f"line {number}: sequence number {seq}, expected {expected_seq}")
        if isinstance(seq, int):
            expected_seq = seq + 1
        else:
            expected_seq += 1
        prev = fields["hash"]
    report.head = prev
    return report
