"""A project's versions appended to its journal: killed anywhere, torn tails, damage, and the layout before it."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compliance.service.assessing import assessor_for
from compliance.service.submissions import parse_submission
from compliance.storage.atomic_files import atomic_write
from compliance.storage.audit_chain import verify_lines
from compliance.storage.backup import backup_data_dir
from compliance.storage.codec import version_payload, version_summary_document
from compliance.storage.errors import BackupFailed, StoreCorrupted
from compliance.storage.records import AuditEvent, Project, ProjectVersion, StoredAssessment, VersionStatus
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store
from compliance.storage.version_journal import JOURNAL_FILE, read_whole
from tests.storage.kill_loop import killed_at_random, read_all_along

T0 = datetime(2026, 1, 1, tzinfo=UTC)
PID = "prj_00000000000000a1"

WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from compliance.service.assessing import assessor_for
from compliance.service.submissions import parse_submission
from compliance.storage.records import AuditEvent, ProjectVersion, StoredAssessment
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store
raw = b'schema_version: "1.0"\\nproject_name: journal\\nprocesses_personal_data: true\\n'
assessment = StoredAssessment.of(assessor_for(None).assess(parse_submission(raw)))
with scoped(None, every=True):
    store = open_tinydb_store(Path(sys.argv[1]))
    while True:
        version = ProjectVersion(project_id=sys.argv[2], organisation="atlas", number=0,
            submitted_at=datetime.now(UTC), submitted_by="k", submission={"schema_version": "1.0",
            "project_name": "journal", "pad": "x" * (datetime.now().microsecond % 5000)}, assessment=assessment)
        stored, _ = store.projects.add_version(version, lambda v: AuditEvent(actor="k",
            action="version.submitted", organisation="atlas", target=f"{v.project_id}/{v.number}"))
        print(stored.number, flush=True)
"""


@pytest.fixture(autouse=True)
def every_organisation() -> Iterator[None]:
    with scoped(None, every=True):  # as the liaison side: these tests read across organisations
        yield


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="module")
def assessment() -> StoredAssessment:
    raw = b'schema_version: "1.0"\nproject_name: journal\n'
    return StoredAssessment.of(assessor_for(None).assess(parse_submission(raw)))


def _project(org: str = "atlas", pid: str = PID) -> Project:
    return Project(id=pid, organisation=org, name="p", created_at=T0, created_by="k", updated_at=T0)


def _version(assessment: StoredAssessment, key: str | None = None, number: int = 0) -> ProjectVersion:
    return ProjectVersion(
        project_id=PID,
        organisation="atlas",
        number=number,
        submitted_at=T0,
        submitted_by="k",
        submission={"schema_version": "1.0", "project_name": f"journal {number}"},
        assessment=assessment,
        idempotency_key=key,
        request_hash=assessment.submission_hash if key else None,
    )


def _submitted(v: ProjectVersion) -> AuditEvent:
    return AuditEvent(
        actor="k", action="version.submitted", organisation="atlas", target=f"{v.project_id}/{v.number}"
    )


def _logged_targets(data: Path) -> list[str]:
    lines = (data / "audit.log").read_text().splitlines()
    assert verify_lines(lines).ok
    return [json.loads(line)["target"] for line in lines if '"version.submitted"' in line]


def _created(data: Path, assessment: StoredAssessment | None = None, versions: int = 0) -> Path:
    """The project, with versions; returns where its journal is."""
    store = open_tinydb_store(data)
    store.projects.create_project(_project(), AuditEvent(actor="k", action="project.created", target=PID))
    for _ in range(versions):
        assert assessment is not None
        store.projects.add_version(_version(assessment), _submitted)
    store.close()
    return data / "orgs" / "atlas" / "projects" / PID / JOURNAL_FILE


