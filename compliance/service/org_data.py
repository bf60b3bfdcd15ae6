"""The service's own duties under Law 09-08: an organisation's data exported, an organisation erased.

Erasure removes projects, versions, drafts, accounts, one-time links and sessions; the audit log keeps
tombstones naming ids and counts only, each written with the change it records (crash-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from compliance.service.projects import all_pages
from compliance.storage.accounts import User
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent

RETENTION = {
    "accounts": "until the account or its organisation is erased; disabled accounts are kept until erased",
    "drafts": "until deleted by the organisation or the organisation is erased",
    "submissions": "until the project or the organisation is erased (the CNDP review needs the versions)",
    "sessions": "30 minutes without use, 12 hours at most",
    "audit": "ids, hashes and counts only, kept for the life of the service",
}


def export_organisation(store: Store, organisation: str) -> dict[str, Any]:
    org = store.access.get_organisation(organisation)
    projects = all_pages(
        lambda offset, limit: store.projects.list_projects(organisation, offset=offset, limit=limit)
    )
    return {
        "exported_at": datetime.now(UTC).isoformat(),
        "organisation": org.model_dump(mode="json") if org else {"id": organisation},
        "users": [
            u.model_dump(mode="json", include={"id", "email", "role", "org_admin", "disabled", "created_at"})
            for u in store.accounts.list_users(organisation)
        ],
        "drafts": [d.model_dump(mode="json") for d in store.accounts.list_drafts(organisation)],
        "projects": [
            {
                **p.model_dump(mode="json", exclude={"idempotency_key", "request_hash"}),
                "versions": [
                    {
                        "number": v.number,
                        "status": v.status.value,
                        "submitted_at": v.submitted_at.isoformat(),
                        "submission": v.submission,
                        "verdict": v.assessment.verdict.value,
                    }
                    for n in range(1, p.version_count + 1)
                    if (v := store.projects.get_version(p.id, n)) is not None
                ],
            }
            for p in projects
        ],
        "retention": RETENTION,
    }


def _tombstone(actor: str, organisation: str, project_id: str) -> Callable[[int], AuditEvent]:
    """The tombstone of a project erased with its organisation, built once the erased versions are counted."""

    def event(erased: int) -> AuditEvent:
        return AuditEvent(
            actor=actor,
            action="project.deleted",
            organisation=organisation,
            target=project_id,
            details={"versions_erased": erased, "reason": "organisation.erased"},
        )

    return event


def erase_organisation(store: Store, actor: User, organisation: str) -> dict[str, int]:
    projects = all_pages(
        lambda offset, limit: store.projects.list_projects(organisation, offset=offset, limit=limit)
    )
    versions = 0
    for project in projects:
        versions += (
            store.projects.delete_project(project.id, _tombstone(actor.id, organisation, project.id)) or 0
        )
    drafts = store.accounts.delete_organisation_drafts(
        organisation,
        lambda erased: AuditEvent(
            actor=actor.id,
            action="drafts.erased",
            organisation=organisation,
            target=organisation,
            details={"drafts_erased": erased, "reason": "organisation.erased"},
        ),
    )
    users = store.accounts.list_users(organisation)
    for user in users:
        store.accounts.delete_user_sessions(user.id)
        store.accounts.delete_user(
            user.id,
            AuditEvent(
                actor=actor.id,
                action="user.erased",
                organisation=organisation,
                target=user.id,
                details={"reason": "organisation.erased"},
            ),
        )
    for key in store.access.list_keys():
        if key.organisation == organisation and key.active:
            store.access.revoke_key(
                key.id,
                datetime.now(UTC),
                AuditEvent(actor=actor.id, action="key.revoked", organisation=organisation, target=key.id),
            )
    counts = {"projects": len(projects), "versions": versions, "drafts": drafts, "users": len(users)}
    store.access.delete_organisation(
        organisation,
        AuditEvent(
            actor=actor.id,
            action="organisation.erased",
            organisation=organisation,
            target=organisation,
            details=dict(counts),
        ),
    )
    return counts
