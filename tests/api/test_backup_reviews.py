"""`compliance admin backup` and the review records: a data folder made by the real server (reviews,
judgements, a waiver, comments, a signed and sealed decision), backed up whole and read back record for
record; then the same folder damaged in the ways a review record can be lost, each refused by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from compliance.cli.main import main
from compliance.storage.backup import backup_data_dir
from compliance.storage.errors import BackupFailed
from compliance.storage.records import Role
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store
from compliance.storage.version_journal import JOURNAL_FILE, read_whole
from tests.api.conftest import ROOT, YAML, ServerFactory, new_project

OPINION = "Le traitement est conforme après les corrections demandées."


def _submit(c: httpx.Client, example: str, project: str | None = None) -> str:
    project = project or new_project(c, example)
    facts = yaml.safe_load((ROOT / "examples" / f"{example}.yaml").read_text(encoding="utf-8"))
    r = c.post(f"/api/v1/projects/{project}/versions", content=yaml.safe_dump(facts), headers=YAML)
    assert r.status_code == 201, r.text
    return project


def _revision(c: httpx.Client, project: str, number: int) -> int:
    r = c.get(f"/api/v1/projects/{project}/versions/{number}/review")
    assert r.status_code == 200, r.text
    revision: int = r.json()["revision"]
    return revision


def _act(c: httpx.Client, project: str, number: int, action: str, **text: str) -> None:
    body = {"action": action, "revision": _revision(c, project, number), **text}
    r = c.post(f"/api/v1/projects/{project}/versions/{number}/review/actions", json=body)
    assert r.status_code == 200, r.text


def _judge(c: httpx.Client, project: str, number: int, rule: str, **body: Any) -> None:
    body["revision"] = _revision(c, project, number)
    r = c.put(f"/api/v1/projects/{project}/versions/{number}/review/findings/{rule}", json=body)
    assert r.status_code == 200, r.text


def _open_rules(c: httpx.Client, project: str, number: int) -> list[str]:
    r = c.get(f"/api/v1/projects/{project}/versions/{number}")
    assert r.status_code == 200, r.text
    findings = r.json()["assessment"]["findings"]
    return [f["rule_id"] for f in findings if f["outcome"] in ("fail", "incomplete")]


@pytest.fixture
def reviewed(server_factory: ServerFactory, tmp_path: Path) -> Path:
    """A data folder with every kind of review record, made through the API; the server is stopped."""
    server = server_factory(None)
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("liaison", Role.liaison)
    server.start(extra_env={"COMPLIANCE_ASSESS_WORKERS": "0"})
    with server.client("atlas") as c:
        decided = _submit(c, "microcredit-scoring")
        open_review = _submit(c, "darija-support-chatbot")
        _submit(c, "darija-support-chatbot", open_review)  # version 1 is superseded, version 2 in review
    with server.client("liaison") as c:
        rules = _open_rules(c, decided, 1)
        _act(c, decided, 1, "start_review")
        _judge(c, decided, 1, rules[0], judgement="confirmed")
        _judge(
            c,
            decided,
            1,
            rules[1],
            judgement="waived",
            reason="Mise à jour prévue dans la prochaine version de l'application.",
            legal_ground="Art. 4",
            expires="2099-01-01",
        )
        r = c.post(
            f"/api/v1/projects/{decided}/versions/1/review/comments",
            json={"rule_id": rules[0], "lang": "fr", "text": "La durée de conservation manque."},
        )
        assert r.status_code == 201, r.text
        _act(c, decided, 1, "approve", opinion=OPINION)
        _act(c, open_review, 2, "start_review")
    server.stop()
    return server.data_dir


def _reviews(data: Path) -> dict[tuple[str, int], dict[str, Any]]:
    store = open_tinydb_store(data)
    try:
        with scoped(None, every=True):
            found = {}
            for project in store.projects.list_projects(None, limit=100).items:
                for summary in store.projects.list_versions(project.id) or []:
                    review = store.projects.get_review(project.id, summary.number)
                    assert review is not None
                    found[(project.id, summary.number)] = review.model_dump(mode="json")
            return found
    finally:
        store.close()


def _journal_of_decision(data: Path) -> Path:
    for journal in data.glob(f"orgs/*/projects/*/{JOURNAL_FILE}"):
        if b'"version.decided"' in journal.read_bytes():
            return journal
    raise AssertionError("no decision in the data folder")


def _records_end(journal: Path) -> list[int]:
    """Where each whole record of a journal ends."""
    records, whole = read_whole(journal)
    ends, at = [], 0
    for record in records:
        at = whole.index(b"\n", at) + 1
        if record.payload is not None:
            at = record.payload[0] + record.payload[1] + 1
        ends.append(at)
    return ends


def test_a_backup_holds_every_review_record_as_the_store_does(reviewed: Path, tmp_path: Path) -> None:
    report = backup_data_dir(reviewed, tmp_path / "copy")
    assert (report.projects, report.versions, report.reviewed, report.decided) == (2, 3, 2, 1)
    original, copied = _reviews(reviewed), _reviews(tmp_path / "copy")
    assert copied == original
    decision = next(r for r in copied.values() if r["decision"] is not None)
    assert decision["seal"] is not None and decision["signature"] is not None
    assert {j["judgement"] for j in decision["judgements"].values()} == {"confirmed", "waived"}
    assert len(decision["comments"]) == 1


def test_a_copy_damaged_since_it_was_made_is_named_before_it_is_restored(
    reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`admin check-backup` reads a copy back as the backup did: the decision's record lost from the copy's
    journal (the copy's disk, since) is named before anyone puts the copy in place."""
    copy = tmp_path / "copy"
    assert main(["admin", "backup", "--data-dir", str(reviewed), "--output", str(copy), "--lang", "en"]) == 0
    made = capsys.readouterr().out
    assert "2 projects, 3 versions (2 with a review, 1 decided)" in made
    assert main(["admin", "check-backup", str(copy), "--lang", "en"]) == 0
    assert capsys.readouterr().out.split("(head")[0] == made.split("(head")[0]
    journal = _journal_of_decision(copy)
    with open(journal, "r+b") as fh:
        fh.truncate(_records_end(journal)[-3])
    assert main(["admin", "check-backup", str(copy), "--lang", "ar"]) == 3
    err = capsys.readouterr().err
    assert "version.decided" in err and "سجل التدقيق" in err
    assert main(["admin", "check-backup", str(tmp_path / "nothing")]) == 3
    assert "n'est pas un dossier de données" in capsys.readouterr().err


