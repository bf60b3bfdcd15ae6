"""`compliance audit verify` finds an edited, a removed and a reordered entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.storage.audit_file import AuditLogFile
from compliance.storage.records import AuditEvent


@pytest.fixture
def data(tmp_path: Path) -> Path:
    log = AuditLogFile(tmp_path / "audit.log", tmp_path / "quarantine")
    for n in range(5):
        log.append(
            AuditEvent(actor="key_a", action="version.submitted", organisation="atlas", target=f"prj/{n}")
        )
    return tmp_path


def _lines(data: Path) -> list[str]:
    return (data / "audit.log").read_text().splitlines()


def _write(data: Path, lines: list[str]) -> None:
    (data / "audit.log").write_text("\n".join(lines) + "\n")


def test_an_intact_log_verifies(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--data-dir", str(data)]) == 0
    assert "intact: 5 entries" in capsys.readouterr().out


def test_an_edited_entry_is_found(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(data)
    entry = json.loads(lines[2])
    entry["target"] = "prj/other"
    lines[2] = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    _write(data, lines)
    assert main(["audit", "verify", "--data-dir", str(data)]) == 1
    assert "line 3 (seq 3): edited" in capsys.readouterr().out


def test_an_edited_entry_whose_hash_was_recomputed_breaks_the_next_link(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compliance.storage.audit_chain import hash_of

    lines = _lines(data)
    entry = json.loads(lines[1])
    entry["actor"] = "key_b"
    entry["hash"] = hash_of(entry)
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    _write(data, lines)
    assert main(["audit", "verify", "--data-dir", str(data)]) == 1
    assert "line 3 (seq 3): the chain is broken" in capsys.readouterr().out


def test_a_removed_entry_is_found(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(data)
    del lines[1]
    _write(data, lines)
    assert main(["audit", "verify", "--data-dir", str(data)]) == 1
    out = capsys.readouterr().out
    assert "chain is broken" in out and "sequence number 3, expected 2" in out


def test_reordered_entries_are_found(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(data)
    lines[1], lines[3] = lines[3], lines[1]
    _write(data, lines)
    assert main(["audit", "verify", "--data-dir", str(data)]) == 1
    assert "chain is broken" in capsys.readouterr().out


def test_a_missing_log_is_an_invalid_command(tmp_path: Path) -> None:
    assert main(["audit", "verify", "--data-dir", str(tmp_path)]) == 3
