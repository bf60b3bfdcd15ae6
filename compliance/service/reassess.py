"""Re-assess stored submissions against the current rule pack, keeping every stored version as it was.

When the rules change, each project's latest submission is assessed again and compared with the assessment
stored with it: which findings it gains (now failing or incomplete) and loses. Nothing stored is rewritten;
the run is recorded in the audit log, one entry per project, with counts and the pack versions only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compliance.domain.outcomes import OPEN_OUTCOMES
from compliance.domain.submission import Submission
from compliance.domain.upgrade import upgrade
from compliance.service.access import Principal
from compliance.service.assessing import Assessor
from compliance.service.notifications import Notifier
from compliance.service.pack_views import publish_pack
from compliance.service.projects import all_pages
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, Role


@dataclass
class ProjectChange:
    project_id: str
    organisation: str
    name: str
    version: int
    pack_before: str
    pack_after: str
    verdict_before: str
    verdict_after: str
    gained: dict[str, str] = field(default_factory=dict)  # rule id -> new outcome
    lost: dict[str, str] = field(default_factory=dict)  # rule id -> outcome it had

    @property
    def changed(self) -> bool:
        return bool(self.gained or self.lost) or self.verdict_before != self.verdict_after


def reassess(store: Store, assessor: Assessor, actor: str) -> list[ProjectChange]:
    unpublish = publish_pack(assessor, store.packs)  # stored assessments name the packs they were made with
    try:
        return _reassess(store, assessor, actor)
    finally:
        unpublish()


def _reassess(store: Store, assessor: Assessor, actor: str) -> list[ProjectChange]:
    changes = []
    pack = assessor.pack.info
    for project in all_pages(
        lambda offset, limit: store.projects.list_projects(None, offset=offset, limit=limit)
    ):
        if project.latest is None:
            continue
        version = store.projects.get_version(project.id, project.latest.number)
        if version is None:
            continue
        before = version.assessment.parsed
        # A submission stored in an earlier format is upgraded on read; the stored one is left as it was.
        after = assessor.assess(Submission.model_validate(upgrade(version.submission)))
        old = {f.rule_id: f.outcome for f in before.findings}
        new = {f.rule_id: f.outcome for f in after.findings}
        change = ProjectChange(
            project_id=project.id,
            organisation=project.organisation,
            name=project.name,
            version=version.number,
            pack_before=f"{before.pack.id}@{before.pack.version}",
            pack_after=f"{pack.id}@{pack.version}",
            verdict_before=before.verdict.value,
            verdict_after=after.verdict.value,
            gained={
                r: o.value
                for r, o in sorted(new.items())
                if o in OPEN_OUTCOMES and old.get(r) not in OPEN_OUTCOMES
            },
            lost={
                r: o.value
                for r, o in sorted(old.items())
                if o in OPEN_OUTCOMES and new.get(r) not in OPEN_OUTCOMES
            },
        )
        store.audit.append(
            AuditEvent(
                actor=actor,
                action="project.reassessed",
                organisation=project.organisation,
                target=f"{project.id}/{version.number}",
                details={
                    "pack": change.pack_after,
                    "pack_hash": pack.hash,
                    "gained": len(change.gained),
                    "lost": len(change.lost),
                    "verdict": change.verdict_after,
                },
            )
        )
        if change.verdict_before != change.verdict_after:
            # announced to the organisation's and the liaisons' webhooks (delivered by the server)
            Notifier(store).verdict_changed(
                project.organisation,
                project.id,
                version.number,
                change.verdict_before,
                change.verdict_after,
                change.pack_after,
            )
        changes.append(change)
    return changes


def reassess_as(principal: Principal, store: Store, assessor: Assessor) -> list[ProjectChange]:
    """Reassess through the running server (the store stays open): liaisons only, recorded as the caller."""
    principal.require(Role.liaison)
    return reassess(store, assessor, principal.key_id)