def _damaged(reviewed: Path, tmp_path: Path, name: str) -> Path:
    data = tmp_path / name
    shutil.copytree(reviewed, data)
    return data


def test_a_journal_cut_at_a_record_boundary_loses_a_logged_review_and_is_refused(
    reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The decision's record and its seal's, cut off whole: every record left reads, but the log holds the
    decision's entry. Before, the copy was made and restored the version as still in review."""
    data = _damaged(reviewed, tmp_path, "cut")
    journal = _journal_of_decision(data)
    ends = _records_end(journal)
    with open(journal, "r+b") as fh:
        fh.truncate(ends[-3])  # the records of the approval and of its seal
    assert main(["admin", "backup", "--data-dir", str(data), "--output", str(tmp_path / "copy")]) == 3
    err = capsys.readouterr().err
    assert "version.decided" in err and journal.parent.name in err and "il manque" in err  # French by default
    assert not (tmp_path / "copy").exists()  # no partial copy is left to be restored
    with pytest.raises(BackupFailed, match=r"version\.decided"):
        backup_data_dir(data, tmp_path / "copy2")


def test_a_review_record_torn_by_a_crash_is_left_out_unless_it_was_acknowledged(
    reviewed: Path, tmp_path: Path
) -> None:
    """A last record cut short is either a write that was never acknowledged (no entry in the log: the copy
    ends before it and is made) or an acknowledged one damaged since (its entry is logged: refused)."""
    data = _damaged(reviewed, tmp_path, "torn")
    journal = _journal_of_decision(data)
    whole = journal.read_bytes()
    last_line = whole[_records_end(journal)[-2] :]
    unacknowledged = last_line.replace(b'"revision":', b'"revision_":')[: len(last_line) // 2]
    journal.write_bytes(whole + unacknowledged)
    report = backup_data_dir(data, tmp_path / "copy")
    assert report.decided == 1
    assert (tmp_path / "copy" / journal.relative_to(data)).read_bytes() == whole
    ends = _records_end(journal)
    journal.write_bytes(whole[: ends[-2] + (ends[-1] - ends[-2]) // 2])  # the seal's record, half of it
    assert backup_data_dir(data, tmp_path / "copy2").decided == 1  # the seal has no entry of its own
    journal.write_bytes(whole[: ends[-3] + (ends[-2] - ends[-3]) // 2])  # the approval's, half of it
    with pytest.raises(BackupFailed, match=r"version\.decided"):
        backup_data_dir(data, tmp_path / "copy3")


def test_an_edited_decision_and_a_review_of_no_version_are_refused(reviewed: Path, tmp_path: Path) -> None:
    data = _damaged(reviewed, tmp_path, "edited")
    journal = _journal_of_decision(data)
    whole = journal.read_bytes()
    assert whole.count(OPINION.encode()) >= 2  # in the decision and in the history
    journal.write_bytes(whole.replace(OPINION.encode(), OPINION.replace("conforme", "refusé").encode()))
    with pytest.raises(BackupFailed, match="decision_hash"):
        backup_data_dir(data, tmp_path / "copy")
    journal.write_bytes(whole)
    line = whole[_records_end(journal)[-2] :].decode()
    head = json.loads(line)
    head["version"]["number"] = 7
    journal.write_bytes(whole + json.dumps(head, separators=(",", ":")).encode() + b"\n")
    with pytest.raises(BackupFailed, match="version 7"):
        backup_data_dir(data, tmp_path / "copy2")
