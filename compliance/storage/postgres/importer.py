"""Moving in: copy an embedded store (any adapter) into PostgreSQL, then check the copy (people, drafts,
webhooks and packs: import_people.py).

Everything keeps its ids, numbers, timestamps, reviews and audit lines exactly, so decisions sealed before
the move still verify. Reruns are safe: what is already there is checked, not copied again; an audit log
that diverged from the source (entries the database has that the source does not agree with) stops the
import instead of being merged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from psycopg.types.json import Jsonb

from compliance.i18n.said import said
from compliance.storage.audit_chain import verify_lines
from compliance.storage.codec import version_payload
from compliance.storage.errors import StoreError
from compliance.storage.postgres.access import (
    INSERT_KEY,
    INSERT_ORGANISATION,
    key_values,
    organisation_values,
)
from compliance.storage.postgres.audit import AUDIT_LOCK, INSERT_CHECKPOINT, INSERT_ENTRY
from compliance.storage.postgres.database import Cursor, Database
from compliance.storage.postgres.import_people import (
    check_people_and_notifications,
    copy_people_and_notifications,
)
from compliance.storage.postgres.projects import (
    INSERT_PROJECT,
    VERSION_COLUMNS,
    PostgresProjects,
    project_values,
    version_row,
)
from compliance.storage.protocol import Store
from compliance.storage.records import Project, ProjectVersion
from compliance.storage.scope import EVERY_ORGANISATION, scoped

PAGE = 100


class ImportRefused(StoreError):
    pass


@dataclass
class ImportReport:
    copied: dict[str, int] = field(default_factory=dict)
    checked: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    audit_head: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def _fingerprint(version: ProjectVersion) -> str:
    digest = hashlib.sha256(version.submission_json + b"\n" + version.assessment.json_bytes)
    return f"{version.assessment.submission_hash}/{digest.hexdigest()}"


def _all_projects(source: Store) -> list[Project]:
    found: list[Project] = []
    while True:
        page = source.projects.list_projects(None, offset=len(found), limit=PAGE)
        found += page.items
        if not page.items or len(found) >= page.total:
            return found


def _copy_project(cur: Cursor, source: Store, project: Project) -> tuple[int, int]:
    """Whether the project was new (1 or 0), and how many of its versions were copied."""
    new = cur.execute(INSERT_PROJECT + " ON CONFLICT (id) DO NOTHING", project_values(project)).rowcount
    cur.execute("SELECT 1 FROM projects WHERE id = %s FOR UPDATE", (project.id,))
    present = {
        r["number"] for r in cur.execute("SELECT number FROM versions WHERE project_id = %s", (project.id,))
    }
    copied = 0
    for number in range(1, project.version_count + 1):
        if number in present:
            continue
        version = source.projects.get_version(project.id, number)
        review = source.projects.get_review(project.id, number)
        if version is None or review is None:
            raise ImportRefused(f"{project.id} v{number}: missing in the source")
        row = list(version_row(version, number, version_payload(version)))
        row[3], row[4], row[12] = review.status.value, review.revision, Jsonb(review.review_document())
        cur.execute(f"INSERT INTO versions ({VERSION_COLUMNS}) VALUES ({', '.join(['%s'] * 14)})", row)
        copied += 1
    cur.execute(
        "UPDATE projects SET version_count = GREATEST(version_count, %s) WHERE id = %s",
        (project.version_count, project.id),
    )
    return new, copied


def _copy_audit(db: Database, lines: list[str]) -> int:
    source = verify_lines(lines)
    if not source.ok:
        raise ImportRefused(said("import_source_broken", problems=tuple(source.problems[:3])))
    copied = 0
    with db.transaction(EVERY_ORGANISATION) as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
        there = {r["seq"]: r["line"] for r in cur.execute("SELECT seq, line FROM audit_log")}
        seen = {r["event_id"] for r in cur.execute("SELECT event_id FROM audit_log")}
        for seq, line in enumerate(lines, start=1):
            if seq in there:
                if there[seq] != line:
                    raise ImportRefused(f"audit entry {seq} differs in the database: the logs diverged")
                continue
            fields = json.loads(line)
            # Entries written before event ids existed (or repeating one) get an id derived from their hash.
            event_id = fields.get("event_id")
            if not event_id or event_id in seen:
                event_id = "evt_" + fields["hash"].removeprefix("sha256:")[:24]
            seen.add(event_id)
            cur.execute(INSERT_ENTRY, (seq, fields["hash"], event_id, line))
            copied += 1
    return copied


def _copy_checkpoints(db: Database, checkpoints: list[str]) -> None:
    """The source's signed checkpoints (made with the key folder the servers share from now on), so that
    `audit verify` holds the copied log to them too."""
    with db.transaction(EVERY_ORGANISATION) as cur:
        for line in checkpoints:
            try:
                seq = int(json.loads(line)["seq"])
            except (ValueError, KeyError, TypeError):
                continue  # not a checkpoint: `audit verify` of the source reports it
            cur.execute(INSERT_CHECKPOINT + " ON CONFLICT (seq) DO NOTHING", (seq, line))


def import_store(source: Store, db: Database) -> ImportReport:
    """Copy, then verify: counts, each version's hashes, and the database's audit chain from its start."""
    with scoped(None, every=True):
        return _import(source, db)


def _import(source: Store, db: Database) -> ImportReport:
    report = ImportReport()
    orgs, keys = source.access.list_organisations(), source.access.list_keys()
    new_orgs = new_keys = 0
    with db.transaction(EVERY_ORGANISATION) as cur:
        for org in orgs:
            new_orgs += cur.execute(
                INSERT_ORGANISATION + " ON CONFLICT DO NOTHING", organisation_values(org)
            ).rowcount
        for key in keys:
            new_keys += cur.execute(INSERT_KEY + " ON CONFLICT DO NOTHING", key_values(key)).rowcount
    projects = _all_projects(source)
    copied_versions = new_projects = 0
    for project in projects:
        with db.transaction(EVERY_ORGANISATION) as cur:
            new, copied = _copy_project(cur, source, project)
            new_projects, copied_versions = new_projects + new, copied_versions + copied
    report.copied = {
        "organisations": new_orgs,
        "keys": new_keys,
        "projects": new_projects,
        "versions": copied_versions,
        "audit entries": _copy_audit(db, source.audit.raw_lines()),
    }
    _copy_checkpoints(db, source.audit.checkpoint_lines())
    report.copied |= copy_people_and_notifications(source, db)
    _verify(source, db, projects, report)
    checked, problems = check_people_and_notifications(source, db)
    report.checked |= checked
    report.problems += problems
    return report


def _verify(source: Store, db: Database, projects: list[Project], report: ImportReport) -> None:
    target = PostgresProjects(db)
    versions = 0
    for project in projects:
        copy = target.get_project(project.id)
        if copy is None or copy.version_count != project.version_count:
            report.problems.append(said("import_project_differs", project=project.id))
            continue
        for number in range(1, project.version_count + 1):
            a = source.projects.get_version(project.id, number)
            b = target.get_version(project.id, number)
            if a is None or b is None or _fingerprint(a) != _fingerprint(b) or a.status != b.status:
                report.problems.append(said("import_version_differs", project=project.id, number=number))
            versions += 1
    with db.transaction(EVERY_ORGANISATION) as cur:
        lines = [r["line"] for r in cur.execute("SELECT line FROM audit_log ORDER BY seq")]
        counts = cur.execute(
            "SELECT (SELECT count(*) FROM organisations) AS o, (SELECT count(*) FROM api_keys) AS k"
        ).fetchone()
    chain = verify_lines(lines)
    report.problems += [said("import_chain", problem=p) for p in chain.problems]
    source_lines = source.audit.raw_lines()
    if lines[: len(source_lines)] != source_lines:
        report.problems.append(said("import_audit_start"))
    if (
        counts is None
        or counts["o"] < len(source.access.list_organisations())
        or counts["k"] < len(source.access.list_keys())
    ):
        report.problems.append(said("import_access_missing"))
    report.checked = {"projects": len(projects), "versions": versions, "audit entries": chain.entries}
    report.audit_head = chain.head
