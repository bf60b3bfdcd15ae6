"""Response bodies of the API: what a client sees of the stored records (never idempotency internals)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.outcomes import Assessment, Verdict
from compliance.domain.rules import Localized, RefStatus, Rule, Severity
from compliance.service.projects import NAME_PATTERN
from compliance.service.rule_docs import FeatureDoc
from compliance.service.store import Organisation, Project, ProjectVersion, VersionStatus, VersionSummary


class VersionRef(Frozen):
    number: int
    status: VersionStatus = Field(
        description="submitted or resubmitted, then the review states (in_review, changes_requested, approved, rejected; superseded when a newer version exists)."
    )
    revision: int = Field(description="Incremented on every change of the version; for optimistic locking.")
    verdict: Verdict
    submission_hash: str
    submitted_at: datetime
    submitted_by: str = Field(description="Id of the API key that submitted it.")

    @classmethod
    def of(cls, summary: VersionSummary) -> VersionRef:
        return cls.model_validate(summary.model_dump())


class ProjectOut(Frozen):
    id: str
    organisation: str
    name: str
    created_at: datetime
    updated_at: datetime
    version_count: int
    latest: VersionRef | None = Field(description="The latest version, null before the first submission.")

    @classmethod
    def of(cls, project: Project) -> ProjectOut:
        return cls(
            id=project.id,
            organisation=project.organisation,
            name=project.name,
            created_at=project.created_at,
            updated_at=project.updated_at,
            version_count=project.version_count,
            latest=VersionRef.of(project.latest) if project.latest else None,
        )


class ProjectCreate(Frozen):
    name: str = Field(
        min_length=1, max_length=300, pattern=NAME_PATTERN, examples=["Darija customer-support chatbot"]
    )


class ProjectList(Frozen):
    items: list[ProjectOut]
    total: int = Field(description="How many projects match the filters.")
    offset: int
    limit: int
    next_offset: int | None = Field(description="The offset of the next page, null on the last one.")


class VersionList(Frozen):
    project_id: str
    items: list[VersionRef]


class VersionHead(Frozen):
    """A version without its assessment."""

    project_id: str
    organisation: str
    number: int
    status: VersionStatus
    revision: int
    submitted_at: datetime
    submitted_by: str
    submission: dict[str, Any] = Field(description="The submission as validated (facts not stated left out).")

    @classmethod
    def of(cls, version: ProjectVersion) -> VersionHead:
        return cls(
            project_id=version.project_id,
            organisation=version.organisation,
            number=version.number,
            status=version.status,
            revision=version.revision,
            submitted_at=version.submitted_at,
            submitted_by=version.submitted_by,
            submission=version.submission,
        )


class VersionOut(VersionHead):
    assessment: Assessment


class OrganisationOut(Frozen):
    id: str
    name: str
    created_at: datetime

    @classmethod
    def of(cls, org: Organisation) -> OrganisationOut:
        return cls(id=org.id, name=org.name, created_at=org.created_at)


class RuleSummary(Frozen):
    id: str
    chapter: str
    title: Localized
    severity: Severity
    basis_status: RefStatus
    can_fail: bool = Field(description="false when the rule's basis is not verified: it asks, never fails.")
    articles: list[str]

    @classmethod
    def of(cls, rule: Rule) -> RuleSummary:
        return cls(
            id=rule.id,
            chapter=rule.chapter,
            title=rule.title,
            severity=rule.severity,
            basis_status=rule.basis_status,
            can_fail=rule.can_fail,
            articles=[r.cite() for r in rule.references],
        )


class RuleDetail(Frozen):
    rule: Rule
    can_fail: bool
    source: str | None = Field(description="The rule file, relative to the repository.")
    feature: FeatureDoc | None = Field(description="The rule's scenarios: its executable documentation.")


class Health(Frozen):
    status: str


class Readiness(Frozen):
    status: str
    store: str
    rule_pack: str
    rules: int
    quarantined_projects: int = Field(
        default=0,
        description="Projects whose file could not be read at start: set aside (not served) until the "
        "operator restores the file and restarts; the server log names each file.",
    )
