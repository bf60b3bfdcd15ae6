"""The project use cases: dry-run evaluation, projects, versions and erasure, with their access rules.

Another organisation's project answers NotFound, never Forbidden: its existence is not disclosed.
Every change is written to the audit log with ids and hashes only, never the submitted facts.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from typing import Any

from compliance.domain.outcomes import Verdict
from compliance.domain.review import OPEN_STATES
from compliance.domain.submission import Submission
from compliance.service.access import Principal
from compliance.service.assess_runner import AssessmentRunner
from compliance.service.errors import (
    NO_PROJECT,
    NO_VERSION,
    PROJECT_KEY_REUSED,
    VERSION_KEY_REUSED,
    IdempotencyMismatch,
    InvalidRequest,
    NotFound,
    refuse_nul,
    wrong,
)
from compliance.service.reporting import ReportOptions
from compliance.storage.protocol import Store
from compliance.storage.records import (
    PROJECT_ID,
    AuditEvent,
    Project,
    ProjectPage,
    ProjectVersion,
    Role,
    StoredAssessment,
    VersionStatus,
    VersionSummary,
)

_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")
MAX_PAGE = 100


def all_pages(fetch: Callable[[int, int], ProjectPage]) -> list[Project]:
    """Every project of a paginated listing: `fetch(offset, limit)` is called until all are read."""
    found: list[Project] = []
    while True:
        page = fetch(len(found), MAX_PAGE)
        found += page.items
        if not page.items or len(found) >= page.total:
            return found


def check_idempotency_key(value: str | None) -> str | None:
    if value is None:
        return None
    if not _IDEMPOTENCY_KEY.match(value):
        raise InvalidRequest([wrong("header.Idempotency-Key", "idempotency_key_form")])
    return value


BLANK = " \t\n\r\f\v"  # what a name is trimmed of; NAME_PATTERN says "something else", in every regex dialect
# Something else than blanks, and no NUL (refuse_nul)
NAME_PATTERN = f"^[^\\x00]*[^{BLANK.encode('unicode_escape').decode()}\\x00][^\\x00]*$"


def check_project_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip(BLANK):
        raise InvalidRequest([wrong("body.name", "name_empty")])
    if len(name) > 300:
        raise InvalidRequest([wrong("body.name", "name_too_long", limit=300)])
    refuse_nul({"name": name}, "body")
    return name.strip(BLANK)


class Projects:
    def __init__(
        self,
        store: Store,
        runner: AssessmentRunner,
        on_new_version: Callable[[ProjectVersion], object] | None = None,
    ) -> None:
        """`on_new_version` is called with every newly stored version (the review carries judgements over
        to it: `carry_over.JudgementCarryOver`)."""
        self.store = store
        self.runner = runner
        self.on_new_version = on_new_version

    # -- reading ---------------------------------------------------------------------------------------
    def evaluate_body(
        self,
        principal: Principal,
        raw: bytes,
        is_json: bool,
        options: ReportOptions,
    ) -> Future[str | bytes]:
        """A dry run straight from a request body: parsed, checked and assessed away from the server's
        threads; the future raises InvalidSubmission for a body that does not fit."""
        self.check_can_evaluate(principal)
        return self.runner.report_body(raw, is_json, options)

    def check_can_evaluate(self, principal: Principal) -> None:
        principal.require(Role.submitter, Role.liaison, Role.ci)

    def get(self, principal: Principal, project_id: str) -> Project:
        principal.readable_organisation()
        project = self.store.projects.get_project(project_id) if PROJECT_ID.match(project_id) else None
        if project is None or not principal.can_read(project.organisation):
            raise NotFound(NO_PROJECT)
        return project

    def list_projects(
        self,
        principal: Principal,
        *,
        organisation: str | None = None,
        verdict: Verdict | None = None,
        status: VersionStatus | None = None,
        offset: int = 0,
        limit: int = 20,
    ) -> ProjectPage:
        readable = principal.readable_organisation()
        if readable is not None:
            if organisation not in (None, readable):
                return ProjectPage(items=[], total=0)
            organisation = readable
        return self.store.projects.list_projects(
            organisation, verdict=verdict, status=status, offset=offset, limit=min(limit, MAX_PAGE)
        )

    def versions(self, principal: Principal, project_id: str) -> list[VersionSummary]:
        self.get(principal, project_id)
        found = self.store.projects.list_versions(project_id)
        if found is None:
            raise NotFound(NO_PROJECT)
        # An open version that is no longer the latest reads as superseded, as its review does.
        latest = len(found)
        return [
            s.model_copy(update={"status": VersionStatus.superseded})
            if s.number < latest and s.status in OPEN_STATES
            else s
            for s in found
        ]

    def version(self, principal: Principal, project_id: str, number: int) -> ProjectVersion:
        self.get(principal, project_id)
        found = self.store.projects.get_version(project_id, number)
        if found is None:
            raise NotFound(NO_VERSION)
        return found

    # -- changing --------------------------------------------------------------------------------------
    def check_can_create(self, principal: Principal) -> None:
        principal.require(Role.submitter)

    def create(
        self, principal: Principal, name: str, idempotency_key: str | None = None
    ) -> tuple[Project, bool]:
        principal.require(Role.submitter)
        assert principal.organisation is not None
        name = check_project_name(name)
        request_hash = "sha256:" + hashlib.sha256(name.encode()).hexdigest()
        now = datetime.now(UTC)
        project = Project(
            id="prj_" + secrets.token_hex(8),
            organisation=principal.organisation,
            name=name,
            created_at=now,
            created_by=principal.key_id,
            updated_at=now,
            idempotency_key=check_idempotency_key(idempotency_key),
            request_hash=request_hash if idempotency_key else None,
        )
        event = AuditEvent(
            actor=principal.key_id,
            action="project.created",
            organisation=project.organisation,
            target=project.id,
        )
        stored, created = self.store.projects.create_project(project, event)
        if not created and stored.request_hash != request_hash:
            raise IdempotencyMismatch(PROJECT_KEY_REUSED)
        return stored, created

    def check_can_submit(self, principal: Principal, project_id: str) -> Project:
        """Who may submit to this project, checked before the body is read: a submitter or a CI key of the
        project's organisation (a CI key may submit without being able to read the project)."""
        principal.require(Role.submitter, Role.ci)
        project = self.store.projects.get_project(project_id) if PROJECT_ID.match(project_id) else None
        if project is None or project.organisation != principal.organisation:
            raise NotFound(NO_PROJECT)
        return project

    def submit(
        self,
        principal: Principal,
        project_id: str,
        submission: Submission,
        idempotency_key: str | None = None,
    ) -> tuple[ProjectVersion, bool]:
        """Assess and store a new version; a retried request with the same Idempotency-Key is stored once."""
        idempotency_key = check_idempotency_key(idempotency_key)
        project = self.check_can_submit(principal, project_id)
        facts = submission.model_dump(mode="json", exclude_none=True)
        return self._store(principal, project, self.runner.assess(submission), facts, None, idempotency_key)

    def submit_body(
        self,
        principal: Principal,
        project_id: str,
        raw: bytes,
        is_json: bool,
        idempotency_key: str | None = None,
        lang: str = "en",
    ) -> tuple[ProjectVersion, bool]:
        """`submit` straight from a request body, parsed and assessed by the runner (in a helper process
        when there is one), its problems worded in `lang`. Who may submit is checked before the body is read."""
        idempotency_key = check_idempotency_key(idempotency_key)
        project = self.check_can_submit(principal, project_id)
        assessed = self.runner.assess_body(raw, is_json, lang)
        return self._store(
            principal, project, assessed.assessment, assessed.facts, assessed.facts_json, idempotency_key
        )

    def _store(
        self,
        principal: Principal,
        project: Project,
        assessment: StoredAssessment,
        facts: dict[str, Any],
        facts_json: bytes | None,
        idempotency_key: str | None,
    ) -> tuple[ProjectVersion, bool]:
        answers_changes = (
            project.latest is not None and project.latest.status is VersionStatus.changes_requested
        )
        version = ProjectVersion(
            project_id=project.id,
            organisation=project.organisation,
            number=0,
            status=VersionStatus.resubmitted if answers_changes else VersionStatus.submitted,
            submitted_at=datetime.now(UTC),
            submitted_by=principal.key_id,
            submission=facts,
            assessment=assessment,
            idempotency_key=idempotency_key,
            request_hash=assessment.submission_hash if idempotency_key else None,
        )
        if facts_json is not None:
            version = version.knowing(submission_json=facts_json)

        def submitted(stored: ProjectVersion) -> AuditEvent:
            return AuditEvent(
                actor=principal.key_id,
                action="version.submitted",
                organisation=stored.organisation,
                target=f"{stored.project_id}/{stored.number}",
                details={
                    "submission_hash": stored.assessment.submission_hash,
                    "verdict": stored.assessment.verdict.value,
                    "pack": stored.assessment.pack,
                },
            )

        result = self.store.projects.add_version(version, submitted)
        if result is None:
            raise NotFound(NO_PROJECT)
        stored, created = result
        if not created:
            if stored.request_hash != assessment.submission_hash:
                raise IdempotencyMismatch(VERSION_KEY_REUSED)
            return stored, False
        if self.on_new_version is not None:
            self.on_new_version(stored)
        return stored, True

    def delete(self, principal: Principal, project_id: str) -> int:
        """The right to erasure: the project and its submissions are removed from the store; the audit log
        keeps a tombstone with the id and the number of versions erased."""
        principal.require(Role.submitter)
        project = self.get(principal, project_id)
        count = self.store.projects.delete_project(
            project.id,
            lambda erased: AuditEvent(
                actor=principal.key_id,
                action="project.deleted",
                organisation=project.organisation,
                target=project.id,
                details={"versions_erased": erased},
            ),
        )
        if count is None:
            raise NotFound(NO_PROJECT)
        return count
