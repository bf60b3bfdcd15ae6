"""Projects, versions and reviews in PostgreSQL.

A version's number is assigned under the project row's lock (`SELECT ... FOR UPDATE`), so submissions
from every worker and server are numbered without gaps; idempotency keys are unique per organisation
(projects) and per project (versions), so a retried request stores once whichever server it reaches.
A review changes in one transaction under the same row lock: its revision check and its write cannot
interleave with another server's. Row-level security keeps each transaction to its organisation scope.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from compliance.domain.outcomes import Verdict
from compliance.i18n.said import said
from compliance.storage.codec import version_from_parts, version_payload
from compliance.storage.errors import AlreadyExists
from compliance.storage.postgres.audit import append_in
from compliance.storage.postgres.database import Cursor, Database, Row
from compliance.storage.records import (
    AuditEvent,
    Project,
    ProjectPage,
    ProjectVersion,
    ReviewRecord,
    VersionStatus,
    VersionSummary,
)

_SUMMARY = "v.number, v.status, v.revision, v.verdict, v.submission_hash, v.submitted_at, v.submitted_by"
_PROJECT = (
    "SELECT p.id, p.organisation, p.name, p.created_at, p.created_by, p.version_count, "
    f"p.idempotency_key, p.request_hash, {_SUMMARY} "
    "FROM projects p LEFT JOIN versions v ON v.project_id = p.id AND v.number = p.version_count"
)
_VERSION = (
    "SELECT number, status, revision, submitted_at, submitted_by, verdict, submission_hash, pack, "
    "idempotency_key, request_hash, organisation, payload FROM versions"
)


def _summary(row: Row) -> VersionSummary:
    return VersionSummary.model_validate({k: row[k] for k in VersionSummary.model_fields})


def _project(row: Row) -> Project:
    latest = _summary(row) if row["number"] is not None else None
    return Project(
        id=row["id"],
        organisation=row["organisation"],
        name=row["name"],
        created_at=row["created_at"],
        created_by=row["created_by"],
        updated_at=latest.submitted_at if latest else row["created_at"],
        version_count=row["version_count"],
        latest=latest,
        idempotency_key=row["idempotency_key"],
        request_hash=row["request_hash"],
    )


def _version(row: Row, project_id: str) -> ProjectVersion:
    doc = {k: v for k, v in row.items() if k not in {"payload", "organisation"} and v is not None}
    return version_from_parts(doc, bytes(row["payload"]), project_id, row["organisation"])


def _review(row: Row, project_id: str, latest: int) -> ReviewRecord:
    return ReviewRecord.model_validate(
        dict(row["review"] or {})
        | {
            "project_id": project_id,
            "organisation": row["organisation"],
            "number": row["number"],
            "status": row["status"],
            "revision": row["revision"],
            "latest_version": latest,
        }
    )


def version_row(version: ProjectVersion, number: int, payload: bytes) -> tuple[Any, ...]:
    """The values of a versions row, in VERSION_COLUMNS order (also used by the bulk import)."""
    return (
        version.project_id,
        number,
        version.organisation,
        version.status.value,
        version.revision,
        version.submitted_at,
        version.submitted_by,
        version.assessment.verdict.value,
        version.assessment.submission_hash,
        version.assessment.pack,
        version.idempotency_key,
        version.request_hash,
        Jsonb({}),
        payload,
    )


INSERT_PROJECT = (
    "INSERT INTO projects (id, organisation, name, created_at, created_by, idempotency_key, request_hash) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)


def project_values(project: Project) -> tuple[object, ...]:
    return (
        project.id,
        project.organisation,
        project.name,
        project.created_at,
        project.created_by,
        project.idempotency_key,
        project.request_hash,
    )


VERSION_COLUMNS = (
    "project_id, number, organisation, status, revision, submitted_at, submitted_by, verdict, "
    "submission_hash, pack, idempotency_key, request_hash, review, payload"
)


class PostgresProjects:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create_project(self, project: Project, event: AuditEvent) -> tuple[Project, bool]:
        try:
            with self._db.transaction() as cur:
                inserted = cur.execute(
                    INSERT_PROJECT + " ON CONFLICT (organisation, idempotency_key) "
                    "WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id",
                    project_values(project),
                ).fetchone()
                if inserted is not None:
                    append_in(cur, event, self._db.keys)
                    return project.model_copy(update={"version_count": 0, "latest": None}), True
                row = cur.execute(
                    _PROJECT + " WHERE p.organisation = %s AND p.idempotency_key = %s",
                    (project.organisation, project.idempotency_key),
                ).fetchone()
                assert row is not None  # the conflicting row is committed and in the same scope
                return _project(row), False
        except psycopg.errors.UniqueViolation:
            raise AlreadyExists(said("project_exists", project=project.id)) from None

    def get_project(self, project_id: str) -> Project | None:
        with self._db.transaction() as cur:
            row = cur.execute(_PROJECT + " WHERE p.id = %s", (project_id,)).fetchone()
        return _project(row) if row else None

    def list_projects(
        self,
        organisation: str | None,
        *,
        verdict: Verdict | None = None,
        status: VersionStatus | None = None,
        offset: int = 0,
        limit: int = 20,
    ) -> ProjectPage:
        where, params = [], []
        for column, value in (("p.organisation", organisation), ("v.verdict", verdict), ("v.status", status)):
            if value is not None:
                where.append(f"{column} = %s")
                params.append(str(value))
        condition = (" WHERE " + " AND ".join(where)) if where else ""
        with self._db.transaction() as cur:
            rows = cur.execute(
                _PROJECT + condition + " ORDER BY p.created_at, p.id OFFSET %s LIMIT %s",
                (*params, offset, limit),
            ).fetchall()
            total_row = cur.execute(
                "SELECT count(*) AS n FROM projects p LEFT JOIN versions v "
                "ON v.project_id = p.id AND v.number = p.version_count" + condition,
                params,
            ).fetchone()
        return ProjectPage(items=[_project(r) for r in rows], total=total_row["n"] if total_row else 0)

    def add_version(
        self, version: ProjectVersion, event: Callable[[ProjectVersion], AuditEvent]
    ) -> tuple[ProjectVersion, bool] | None:
        payload = version_payload(version)  # the costly part, before any lock is taken
        with self._db.transaction() as cur:
            project = cur.execute(
                "SELECT organisation, version_count FROM projects WHERE id = %s FOR UPDATE",
                (version.project_id,),
            ).fetchone()
            if project is None:
                return None
            if version.idempotency_key is not None:
                found = cur.execute(
                    _VERSION + " WHERE project_id = %s AND idempotency_key = %s",
                    (version.project_id, version.idempotency_key),
                ).fetchone()
                if found is not None:
                    return _version(found, version.project_id), False
            number = project["version_count"] + 1
            stored = version.model_copy(update={"number": number, "organisation": project["organisation"]})
            cur.execute(
                f"INSERT INTO versions ({VERSION_COLUMNS}) VALUES ({', '.join(['%s'] * 14)})",
                version_row(stored, number, payload),
            )
            cur.execute("UPDATE projects SET version_count = %s WHERE id = %s", (number, version.project_id))
            append_in(cur, event(stored), self._db.keys)
        return stored, True

    def get_version(self, project_id: str, number: int) -> ProjectVersion | None:
        with self._db.transaction() as cur:
            row = cur.execute(
                _VERSION + " WHERE project_id = %s AND number = %s", (project_id, number)
            ).fetchone()
        return _version(row, project_id) if row else None

    def list_versions(self, project_id: str) -> list[VersionSummary] | None:
        with self._db.transaction() as cur:
            if cur.execute("SELECT 1 FROM projects WHERE id = %s", (project_id,)).fetchone() is None:
                return None
            rows = cur.execute(
                f"SELECT {_SUMMARY} FROM versions v WHERE v.project_id = %s ORDER BY v.number", (project_id,)
            ).fetchall()
        return [_summary(r) for r in rows]

    def _locked_review(self, cur: Cursor, project_id: str, number: int, lock: bool) -> ReviewRecord | None:
        row = cur.execute(
            "SELECT v.number, v.organisation, v.status, v.revision, v.review, p.version_count "
            "FROM versions v JOIN projects p ON p.id = v.project_id "
            "WHERE v.project_id = %s AND v.number = %s" + (" FOR UPDATE OF v" if lock else ""),
            (project_id, number),
        ).fetchone()
        return _review(row, project_id, row["version_count"]) if row else None

    def get_review(self, project_id: str, number: int) -> ReviewRecord | None:
        with self._db.transaction() as cur:
            return self._locked_review(cur, project_id, number, lock=False)

    def update_review(
        self,
        project_id: str,
        number: int,
        change: Callable[[ReviewRecord], ReviewRecord],
        *,
        bump_revision: bool = True,
        events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
    ) -> ReviewRecord | None:
        with self._db.transaction() as cur:
            current = self._locked_review(cur, project_id, number, lock=True)
            if current is None:
                return None
            updated = change(current).model_copy(
                update={"revision": current.revision + 1 if bump_revision else current.revision}
            )
            cur.execute(
                "UPDATE versions SET status = %s, revision = %s, review = %s "
                "WHERE project_id = %s AND number = %s",
                (
                    updated.status.value,
                    updated.revision,
                    Jsonb(updated.review_document()),
                    project_id,
                    number,
                ),
            )
            for entry in events(updated) if events is not None else []:
                append_in(cur, entry, self._db.keys)
        return updated

    def delete_project(self, project_id: str, event: Callable[[int], AuditEvent]) -> int | None:
        with self._db.transaction() as cur:
            # The versions go with it (ON DELETE CASCADE): the data are really gone.
            row = cur.execute(
                "DELETE FROM projects WHERE id = %s RETURNING version_count", (project_id,)
            ).fetchone()
            if row is None:
                return None
            append_in(cur, event(int(row["version_count"])), self._db.keys)
        return int(row["version_count"])