def test_a_writer_killed_anywhere_keeps_every_acknowledged_version_with_its_audit_entry(data: Path) -> None:
    journal = _created(data)
    rng = random.Random(1609)
    problems: list[str] = []

    def backup_reader() -> None:  # another process's reader (the backup), all along, across the kills
        try:
            read_whole(journal)
        except StoreCorrupted as exc:
            problems.append(str(exc))

    acknowledged = 0
    with read_all_along(backup_reader):
        for _ in range(12):
            acknowledged = killed_at_random(WRITER, [str(data), PID], rng, 25, 0.02)
            store = open_tinydb_store(data)  # recovery: a torn tail cut, missing entries logged
            summaries = store.projects.list_versions(PID)
            assert summaries is not None
            numbers = [s.number for s in summaries]
            assert numbers == list(range(1, len(numbers) + 1))
            assert acknowledged <= len(numbers) <= acknowledged + 1
            for number in (1, acknowledged, len(numbers)):
                version = store.projects.get_version(PID, number)
                assert version is not None and version.submission["project_name"] == "journal"
            store.close()
            logged = _logged_targets(data)
            assert sorted(logged, key=lambda t: int(t.rsplit("/", 1)[1])) == [f"{PID}/{n}" for n in numbers]
    assert problems == []
    records, whole = read_whole(journal)
    assert len(records) == len(numbers) and len(whole) == journal.stat().st_size


def test_a_torn_record_is_set_aside_and_the_numbers_go_on(data: Path, assessment: StoredAssessment) -> None:
    journal = _created(data, assessment, 2)
    whole = journal.read_bytes()
    torn = b'{"version":{"number":3,"status":"submitted"},"events":[],"payload":900}\n' + b"\x28\xb5" * 10
    journal.write_bytes(whole + torn)  # a crash in the middle of the third append
    store = open_tinydb_store(data)
    assert journal.read_bytes() == whole
    (kept,) = (data / "quarantine").iterdir()
    assert kept.read_bytes() == torn
    stored, created = store.projects.add_version(_version(assessment), _submitted) or (None, False)
    assert created and stored is not None and stored.number == 3
    assert [s.number for s in store.projects.list_versions(PID) or []] == [1, 2, 3]
    store.close()


def test_a_damaged_record_inside_the_journal_sets_the_project_aside(
    data: Path, assessment: StoredAssessment
) -> None:
    journal = _created(data, assessment, 3)
    damaged = journal.read_bytes().replace(b'"version":{"number":2', b'"version":{"number":2,', 1)
    journal.write_bytes(damaged)
    store = open_tinydb_store(data)
    (held,) = store.quarantined
    assert held.path == journal and held.quarantined is not None
    assert held.quarantined.read_bytes() == damaged
    assert store.projects.get_project(PID) is None
    store.close()
    assert journal.read_bytes() == damaged  # never cut nor replaced


