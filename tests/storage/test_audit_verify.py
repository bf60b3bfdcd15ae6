"""`compliance audit verify` finds an edited, a removed, a reordered and a re-hashed entry, and a tail cut off
after the last signed checkpoint; the checkpoints are signed with the key folder's key, outside the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.storage.audit_chain import hash_of
from compliance.storage.audit_file import AuditLogFile
from compliance.storage.records import AuditEvent
from compliance.storage.signing_keys import KeyRing, default_key_dir


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    log = AuditLogFile(folder / "audit.log", folder / "quarantine", KeyRing(default_key_dir(folder)))
    for n in range(5):
        log.append(
            AuditEvent(actor="key_a", action="version.submitted", organisation="atlas", target=f"prj/{n}")
        )
    return folder


def _lines(data: Path) -> list[str]:
    return (data / "audit.log").read_text().splitlines()


def _write(data: Path, lines: list[str]) -> None:
    (data / "audit.log").write_text("\n".join(lines) + "\n")


def _verify(data: Path, *extra: str) -> int:
    return main(["audit", "verify", "--data-dir", str(data), "--lang", "en", *extra])


def _rehash_from(lines: list[str], start: int) -> list[str]:
    """What a forger with write access to the data folder does: every hash from `start` on recomputed."""
    out = lines[:start]
    prev = json.loads(lines[start - 1])["hash"] if start else "sha256:" + "0" * 64
    for line in lines[start:]:
        entry = json.loads(line)
        entry["prev_hash"] = prev
        entry["hash"] = hash_of(entry)
        prev = entry["hash"]
        out.append(json.dumps(entry, sort_keys=True, separators=(",", ":")))
    return out


def test_an_intact_log_verifies_with_a_checkpoint_per_entry(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _verify(data) == 0
    out = capsys.readouterr().out
    assert "intact: 5 entries" in out and "5 signed checkpoints verified, the last at seq 5" in out
    assert not list(data.rglob("checkpoints*")), "the checkpoints must not live in the data folder"


def test_an_edited_entry_is_found(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(data)
    entry = json.loads(lines[2])
    entry["target"] = "prj/other"
    lines[2] = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    _write(data, lines)
    assert _verify(data) == 1
    assert "line 3 (seq 3): edited" in capsys.readouterr().out


def test_an_entry_rewritten_with_every_later_hash_recomputed_fails_against_the_checkpoints(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(data)
    entry = json.loads(lines[1])
    entry["actor"] = "key_b"
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    _write(data, _rehash_from(lines, 1))
    assert _verify(data) == 1
    out = capsys.readouterr().out
    assert "checkpoint at seq 2: the log's entry 2 is not the one signed" in out
    assert "checkpoint at seq 5" in out


def test_the_last_entry_dropped_fails_against_the_checkpoint(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(data, _lines(data)[:-1])
    assert _verify(data) == 1
    assert "missing tail: the last signed checkpoint is at seq 5, but the log ends at seq 4" in (
        capsys.readouterr().out
    )


def test_a_removed_entry_is_found(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(data)
    del lines[1]
    _write(data, lines)
    assert _verify(data) == 1
    out = capsys.readouterr().out
    assert "chain is broken" in out and "sequence number 3, expected 2" in out


def test_a_removed_entry_with_the_rest_renumbered_and_rehashed_is_found(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(data)
    del lines[1]
    renumbered = []
    for seq, line in enumerate(lines, start=1):
        entry = json.loads(line)
        entry["seq"] = seq
        renumbered.append(json.dumps(entry, sort_keys=True, separators=(",", ":")))
    _write(data, _rehash_from(renumbered, 1))
    assert _verify(data) == 1
    out = capsys.readouterr().out
    assert "missing tail" in out and "is not the one signed" in out


def test_reordered_entries_are_found(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(data)
    lines[1], lines[3] = lines[3], lines[1]
    _write(data, lines)
    assert _verify(data) == 1
    assert "chain is broken" in capsys.readouterr().out


def test_a_forged_checkpoint_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checkpoints = default_key_dir(data) / "checkpoints.jsonl"
    lines = checkpoints.read_text().splitlines()
    last = json.loads(lines[-1])
    last["hash"] = "sha256:" + "f" * 64
    checkpoints.write_text("\n".join([*lines[:-1], json.dumps(last)]) + "\n")
    assert _verify(data) == 1
    assert "checkpoint 5 (seq 5): its signature does not verify" in capsys.readouterr().out


def test_the_key_folder_of_another_log_does_not_vouch_for_this_one(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    AuditLogFile(other / "audit.log", other / "quarantine", KeyRing(default_key_dir(other))).append(
        AuditEvent(actor="cli", action="organisation.created", target="x")
    )
    assert _verify(data, "--key-dir", str(default_key_dir(other))) == 1
    assert "is not the one signed" in capsys.readouterr().out


def test_a_missing_log_or_key_folder_is_an_invalid_command(tmp_path: Path, data: Path) -> None:
    assert main(["audit", "verify", "--data-dir", str(tmp_path / "nothing")]) == 3
    assert _verify(data, "--key-dir", str(tmp_path / "no-keys")) == 3


def test_lines_torn_by_a_crash_are_set_aside_at_open_and_the_log_still_verifies(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = default_key_dir(data)
    with (data / "audit.log").open("a") as f:
        f.write('{"seq":6,"act')
    with (keys / "checkpoints.jsonl").open("a") as f:
        f.write('{"seq":5,"ha')
    AuditLogFile(data / "audit.log", data / "quarantine", KeyRing(keys))  # what every start does
    assert _verify(data) == 0
    assert "intact: 5 entries" in capsys.readouterr().out
    assert [p.name.split(".torn")[0] for p in (data / "quarantine").iterdir()] == ["audit.log"]
    assert [p.name.split(".torn")[0] for p in (keys / "quarantine").iterdir()] == ["checkpoints.jsonl"]


def test_events_appended_by_many_threads_at_once_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Appends that arrive together are written together (one fsync, one checkpoint of the last): every
    caller still gets its own entry, in one unbroken chain that the checkpoints pin."""
    from concurrent.futures import ThreadPoolExecutor

    folder = tmp_path / "data"
    folder.mkdir()
    log = AuditLogFile(folder / "audit.log", folder / "quarantine", KeyRing(default_key_dir(folder)))
    events = [AuditEvent(actor="key_a", action="version.submitted", target=f"prj/{n}") for n in range(40)]
    with ThreadPoolExecutor(8) as pool:
        entries = list(pool.map(log.append, events))
    assert [e.event_id for e in entries] == [e.event_id for e in events]
    assert sorted(e.seq for e in entries) == list(range(1, 41))
    assert _verify(folder) == 0
    assert "intact: 40 entries" in capsys.readouterr().out
