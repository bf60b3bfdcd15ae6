"""Questionnaire drafts: partial answers kept on the server per organisation, assessed on demand and
submitted as a project version. Another organisation's draft answers NotFound, as its projects do."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from typing import Any

from compliance.domain.submission import Submission
from compliance.i18n.said import said
from compliance.service.access import Principal
from compliance.service.errors import InvalidRequest, NotFound, wrong
from compliance.service.projects import Projects, check_project_name
from compliance.storage.accounts import Draft
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, ProjectVersion, Role

DRAFT_ID = re.compile(r"^drf_[0-9a-f]{16}$")
MAX_DRAFTS = 200


class Drafts:
    def __init__(self, store: Store, projects: Projects) -> None:
        self.store = store
        self.projects = projects

    def _org(self, principal: Principal) -> str:
        principal.require(Role.submitter)
        assert principal.organisation is not None
        return principal.organisation

    def list(self, principal: Principal) -> list[Draft]:
        return self.store.accounts.list_drafts(self._org(principal))

    def create(
        self,
        principal: Principal,
        name: str,
        answers: dict[str, Any] | None = None,
        project_id: str | None = None,
    ) -> Draft:
        """A new draft; with `project_id`, its submission becomes the project's next version."""
        org = self._org(principal)
        if project_id is not None:
            self.projects.get(principal, project_id)  # another organisation's project: NotFound
        if len(self.store.accounts.list_drafts(org)) >= MAX_DRAFTS:
            raise InvalidRequest([wrong("drafts", "too_many_drafts", limit=MAX_DRAFTS)])
        now = datetime.now(UTC)
        draft = Draft(
            id="drf_" + secrets.token_hex(8),
            organisation=org,
            name=check_project_name(name),
            answers=answers or {},
            project_id=project_id,
            created_at=now,
            updated_at=now,
            updated_by=principal.key_id,
        )
        self.store.accounts.save_draft(
            draft,
            AuditEvent(actor=principal.key_id, action="draft.created", organisation=org, target=draft.id),
        )
        return draft

    def revise(self, principal: Principal, project_id: str, number: int) -> Draft:
        """The draft where the project's next version is prepared, holding a stored version's answers to
        change them in the questionnaire (answering a request for changes). The project's draft is reused:
        kept as it is when changed since that version was submitted (the next version is under way there),
        else given the version's answers; a project without one gets a new draft."""
        self._org(principal)
        project = self.projects.get(principal, project_id)
        version = self.projects.version(principal, project_id, number)
        answers = {k: v for k, v in version.submission.items() if k not in ("schema_version", "project_name")}
        linked = [d for d in self.list(principal) if d.project_id == project.id]
        draft = max(linked, key=lambda d: d.updated_at, default=None)
        if draft is None:
            return self.create(principal, project.name, answers=answers, project_id=project.id)
        if draft.updated_at >= version.submitted_at:
            return draft
        return self.save(principal, draft, answers)

    def get(self, principal: Principal, draft_id: str) -> Draft:
        org = self._org(principal)
        draft = self.store.accounts.get_draft(org, draft_id) if DRAFT_ID.match(draft_id) else None
        if draft is None:
            raise NotFound(said("no_draft", draft=draft_id))
        return draft

    def save(
        self, principal: Principal, draft: Draft, answers: dict[str, Any], name: str | None = None
    ) -> Draft:
        current = self.get(principal, draft.id)
        changed = current.model_copy(
            update={
                "answers": answers,
                "name": check_project_name(name) if name else current.name,
                "updated_at": datetime.now(UTC),
                "updated_by": principal.key_id,
            }
        )
        self.store.accounts.save_draft(
            changed,
            AuditEvent(
                actor=principal.key_id,
                action="draft.saved",
                organisation=changed.organisation,
                target=changed.id,
            ),
        )
        return changed

    def delete(self, principal: Principal, draft_id: str) -> None:
        draft = self.get(principal, draft_id)
        self.store.accounts.delete_draft(
            draft.organisation,
            draft.id,
            AuditEvent(
                actor=principal.key_id,
                action="draft.deleted",
                organisation=draft.organisation,
                target=draft.id,
            ),
        )

    def submit(self, principal: Principal, draft: Draft, submission: Submission) -> ProjectVersion:
        """A new version of the draft's project (created on the first submission) for the liaison's review."""
        project_id = draft.project_id
        if project_id is None:
            project, _ = self.projects.create(principal, draft.name)
            project_id = project.id
            self.store.accounts.save_draft(draft.model_copy(update={"project_id": project_id}))
        version, _ = self.projects.submit(principal, project_id, submission)
        return version
