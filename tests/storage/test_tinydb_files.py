"""The TinyDB store on disk: atomic writes, locality, recovery after a crash, refusal of damaged files."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from compliance.service.assessing import assessor_for
from compliance.service.submissions import parse_submission
from compliance.storage.audit_file import AuditLogFile
from compliance.storage.errors import StoreCorrupted, StoreLocked
from compliance.storage.records import AuditEvent, Project, ProjectVersion, StoredAssessment
from compliance.storage.tinydb_store import open_tinydb_store

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def assessment() -> StoredAssessment:
    raw = b'schema_version: "1.0"\nproject_name: files\n'
    return StoredAssessment.of(assessor_for(None).assess(parse_submission(raw)))


def _project(n: int) -> Project:
    return Project(
        id=f"prj_{n:016x}", organisation="atlas", name="p", created_at=T0, created_by="k", updated_at=T0
    )


def _version(project_id: str, assessment: StoredAssessment) -> ProjectVersion:
    return ProjectVersion(
        project_id=project_id,
        organisation="atlas",
        number=0,
        submitted_at=T0,
        submitted_by="k",
        submission={"schema_version": "1.0", "project_name": "files"},
        assessment=assessment,
    )


def _submitted(v: ProjectVersion) -> AuditEvent:
    return AuditEvent(actor="key_a", action="version.submitted", target=f"{v.project_id}/{v.number}")


def _seeded(data: Path, assessment: StoredAssessment, projects: int = 2, versions: int = 2) -> list[str]:
    store = open_tinydb_store(data)
    ids = []
    for n in range(projects):
        p, _ = store.projects.create_project(_project(n), AuditEvent(actor="key_a", action="project.created"))
        ids.append(p.id)
        for _ in range(versions):
            store.projects.add_version(_version(p.id, assessment), _submitted)
    store.close()
    return ids


def _snapshot(root: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_one_process_per_data_folder(tmp_path: Path) -> None:
    first = open_tinydb_store(tmp_path)
    with pytest.raises(StoreLocked, match="one worker"):
        open_tinydb_store(tmp_path)
    first.close()
    open_tinydb_store(tmp_path).close()


def test_a_submission_touches_only_its_own_project_folder(
    tmp_path: Path, assessment: StoredAssessment
) -> None:
    ids = _seeded(tmp_path, assessment)
    store = open_tinydb_store(tmp_path)
    before = _snapshot(tmp_path / "orgs")
    store.projects.add_version(_version(ids[0], assessment), _submitted)
    after = _snapshot(tmp_path / "orgs")
    changed = {p for p in after if before.get(p) != after[p]}
    project_dir = tmp_path / "orgs" / "atlas" / "projects" / ids[0]
    assert changed and all(project_dir in p.parents for p in changed)
    assert not list(tmp_path.rglob("*.tmp"))  # atomic writes leave no temporary file behind
    json.loads((project_dir / "project.json").read_text())
    store.close()


def test_recovery_finishes_what_a_crash_cut_short(tmp_path: Path, assessment: StoredAssessment) -> None:
    ids = _seeded(tmp_path, assessment)
    org = tmp_path / "orgs" / "atlas"
    (org / "projects" / "prj_00000000000000ff").mkdir()  # a creation cut before its project file
    (org / "projects" / ids[0] / "v3.json.zst").write_bytes(b"unrecorded payload")  # written, never recorded
    (org / "projects" / ids[1] / ".project.json.123-456.tmp").write_bytes(b"{half")  # a torn temporary file
    index = json.loads((org / "index.json").read_text())
    docs = index["projects"]
    first = next(k for k, d in docs.items() if d["id"] == ids[0])
    docs[first]["version_count"] = 1  # the index missed the last submission
    del docs[next(k for k, d in docs.items() if d["id"] == ids[1])]  # and a whole project
    (org / "index.json").write_text(json.dumps(index))

    store = open_tinydb_store(tmp_path)
    assert not (org / "projects" / "prj_00000000000000ff").exists()
    assert not (org / "projects" / ids[0] / "v3.json.zst").exists()
    assert not list(tmp_path.rglob("*.tmp"))
    listed = {p.id: p.version_count for p in store.projects.list_projects("atlas").items}
    assert listed == {ids[0]: 2, ids[1]: 2}
    assert store.projects.get_version(ids[1], 2) is not None
    store.close()


@pytest.mark.parametrize("which", ["index", "access"])
def test_an_unreadable_file_stops_the_open_and_is_quarantined(
    tmp_path: Path, assessment: StoredAssessment, which: str
) -> None:
    ids = _seeded(tmp_path, assessment)
    open_tinydb_store(tmp_path).access.list_keys()  # creates access.json
    path = {
        "index": tmp_path / "orgs" / "atlas" / "index.json",
        "project": tmp_path / "orgs" / "atlas" / "projects" / ids[1] / "project.json",
        "access": tmp_path / "access.json",
    }[which]
    if not path.exists():
        path.write_text('{"organisations": {}}')
    damaged = path.read_bytes()[:7]
    path.write_bytes(damaged)
    with pytest.raises(StoreCorrupted) as caught:
        open_tinydb_store(tmp_path)
    assert str(path) in str(caught.value) and "quarantine" in str(caught.value)
    assert path.read_bytes() == damaged
    assert [p.read_bytes() for p in (tmp_path / "quarantine").iterdir()] == [damaged]
    if which == "index":  # moved away by the operator: rebuilt from the project files
        path.unlink()
        with_index_rebuilt = open_tinydb_store(tmp_path)
        assert {p.id for p in with_index_rebuilt.projects.list_projects("atlas").items} == set(ids)
        with_index_rebuilt.close()


def test_erasure_removes_the_files(tmp_path: Path, assessment: StoredAssessment) -> None:
    ids = _seeded(tmp_path, assessment)
    store = open_tinydb_store(tmp_path)
    assert (
        store.projects.delete_project(ids[0], lambda n: AuditEvent(actor="key_a", action="project.deleted"))
        == 2
    )
    assert not (tmp_path / "orgs" / "atlas" / "projects" / ids[0]).exists()
    store.close()
    index = (tmp_path / "orgs" / "atlas" / "index.json").read_text()
    assert ids[0] not in index and ids[1] in index


def test_a_torn_audit_line_is_set_aside_and_the_chain_goes_on(tmp_path: Path) -> None:
    log = AuditLogFile(tmp_path / "audit.log", tmp_path / "quarantine")
    for n in range(3):
        log.append(AuditEvent(actor="cli", action="key.created", target=f"key_{n}"))
    with (tmp_path / "audit.log").open("ab") as f:
        f.write(b'{"action":"version.subm')  # a crash in the middle of an append
    reopened = AuditLogFile(tmp_path / "audit.log", tmp_path / "quarantine")
    entry = reopened.append(AuditEvent(actor="cli", action="key.revoked", target="key_0"))
    assert entry.seq == 4
    torn = list((tmp_path / "quarantine").iterdir())
    assert len(torn) == 1 and torn[0].read_bytes() == b'{"action":"version.subm'
    assert [e.seq for e in reopened.entries()] == [1, 2, 3, 4]


def test_two_writers_share_the_audit_chain(tmp_path: Path) -> None:
    """The server and an admin command append to the same log: each reads the head under the file lock."""
    server = AuditLogFile(tmp_path / "audit.log", tmp_path / "q")
    admin = AuditLogFile(tmp_path / "audit.log", tmp_path / "q")
    for n in range(4):
        (server if n % 2 else admin).append(AuditEvent(actor="x", action="key.created", target=str(n)))
    from compliance.storage.audit_chain import verify_lines

    assert verify_lines(server.raw_lines()).ok
    assert [e.seq for e in server.entries()] == [1, 2, 3, 4]
    assert os.path.getsize(tmp_path / "audit.log") > 0


def test_an_unreadable_project_file_quarantines_that_project_only(
    tmp_path: Path, assessment: StoredAssessment
) -> None:
    ids = _seeded(tmp_path, assessment)
    path = tmp_path / "orgs" / "atlas" / "projects" / ids[1] / "project.json"
    original = path.read_bytes()
    damaged = original[:7]
    path.write_bytes(damaged)
    store = open_tinydb_store(tmp_path)
    (held,) = store.quarantined
    assert held.path == path and held.quarantined is not None
    assert held.quarantined.read_bytes() == damaged and held.quarantined.stat().st_mode & 0o777 == 0o600
    assert [p.id for p in store.projects.list_projects("atlas").items] == [ids[0]]
    assert store.projects.get_project(ids[1]) is None and store.projects.get_version(ids[1], 1) is None
    assert store.projects.get_version(ids[0], 2) is not None
    store.close()
    assert path.read_bytes() == damaged  # never replaced nor removed
    path.write_bytes(original)  # restored from a backup: served again at the next start
    restored = open_tinydb_store(tmp_path)
    assert restored.quarantined == [] and restored.projects.get_version(ids[1], 2) is not None
    assert {p.id for p in restored.projects.list_projects("atlas").items} == set(ids)
    restored.close()


def test_the_data_folder_is_readable_by_its_owner_only(tmp_path: Path, assessment: StoredAssessment) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # made by hand with a loose mode: tightened at open
    _seeded(data, assessment)
    open_tinydb_store(data).close()
    folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
    files = [p for p in data.rglob("*") if p.is_file()]
    assert len(folders) >= 5 and len(files) >= 6
    assert {
        p.relative_to(tmp_path): oct(p.stat().st_mode & 0o777) for p in folders if p.stat().st_mode & 0o077
    } == {}
    assert {
        p.relative_to(tmp_path): oct(p.stat().st_mode & 0o777) for p in files if p.stat().st_mode & 0o077
    } == {}


def test_a_project_file_rewritten_through_its_spare_holds_the_bytes_of_one_json_dump(tmp_path: Path) -> None:
    """The project file's storage keeps each document's JSON between writes and swaps a spare in: whatever
    is replaced, added or removed, the file is byte for byte the JSON of the whole, and no spare is left
    where there is no file (erasure removes the folder)."""
    from tinydb import TinyDB

    from compliance.storage.atomic_files import RewrittenJSONStorage, spare_of

    path = tmp_path / "project.json"
    db = TinyDB(str(path), quarantine_dir=tmp_path / "q", root=tmp_path, storage=RewrittenJSONStorage)

    def dump(data: dict[str, dict[str, Any]]) -> bytes:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    data: dict[str, dict[str, Any]] = {"project": {"1": {"id": "prj_1", "name": "مشروع « été »"}}}
    for n in range(1, 30):
        versions = dict(data.get("versions", {}))
        versions[str(n)] = {"number": n, "score": n / 3, "review": {"notes": ["a\nb", None, True]}}
        if n % 5 == 0:  # a review rewritten: a new document under an old id
            versions["2"] = {**versions["2"], "review": {"notes": [f"changed {n}"]}}
        if n % 7 == 0:
            versions.pop(str(n - 3))
        data = {**data, "versions": versions}
        db.storage.write(data)
        assert path.read_bytes() == dump(data)
    db.table("project").update({"name": "renamed"})  # through TinyDB's own table: edited in place
    assert json.loads(path.read_bytes())["project"]["1"]["name"] == "renamed"
    assert path.read_bytes() == dump(db.storage.read() or {})
    assert spare_of(path).exists()