def test_a_damaged_payload_in_the_journal_is_refused_not_served(
    data: Path, assessment: StoredAssessment
) -> None:
    journal = _created(data, assessment, 1)
    (record,), _ = read_whole(journal)
    assert record.payload is not None
    raw = bytearray(journal.read_bytes())
    raw[record.payload[0] + record.payload[1] // 2] ^= 0xFF
    journal.write_bytes(bytes(raw))
    store = open_tinydb_store(data)
    with pytest.raises(StoreCorrupted):
        store.projects.get_version(PID, 1)
    assert journal.read_bytes() == bytes(raw)
    store.close()


def _stored_before_the_journal(data: Path, assessment: StoredAssessment) -> Path:
    """Versions 1 and 2 as the code before the journal wrote them; returns the project's folder."""
    _created(data)
    folder = data / "orgs" / "atlas" / "projects" / PID
    project = json.loads((folder / "project.json").read_text())
    old = [_version(assessment, key=f"old-{n}", number=n) for n in (1, 2)]
    project["versions"] = {str(v.number): version_summary_document(v) for v in old}
    atomic_write(folder / "project.json", json.dumps(project).encode())
    for v in old:
        atomic_write(folder / f"v{v.number}.json.zst", version_payload(v))
    return folder


def test_a_missing_payload_from_before_the_journal_is_named(data: Path, assessment: StoredAssessment) -> None:
    folder = _stored_before_the_journal(data, assessment)
    (folder / "v2.json.zst").unlink()
    store = open_tinydb_store(data)
    assert store.projects.get_version(PID, 1) is not None
    with pytest.raises(StoreCorrupted) as caught:
        store.projects.get_version(PID, 2)
    assert caught.value.path == folder / "v2.json.zst"
    store.close()
    # The backup took the missing file for an erasure under way and left the whole project out, silently.
    with pytest.raises(BackupFailed, match=f"{PID} v2: .*v2.json.zst"):
        backup_data_dir(data, data.parent / "copy")
    assert not (data.parent / "copy").exists()  # no partial copy is left to be restored


def test_projects_stored_before_the_journal_are_read_reviewed_extended_and_backed_up(
    data: Path, assessment: StoredAssessment
) -> None:
    """The layout before the journal, written as its code wrote it: the summaries in project.json, each
    payload in its own v<n>.json.zst. Its versions are served, a review of one is appended, new versions
    follow its numbers, and a backup holds them all."""
    folder = _stored_before_the_journal(data, assessment)
    store = open_tinydb_store(data)
    # a review of that time: kept in project.json, its event in the log alone (the backup asks no journal)
    store.audit.append(AuditEvent(actor="k", action="review.start_review", target=f"{PID}/2"))
    assert [s.number for s in store.projects.list_versions(PID) or []] == [1, 2]
    first = store.projects.get_version(PID, 1)
    assert first is not None and first.submission["project_name"] == "journal 1"
    assert store.projects.get_project(PID).version_count == 2  # type: ignore[union-attr]
    replay = store.projects.add_version(_version(assessment, key="old-2"), _submitted)
    assert replay is not None and replay[1] is False and replay[0].number == 2
    reviewed = store.projects.update_review(
        PID,
        1,
        lambda r: r.model_copy(update={"status": VersionStatus.in_review}),
        events=lambda r: [AuditEvent(actor="k", action="review.start_review", target=f"{PID}/1")],
    )
    assert reviewed is not None and reviewed.revision == first.revision + 1 == 2
    added = store.projects.add_version(_version(assessment, key="new-3"), _submitted)
    assert added is not None and added[0].number == 3
    store.close()
    assert not (folder / "v3.json.zst").exists()
    report = backup_data_dir(data, data.parent / "copy")
    assert report.versions == 3
    for root in (data, data.parent / "copy"):
        reopened = open_tinydb_store(root)
        review = reopened.projects.get_review(PID, 1)
        assert review is not None and review.status is VersionStatus.in_review and review.revision == 2
        assert [s.number for s in reopened.projects.list_versions(PID) or []] == [1, 2, 3]
        again = reopened.projects.add_version(_version(assessment, key="new-3"), _submitted)
        assert again is not None and again[1] is False and again[0].number == 3
        v2 = reopened.projects.get_version(PID, 2)
        assert v2 is not None and v2.submission["project_name"] == "journal 2"
        reopened.close()


def test_a_submission_appends_and_rewrites_nothing(data: Path, assessment: StoredAssessment) -> None:
    _created(data)
    folder = data / "orgs" / "atlas" / "projects" / PID
    store = open_tinydb_store(data)
    store.projects.add_version(_version(assessment), _submitted)
    project_file = (folder / "project.json").stat()
    journal = folder / JOURNAL_FILE
    before = journal.read_bytes()
    store.projects.add_version(_version(assessment), _submitted)
    assert journal.read_bytes().startswith(before) and journal.stat().st_size > len(before)
    assert (folder / "project.json").stat().st_mtime_ns == project_file.st_mtime_ns
    assert sorted(p.name for p in folder.iterdir()) == ["project.json", JOURNAL_FILE]
    store.close()


def test_a_failed_append_is_undone_and_the_number_is_not_spent(
    data: Path, assessment: StoredAssessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _created(data, assessment, 1)
    store = open_tinydb_store(data)
    assert store.projects.get_version(PID, 1) is not None
    size = journal.stat().st_size

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("compliance.storage.version_journal.os.fdatasync", disk_full)
        with pytest.raises(OSError, match="No space"):
            store.projects.add_version(_version(assessment), _submitted)
    assert journal.stat().st_size == size
    added = store.projects.add_version(_version(assessment), _submitted)
    assert added is not None and added[0].number == 2
    assert [s.number for s in store.projects.list_versions(PID) or []] == [1, 2]
    store.close()
    assert _logged_targets(data) == [f"{PID}/1", f"{PID}/2"]


def test_an_event_that_failed_to_reach_the_log_goes_with_the_tombstone(
    data: Path, assessment: StoredAssessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    _created(data)
    store = open_tinydb_store(data)
    with monkeypatch.context() as patched:
        patched.setattr(store.audit, "append", lambda event: (_ for _ in ()).throw(OSError(5, "I/O error")))
        with pytest.raises(OSError, match="I/O error"):
            store.projects.add_version(_version(assessment), _submitted)
    assert [s.number for s in store.projects.list_versions(PID) or []] == [1]  # stored, not acknowledged
    assert _logged_targets(data) == []
    erased = store.projects.delete_project(
        PID, lambda n: AuditEvent(actor="k", action="project.deleted", target=PID)
    )
    assert erased == 1
    store.close()
    assert _logged_targets(data) == [f"{PID}/1"]
    assert "project.deleted" in (data / "audit.log").read_text()


def test_an_erasure_leaves_no_copy_of_the_project_in_the_quarantine(
    data: Path, assessment: StoredAssessment
) -> None:
    """A torn tail set aside at start and a journal copied aside for a damaged payload hold the project's
    submissions: erasing the project removes them with its folder (another project's copies stay)."""
    journal = _created(data, assessment, 2)
    (first, _), _ = read_whole(journal)
    assert first.payload is not None
    raw = bytearray(journal.read_bytes())
    raw[first.payload[0] + first.payload[1] // 2] ^= 0xFF
    torn = b'{"version":{"number":3,"status":"submitted"},"events":[],"payload":900}\n' + b"\x28\xb5" * 10
    journal.write_bytes(bytes(raw) + torn)
    other = data / "quarantine" / "prj_00000000000000b2.versions.journal.torn-tail.20260101T000000000000Z"
    other.parent.mkdir(mode=0o700)
    atomic_write(other, b"another project's")
    store = open_tinydb_store(data)
    with pytest.raises(StoreCorrupted):
        store.projects.get_version(PID, 1)
    kept = sorted(p.name for p in (data / "quarantine").iterdir())
    assert len(kept) == 3 and sum(PID in name for name in kept) == 2
    erased = store.projects.delete_project(
        PID, lambda n: AuditEvent(actor="k", action="project.deleted", target=PID)
    )
    assert erased == 2
    store.close()
    assert [p.name for p in (data / "quarantine").iterdir()] == [other.name]
    assert not (data / "orgs" / "atlas" / "projects" / PID).exists()


def _last_size_grown(journal: Path) -> bytes:
    """The journal with its last record's payload size 1000 bytes larger, as damage would leave it."""
    raw = journal.read_bytes()
    *_, (last) = read_whole(journal)[0]
    assert last.payload is not None
    offset, size = last.payload
    line_start = raw.rindex(b"\n", 0, offset - 1) + 1
    line = raw[line_start:offset]
    grown = line.replace(f'"payload":{size}}}'.encode(), f'"payload":{size + 1000}}}'.encode())
    assert grown != line
    return raw[:line_start] + grown + raw[offset:]


def test_an_acknowledged_last_record_whose_size_was_damaged_is_not_cut_as_torn(
    data: Path, assessment: StoredAssessment
) -> None:
    """A last record whose payload size grew (damage, not a crash) looks cut short, but its audit entry is in
    the log: it was written whole. The project is set aside, the journal left as it is, and the number is not
    given again to another version (two different version 2 in the audit log)."""
    journal = _created(data, assessment, 2)
    damaged = _last_size_grown(journal)
    journal.write_bytes(damaged)
    store = open_tinydb_store(data)
    assert [held.path for held in store.quarantined] == [journal]
    assert store.projects.get_project(PID) is None
    store.close()
    assert journal.read_bytes() == damaged
    assert _logged_targets(data) == [f"{PID}/1", f"{PID}/2"]


def test_concurrent_submissions_with_one_key_and_reviews_store_one_version_each(
    data: Path, assessment: StoredAssessment
) -> None:
    """Threads submitting with the same key store one version; others, with keys of their own, and review
    changes in between keep the numbers whole, each change once in the journal and the log."""
    _created(data, assessment, 1)
    store = open_tinydb_store(data)
    results: list[tuple[int, bool]] = []

    def submit(key: str) -> None:
        added = store.projects.add_version(_version(assessment, key=key), _submitted)
        assert added is not None
        results.append((added[0].number, added[1]))

    def review() -> None:
        change = lambda r: r.model_copy(update={"status": VersionStatus.in_review})  # noqa: E731
        assert store.projects.update_review(PID, 1, change) is not None

    jobs = [lambda: submit("same")] * 8 + [lambda n=n: submit(f"own-{n}") for n in range(8)] + [review] * 4
    random.Random(5).shuffle(jobs)
    threads = [threading.Thread(target=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16
    created = sorted(number for number, fresh in results if fresh)
    assert created == list(range(2, 11))  # the key once, the eight others once each
    assert len({number for number, fresh in results if not fresh}) == 1
    review_after = store.projects.get_review(PID, 1)
    assert review_after is not None and review_after.revision == 5
    store.close()
    reopened = open_tinydb_store(data)
    assert [s.number for s in reopened.projects.list_versions(PID) or []] == list(range(1, 11))
    reopened.close()
    assert sorted(_logged_targets(data), key=lambda t: int(t.rsplit("/", 1)[1])) == [
        f"{PID}/{n}" for n in range(1, 11)
    ]


def test_a_backup_refuses_a_journal_that_lost_a_logged_version(
    data: Path, assessment: StoredAssessment
) -> None:
    """The copy would end before the damaged record and serve a project without its version 2, whose entry its
    audit log holds: the backup fails, naming it, instead of making that copy."""
    journal = _created(data, assessment, 2)
    journal.write_bytes(_last_size_grown(journal))
    with pytest.raises(BackupFailed, match=f"{PID} v2"):
        backup_data_dir(data, data.parent / "copy")


def test_an_acknowledged_review_whose_newline_was_damaged_is_not_cut_as_torn(
    data: Path, assessment: StoredAssessment
) -> None:
    _created(data, assessment, 1)
    store = open_tinydb_store(data)
    reviewed = store.projects.update_review(
        PID,
        1,
        lambda r: r.model_copy(update={"status": VersionStatus.in_review}),
        events=lambda r: [AuditEvent(actor="k", action="review.started", target=f"{PID}/1")],
    )
    assert reviewed is not None and reviewed.revision == 2
    store.close()
    journal = data / "orgs" / "atlas" / "projects" / PID / JOURNAL_FILE
    raw = journal.read_bytes()
    assert raw.endswith(b"}\n")
    journal.write_bytes(raw[:-1] + b" ")
    store = open_tinydb_store(data)
    assert [held.path for held in store.quarantined] == [journal]
    store.close()
    assert journal.read_bytes() == raw[:-1] + b" "
