"""One contract, every adapter: the in-memory repositories, the TinyDB store and PostgreSQL behave alike."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from compliance.domain.outcomes import Verdict
from compliance.service.assessing import assessor_for
from compliance.service.submissions import parse_submission
from compliance.storage.audit_chain import verify_lines
from compliance.storage.errors import AlreadyExists
from compliance.storage.memory import memory_store
from compliance.storage.postgres import open_postgres_store
from compliance.storage.protocol import Store
from compliance.storage.records import (
    ApiKey,
    AuditEvent,
    Organisation,
    Project,
    ProjectVersion,
    Role,
    StoredAssessment,
    VersionStatus,
)
from compliance.storage.scope import scoped
from compliance.storage.tinydb_store import open_tinydb_store

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def ev(action: str, target: str | None = None) -> AuditEvent:
    return AuditEvent(actor="key_a", action=action, target=target)


def logged_submission(v: ProjectVersion) -> AuditEvent:
    return ev("version.submitted", f"{v.project_id}/{v.number}")


def erased(count: int) -> AuditEvent:
    return AuditEvent(actor="key_a", action="project.deleted", details={"versions_erased": count})


@pytest.fixture(params=["memory", "tinydb", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgresql":
        opened = open_postgres_store(request.getfixturevalue("pg_empty").url())
    else:
        opened = memory_store() if request.param == "memory" else open_tinydb_store(tmp_path / "data")
    with scoped(None, every=True):  # as the liaison side: these tests read across organisations
        yield opened
    opened.close()


@pytest.fixture(scope="module")
def assessments() -> dict[str, StoredAssessment]:
    assessor = assessor_for(None)
    out = {}
    for name, raw in {
        "bare": b'schema_version: "1.0"\nproject_name: bare\n',
        "none": b'schema_version: "1.0"\nproject_name: none\nprocesses_personal_data: false\n',
    }.items():
        out[name] = StoredAssessment.of(assessor.assess(parse_submission(raw)))
    return out


def project(n: int, org: str = "atlas", key: str | None = None) -> Project:
    at = T0 + timedelta(seconds=n)
    return Project(
        id=f"prj_{n:016x}",
        organisation=org,
        name=f"project {n}",
        created_at=at,
        created_by="key_a",
        updated_at=at,
        idempotency_key=key,
        request_hash="sha256:x" if key else None,
    )


def version(project_id: str, assessment: StoredAssessment, key: str | None = None) -> ProjectVersion:
    return ProjectVersion(
        project_id=project_id,
        organisation="atlas",
        number=0,
        submitted_at=T0,
        submitted_by="key_a",
        submission={"schema_version": "1.0", "project_name": "x"},
        assessment=assessment,
        idempotency_key=key,
        request_hash=assessment.submission_hash if key else None,
    )


def test_organisations_and_keys(store: Store) -> None:
    org = Organisation(id="atlas", name="Atlas", created_at=T0)
    store.access.add_organisation(org, ev("organisation.created", org.id))
    with pytest.raises(AlreadyExists):
        store.access.add_organisation(org, ev("organisation.created", org.id))
    assert store.access.get_organisation("atlas") == org
    assert store.access.get_organisation("nope") is None
    key = ApiKey(
        id="key_0123456789ab",
        role=Role.submitter,
        organisation="atlas",
        label="ci",
        secret_hash="sha256:h",
        created_at=T0,
    )
    store.access.add_key(key, ev("key.created", key.id))
    with pytest.raises(AlreadyExists):
        store.access.add_key(key, ev("key.created", key.id))
    assert store.access.get_key(key.id) == key and key.active
    revoked = store.access.revoke_key(key.id, T0 + timedelta(days=1), ev("key.revoked"))
    assert revoked is not None and not revoked.active
    assert store.access.get_key(key.id) == revoked
    assert (
        store.access.revoke_key(key.id, T0 + timedelta(days=2), ev("key.revoked")) == revoked
    )  # revoking twice keeps the first date
    assert store.access.revoke_key("key_ffffffffffff", T0, ev("key.revoked")) is None
    assert [k.id for k in store.access.list_keys()] == [key.id]
    erased = ev("organisation.erased")
    assert store.access.delete_organisation("atlas", erased) is True  # with its (revoked) keys on a database
    assert store.access.get_organisation("atlas") is None
    assert store.audit.entries()[-1].event_id == erased.event_id  # logged with the erasure
    assert store.access.delete_organisation("atlas", ev("organisation.erased")) is False
    assert store.audit.entries()[-1].event_id == erased.event_id  # nothing erased, nothing logged


def test_projects_versions_and_numbering(store: Store, assessments: dict[str, StoredAssessment]) -> None:
    created, fresh = store.projects.create_project(project(1), ev("project.created"))
    assert fresh and store.projects.get_project(created.id) == created
    assert store.projects.get_project("prj_ffffffffffffffff") is None
    with pytest.raises(AlreadyExists):
        store.projects.create_project(project(1), ev("project.created"))
    for expected in (1, 2, 3):
        result = store.projects.add_version(version(created.id, assessments["bare"]), logged_submission)
        assert result is not None and result[1] and result[0].number == expected
    assert (
        store.projects.add_version(version("prj_ffffffffffffffff", assessments["bare"]), logged_submission)
        is None
    )
    read = store.projects.get_version(created.id, 2)
    assert read is not None and read.number == 2
    assert read.assessment.json_bytes == assessments["bare"].json_bytes
    assert read.assessment.parsed.verdict is assessments["bare"].verdict
    assert read.submission == {"schema_version": "1.0", "project_name": "x"}
    assert store.projects.get_version(created.id, 4) is None
    summaries = store.projects.list_versions(created.id)
    assert summaries is not None and [s.number for s in summaries] == [1, 2, 3]
    assert all(s.status is VersionStatus.submitted and s.revision == 1 for s in summaries)
    latest = store.projects.get_project(created.id)
    assert (
        latest is not None
        and latest.version_count == 3
        and latest.latest is not None
        and latest.latest.number == 3
    )


def test_idempotency_keys(store: Store, assessments: dict[str, StoredAssessment]) -> None:
    first, created = store.projects.create_project(project(1, key="k1"), ev("project.created"))
    again, created_again = store.projects.create_project(project(2, key="k1"), ev("project.created"))
    assert created and not created_again and again.id == first.id
    other_org, created_other = store.projects.create_project(
        project(3, org="sahara", key="k1"), ev("project.created")
    )
    assert created_other and other_org.id != first.id  # keys are per organisation
    one = store.projects.add_version(version(first.id, assessments["bare"], key="v1"), logged_submission)
    two = store.projects.add_version(version(first.id, assessments["none"], key="v1"), logged_submission)
    assert one is not None and two is not None
    assert one[1] and not two[1] and two[0].number == one[0].number == 1
    assert two[0].assessment.submission_hash == assessments["bare"].submission_hash  # the first one's answer
    assert (
        store.projects.list_versions(first.id) is not None
        and len(store.projects.list_versions(first.id) or []) == 1
    )


def test_listing_filters_and_pages(store: Store, assessments: dict[str, StoredAssessment]) -> None:
    ids = [
        store.projects.create_project(project(n, org="atlas" if n < 5 else "sahara"), ev("project.created"))[
            0
        ].id
        for n in range(7)
    ]
    store.projects.add_version(version(ids[0], assessments["bare"]), logged_submission)
    store.projects.add_version(version(ids[5], assessments["none"]), logged_submission)
    atlas = store.projects.list_projects("atlas")
    assert atlas.total == 5 and [p.id for p in atlas.items] == ids[:5]
    everyone = store.projects.list_projects(None, limit=100)
    assert [p.id for p in everyone.items] == ids
    page = store.projects.list_projects(None, offset=2, limit=3)
    assert [p.id for p in page.items] == ids[2:5] and page.total == 7
    bare_verdict = assessments["bare"].verdict
    found = store.projects.list_projects(None, verdict=bare_verdict)
    assert ids[0] in [p.id for p in found.items]
    assert all(p.latest is not None and p.latest.verdict is bare_verdict for p in found.items)
    submitted = store.projects.list_projects(None, status=VersionStatus.submitted)
    assert {p.id for p in submitted.items} == {ids[0], ids[5]}
    other = next(v for v in Verdict if v not in {assessments["bare"].verdict, assessments["none"].verdict})
    assert store.projects.list_projects(None, verdict=other).total == 0
    assert store.projects.list_projects("nobody").total == 0


def test_erasure(store: Store, assessments: dict[str, StoredAssessment]) -> None:
    kept, _ = store.projects.create_project(project(1), ev("project.created"))
    gone, _ = store.projects.create_project(project(2), ev("project.created"))
    for p in (kept, gone):
        store.projects.add_version(version(p.id, assessments["bare"]), logged_submission)
    assert store.projects.delete_project(gone.id, erased) == 1
    assert store.projects.get_project(gone.id) is None
    assert store.projects.get_version(gone.id, 1) is None
    assert store.projects.list_versions(gone.id) is None
    assert store.projects.add_version(version(gone.id, assessments["bare"]), logged_submission) is None
    assert store.projects.delete_project(gone.id, erased) is None
    assert [p.id for p in store.projects.list_projects("atlas").items] == [kept.id]
    assert store.projects.get_version(kept.id, 1) is not None


def test_the_audit_log_is_a_hash_chain(store: Store) -> None:
    before = len(store.audit.entries())  # the TinyDB store logs its first signing key
    for n in range(5):
        entry = store.audit.append(AuditEvent(actor="cli", action="key.created", target=f"key_{n}"))
        assert entry.seq == before + n + 1
    entries = store.audit.entries()
    assert [e.seq for e in entries] == list(range(1, before + 6))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    report = verify_lines(store.audit.raw_lines())
    assert report.ok and report.entries == before + 5 and report.head == entries[-1].hash


def test_reviews_change_atomically_with_revisions(
    store: Store, assessments: dict[str, StoredAssessment]
) -> None:
    from compliance.domain.review import Actor as ReviewActor
    from compliance.domain.review import Comment, ReviewState

    p = project(40)
    store.projects.create_project(p, ev("project.created"))
    store.projects.add_version(version(p.id, assessments["bare"]), logged_submission)
    first = store.projects.get_review(p.id, 1)
    assert first is not None and first.status is ReviewState.submitted and first.revision == 1
    assert store.projects.get_review(p.id, 2) is None
    assert store.projects.get_review("prj_" + "f" * 16, 1) is None

    started = store.projects.update_review(
        p.id, 1, lambda r: r.model_copy(update={"status": ReviewState.in_review})
    )
    assert started is not None and started.revision == 2
    note = Comment(author="key_b", role=ReviewActor.liaison, lang="fr", text="Vu.", at=T0)
    commented = store.projects.update_review(
        p.id, 1, lambda r: r.model_copy(update={"comments": [*r.comments, note]}), bump_revision=False
    )
    assert commented is not None and commented.revision == 2 and commented.comments == [note]

    class Refused(Exception):
        pass

    def refuse(_: object) -> object:
        raise Refused

    with pytest.raises(Refused):
        store.projects.update_review(p.id, 1, refuse)  # type: ignore[arg-type]
    again = store.projects.get_review(p.id, 1)
    assert again is not None and again.revision == 2 and again.comments == [note]
    # The version and the project's latest summary follow the review's status.
    stored = store.projects.get_version(p.id, 1)
    assert stored is not None and stored.status is ReviewState.in_review and stored.revision == 2
    listed = store.projects.list_projects(None, status=ReviewState.in_review)
    assert [x.id for x in listed.items] == [p.id]


def test_reviews_survive_a_restart(tmp_path: Path, assessments: dict[str, StoredAssessment]) -> None:
    from compliance.domain.review import ReviewState

    first = open_tinydb_store(tmp_path / "data")
    p = project(41)
    first.projects.create_project(p, ev("project.created"))
    first.projects.add_version(version(p.id, assessments["bare"]), logged_submission)
    first.projects.update_review(p.id, 1, lambda r: r.model_copy(update={"status": ReviewState.approved}))
    first.close()
    second = open_tinydb_store(tmp_path / "data")
    try:
        review = second.projects.get_review(p.id, 1)
        assert review is not None and review.status is ReviewState.approved and review.revision == 2
        assert second.projects.get_project(p.id).latest.status is ReviewState.approved  # type: ignore[union-attr]
    finally:
        second.close()


def test_every_change_logs_its_event_once(store: Store, assessments: dict[str, StoredAssessment]) -> None:
    store.access.add_organisation(
        Organisation(id="atlas", name="Atlas", created_at=T0), ev("organisation.created")
    )
    p, _ = store.projects.create_project(project(50, key="k"), ev("project.created", "p50"))
    store.projects.create_project(
        project(51, key="k"), ev("project.created", "replayed")
    )  # same key: no change
    store.projects.add_version(version(p.id, assessments["bare"], key="v"), logged_submission)
    store.projects.add_version(version(p.id, assessments["bare"], key="v"), logged_submission)  # replayed
    store.projects.update_review(p.id, 1, lambda r: r, events=lambda r: [ev("comment.added", f"{r.number}")])
    store.projects.delete_project(p.id, erased)
    logged = [
        (e.action, e.target, e.details) for e in store.audit.entries() if e.action != "signing_key.published"
    ]
    assert logged == [
        ("organisation.created", None, {}),
        ("project.created", "p50", {}),
        ("version.submitted", f"{p.id}/1", {}),
        ("comment.added", "1", {}),
        ("project.deleted", None, {"versions_erased": 1}),
    ]


def test_an_audit_event_names_no_person_or_organisation_by_name() -> None:
    with pytest.raises(ValueError, match="by id"):
        AuditEvent(actor="key_a", action="account.created", target="amina@atlas.ma")
    with pytest.raises(ValueError, match="by id"):
        AuditEvent(actor="key_a", action="organisation.created", details={"name": "Atlas Connect"})
    assert AuditEvent(actor="key_a", action="version.submitted", details={"pack": "law-09-08-ai@0.3.0"})
