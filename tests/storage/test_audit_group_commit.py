"""The audit log's group commit under many threads: each caller's entry is the one on disk for its event, the
sequence has no gap, the chain and the checkpoints (one a batch, of its last entry) verify."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from compliance.storage.audit_chain import check_checkpoints, verify_lines
from compliance.storage.audit_file import AuditLogFile
from compliance.storage.records import AuditEntry, AuditEvent
from compliance.storage.signing_keys import KeyRing, default_key_dir


def test_many_threads_appending_at_once_each_get_their_own_entry(tmp_path: Path) -> None:
    keys = KeyRing(default_key_dir(tmp_path))
    log = AuditLogFile(tmp_path / "audit.log", tmp_path / "quarantine", keys)
    got: dict[str, AuditEntry] = {}
    start = threading.Barrier(16)

    def writer(n: int) -> None:
        start.wait()
        for i in range(15):
            event = AuditEvent(
                actor="key_a", action="version.submitted", organisation="atlas", target=f"{n}/{i}"
            )
            got[event.event_id] = log.append(event)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    lines = log.raw_lines()
    assert len(got) == len(lines) == 16 * 15
    on_disk = {json.loads(line)["event_id"]: json.loads(line) for line in lines}
    for event_id, entry in got.items():
        assert entry.model_dump(mode="json") == on_disk[event_id]
    report = verify_lines(lines)
    checkpoints = log.checkpoint_lines()
    check_checkpoints(report, lines, checkpoints, {keys.current().fingerprint: keys.current().public_key_b64})
    assert report.ok, report.problems
    assert report.last_checkpoint == len(lines)
    assert 1 <= len(checkpoints) <= len(lines)
