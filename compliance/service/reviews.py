"""The liaison review use cases: state changes, per-finding judgements, comments, the sealed decision,
version diffs, the review queue, statistics and the waivers approved in reviews.

Every change checks the caller's role, the version's state and (except comments) the revision the caller
last read: two liaisons acting at once on the same version get a conflict, never a lost update. Every change
is stored together with its audit event (ids only) and then logged, so a crash in between never leaves a
change without its entry. A decision is signed with the service's current key as it is made, stored with
its signature, and sealed into the log with its hash and the key's fingerprint.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from pydantic import ValidationError

from compliance.domain.outcomes import OPEN_OUTCOMES, Assessment, Finding, Outcome
from compliance.domain.review import (
    AWAITING_REVIEW,
    JUDGING_STATES,
    OPEN_STATES,
    TRANSITIONS,
    Actor,
    Comment,
    Decision,
    FindingReview,
    Judgement,
    ReviewAction,
    ReviewState,
    StateChange,
)
from compliance.domain.rules import Severity
from compliance.domain.waivers import Waiver, WaiverFile
from compliance.engine.diff import VersionDiff, diff_versions, judgement_carries_over
from compliance.ruleset.loader import format_validation_error
from compliance.service.access import Principal
from compliance.service.decisions import (
    assessment_hash,
    decision_event_id,
    export_decision,
    sign_decision,
)
from compliance.service.errors import (
    NO_VERSION,
    Forbidden,
    InvalidRequest,
    NotFound,
    ServiceError,
    StoreError,
)
from compliance.service.projects import Projects, all_pages
from compliance.storage.faults import crash_point
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, Project, ProjectVersion, ReviewRecord, Role

SYSTEM_ACTOR = "system"


class Conflict(ServiceError):
    """The version changed since the caller read it, or its state does not allow the action."""

    def __init__(self, message: str, current_revision: int | None = None, status: str | None = None) -> None:
        self.current_revision = current_revision
        self.status = status
        super().__init__(message)


def effective_status(record: ReviewRecord) -> ReviewState:
    """An open version that is no longer the latest has been superseded; nothing is rewritten for that.
    `latest_version` is read by the store under the same lock as the record."""
    if record.number < record.latest_version and record.status in OPEN_STATES:
        return ReviewState.superseded
    return record.status


@dataclass(frozen=True)
class ReviewView:
    project: Project
    record: ReviewRecord
    status: ReviewState
    latest: int


@dataclass(frozen=True)
class QueueItem:
    project: Project
    version: int
    status: ReviewState
    submitted_at: datetime
    age_days: int
    sectors: list[str]
    worst_open_severity: Severity | None
    open_findings: int


def open_findings(assessment: Assessment, record: ReviewRecord | None) -> list[Finding]:
    """Failing or incomplete findings that no judgement has closed (a waiver, or a dispute to pass)."""
    judged = record.judgements if record else {}
    out = []
    for f in assessment.findings:
        if f.outcome not in OPEN_OUTCOMES:
            continue
        j = judged.get(f.rule_id)
        if j is not None and (
            j.judgement is Judgement.waived
            or (
                j.judgement is Judgement.disputed
                and j.corrected_outcome in (Outcome.passed, Outcome.not_applicable)
            )
        ):
            continue
        out.append(f)
    return out


class Reviews:
    def __init__(self, store: Store, projects: Projects) -> None:
        self.store = store
        self.projects = projects
        self.keys = store.keys

    # -- reading ---------------------------------------------------------------------------------------
    def view(self, principal: Principal, project_id: str, number: int) -> ReviewView:
        project = self.projects.get(principal, project_id)
        record = self.store.projects.get_review(project_id, number)
        if record is None:
            raise NotFound(NO_VERSION)
        return ReviewView(project, record, effective_status(record), record.latest_version)

    def _version(self, principal: Principal, project_id: str, number: int) -> ProjectVersion:
        return self.projects.version(principal, project_id, number)

    # -- changing --------------------------------------------------------------------------------------
    def act(
        self,
        principal: Principal,
        project_id: str,
        number: int,
        action: ReviewAction,
        revision: int,
        text: str | None,
    ) -> ReviewRecord:
        sources, target, actor = TRANSITIONS[action]
        version = self._version(principal, project_id, number)  # first: another organisation's is a 404
        if actor is Actor.liaison and principal.role is not Role.liaison:
            what = (
                "approve or reject a project"
                if action in (ReviewAction.approve, ReviewAction.reject)
                else action.value
            )
            raise_forbidden(principal, f"only a CNDP liaison may {what}")
        needs_text = action in (ReviewAction.approve, ReviewAction.reject, ReviewAction.request_changes)
        if needs_text and (text is None or len(text.strip()) < 10):
            field = "opinion" if action is not ReviewAction.request_changes else "message"
            raise InvalidRequest([f"body.{field}: a written {field} of at least 10 characters is required"])
        now = datetime.now(UTC)
        moved: list[ReviewState] = []

        def change(current: ReviewRecord) -> ReviewRecord:
            status = self._check(current, revision)
            if status not in sources:
                allowed = ", ".join(sorted(s.value for s in sources))
                raise Conflict(
                    f"'{action.value}' is not allowed on a version that is {status.value} (allowed from: {allowed})",
                    current.revision,
                    status.value,
                )
            moved.append(status)
            history = [
                *current.history,
                StateChange(
                    action=action,
                    from_state=status,
                    to_state=target,
                    actor=principal.key_id,
                    at=now,
                    message=text,
                ),
            ]
            update: dict[str, Any] = {"status": target, "history": history}
            if action in (ReviewAction.approve, ReviewAction.reject):
                decision = self._decision(principal, version, current, target, text or "", now)
                update["decision"] = decision
                update["signature"] = sign_decision(decision, self.keys.current())
            return current.model_copy(update=update)

        def events(updated: ReviewRecord) -> list[AuditEvent]:
            details: dict[str, str | int | None] = {"from": moved[-1].value, "to": target.value}
            if updated.decision is None or updated.signature is None or action not in DECIDING:
                return [_event(principal.key_id, f"review.{action.value}", updated, details)]
            digest = updated.signature["decision_hash"]
            details |= {
                "decision": updated.decision.decision.value,
                "decision_hash": digest,
                "key": updated.signature["key_fingerprint"],
            }
            return [
                _event(
                    principal.key_id, "version.decided", updated, details, event_id=decision_event_id(digest)
                )
            ]

        updated = self._update(project_id, number, change, events=events)
        if updated.decision is not None and action in DECIDING:
            crash_point("version.decided:logged")
            return self._store_seal(updated)
        return updated

    def _store_seal(self, record: ReviewRecord) -> ReviewRecord:
        """Keep the audit entry that sealed a decision beside it. Also run when an export finds a decision
        whose seal was not stored yet (the process stopped in between)."""
        assert record.signature is not None
        entry = self.store.audit.find(decision_event_id(record.signature["decision_hash"]))
        if entry is None:
            raise StoreError(
                "the decision's audit entry is not in the log yet; restart the service to recover it"
            )
        seal = entry.model_dump(mode="json")
        return self._update(
            record.project_id,
            record.number,
            lambda current: current.model_copy(update={"seal": current.seal or seal}),
            bump_revision=False,
        )

    def judge(
        self,
        principal: Principal,
        project_id: str,
        number: int,
        rule_id: str,
        revision: int,
        judgement: Judgement,
        reason: str | None = None,
        corrected_outcome: Outcome | None = None,
        legal_ground: str | None = None,
        expires: date | None = None,
    ) -> ReviewRecord:
        version = self._version(principal, project_id, number)  # first: another organisation's is a 404
        if principal.role is not Role.liaison:
            raise_forbidden(principal, "only a CNDP liaison may judge a finding")
        finding = next((f for f in version.assessment.parsed.findings if f.rule_id == rule_id), None)
        if finding is None:
            raise NotFound("this version has no such finding")
        if judgement is Judgement.disputed and corrected_outcome is finding.outcome:
            raise InvalidRequest(["body.corrected_outcome: a dispute must change the outcome"])
        if judgement is Judgement.waived:
            if finding.outcome not in OPEN_OUTCOMES:
                raise InvalidRequest(["body.judgement: only a failing or incomplete finding can be waived"])
            if expires is not None and expires < datetime.now(UTC).date():
                raise InvalidRequest(["body.expires: a waiver must expire in the future"])
        try:
            review = FindingReview(
                rule_id=rule_id,
                judgement=judgement,
                reason=reason,
                corrected_outcome=corrected_outcome,
                legal_ground=legal_ground,
                expires=expires,
                reviewer=principal.key_id,
                at=datetime.now(UTC),
            )
        except ValidationError as exc:
            raise InvalidRequest(format_validation_error(exc, "body")) from None

        def change(current: ReviewRecord) -> ReviewRecord:
            status = self._check(current, revision)
            if status not in JUDGING_STATES:
                raise Conflict(
                    f"findings are judged while the version is in review; it is {status.value}",
                    current.revision,
                    status.value,
                )
            return current.model_copy(update={"judgements": {**current.judgements, rule_id: review}})

        details: dict[str, str | int | None] = {"rule": rule_id, "judgement": judgement.value}
        return self._update(
            project_id,
            number,
            change,
            events=lambda updated: [_event(principal.key_id, "finding.judged", updated, details)],
        )

    def comment(
        self, principal: Principal, project_id: str, number: int, rule_id: str | None, lang: str, text: str
    ) -> ReviewRecord:
        """Comment threads on findings (or the whole version), in French or English. Comments do not change
        the revision: they never make a liaison's next action conflict."""
        version = self._version(principal, project_id, number)
        if rule_id is not None and all(f.rule_id != rule_id for f in version.assessment.parsed.findings):
            raise NotFound("this version has no such finding")
        try:
            comment = Comment(
                rule_id=rule_id,
                author=principal.key_id,
                role=Actor.liaison if principal.role is Role.liaison else Actor.submitter,
                lang=lang,
                text=text,
                at=datetime.now(UTC),
            )
        except ValidationError as exc:
            raise InvalidRequest(format_validation_error(exc, "body")) from None

        return self._update(
            project_id,
            number,
            lambda current: current.model_copy(update={"comments": [*current.comments, comment]}),
            bump_revision=False,
            events=lambda updated: [_event(principal.key_id, "comment.added", updated, {"rule": rule_id})],
        )

    def carry_over(self, version: ProjectVersion) -> int:
        """After a resubmission: copy the previous version's judgements whose facts did not change."""
        if version.number < 2:
            return 0
        previous = self.store.projects.get_review(version.project_id, version.number - 1)
        if previous is None or not previous.judgements:
            return 0
        old = self.store.projects.get_version(version.project_id, version.number - 1)
        if old is None:
            return 0
        before = {f.rule_id: f for f in old.assessment.parsed.findings}
        after = {f.rule_id: f for f in version.assessment.parsed.findings}
        today = datetime.now(UTC).date()  # an expired waiver is not carried into a new decision
        kept = {
            rule_id: j.model_copy(update={"carried_over_from": j.carried_over_from or old.number})
            for rule_id, j in previous.judgements.items()
            if rule_id in before
            and rule_id in after
            and judgement_carries_over(before[rule_id], after[rule_id])
            and not (j.judgement is Judgement.waived and j.expires is not None and j.expires < today)
        }
        if kept:
            details: dict[str, str | int | None] = {"from_version": old.number, "judgements": len(kept)}
            self._update(
                version.project_id,
                version.number,
                lambda current: current.model_copy(update={"judgements": {**kept, **current.judgements}}),
                bump_revision=False,
                events=lambda updated: [_event(SYSTEM_ACTOR, "judgements.carried_over", updated, details)],
            )
        return len(kept)

    # -- the decision ----------------------------------------------------------------------------------
    def _decision(
        self,
        principal: Principal,
        version: ProjectVersion,
        current: ReviewRecord,
        target: ReviewState,
        opinion: str,
        now: datetime,
    ) -> Decision:
        assessment = version.assessment.parsed
        return Decision(
            project_id=version.project_id,
            organisation=version.organisation,
            version=version.number,
            decision=target,
            opinion=opinion,
            liaison=principal.key_id,
            decided_at=now,
            submission_hash=assessment.submission_hash,
            assessment_hash=assessment_hash(assessment),
            pack_id=assessment.pack.id,
            pack_version=assessment.pack.version,
            pack_hash=assessment.pack.hash,
            judgements={rule_id: j.judgement for rule_id, j in sorted(current.judgements.items())},
            waivers=[j for _, j in sorted(current.judgements.items()) if j.judgement is Judgement.waived],
        )

    def decision_export(self, principal: Principal, project_id: str, number: int) -> dict[str, Any]:
        view = self.view(principal, project_id, number)
        record = view.record
        if record.decision is None:
            raise NotFound(f"version {number} has no decision yet (it is {view.status.value})")
        if record.seal is None and record.signature is not None:  # the process stopped before storing it
            record = self._store_seal(record)
        assert record.decision is not None
        return export_decision(record.decision, record.signature, record.seal or {})

    # -- comparing -------------------------------------------------------------------------------------
    def diff(self, principal: Principal, project_id: str, older: int, newer: int) -> VersionDiff:
        a = self._version(principal, project_id, older)
        b = self._version(principal, project_id, newer)
        return diff_versions(a.submission, a.assessment.parsed, b.submission, b.assessment.parsed)

    # -- the liaison's queue ---------------------------------------------------------------------------
    def queue(
        self,
        principal: Principal,
        *,
        sector: str | None = None,
        worst_severity: Severity | None = None,
        min_age_days: int = 0,
        offset: int = 0,
        limit: int = 20,
    ) -> tuple[list[QueueItem], int]:
        """Projects whose latest version awaits a liaison, oldest first."""
        principal.require(Role.liaison)
        now = datetime.now(UTC)
        items = []
        for project in self._all_projects(principal):
            latest = project.latest
            if latest is None or latest.status not in AWAITING_REVIEW:
                continue
            age = (now - latest.submitted_at).days
            if age < min_age_days:
                continue
            version = self.store.projects.get_version(project.id, latest.number)
            record = self.store.projects.get_review(project.id, latest.number)
            if version is None:
                continue
            sectors = [str(s) for s in version.submission.get("sectors") or []]
            if sector is not None and sector not in sectors:
                continue
            still_open = open_findings(version.assessment.parsed, record)
            worst = max((f.severity for f in still_open), key=lambda s: s.rank, default=None)
            if worst_severity is not None and (worst is None or worst.rank < worst_severity.rank):
                continue
            items.append(
                QueueItem(
                    project,
                    latest.number,
                    latest.status,
                    latest.submitted_at,
                    age,
                    sectors,
                    worst,
                    len(still_open),
                )
            )
        items.sort(key=lambda i: (i.submitted_at, i.project.id))
        return items[offset : offset + limit], len(items)

    def stats(self, principal: Principal) -> dict[str, Any]:
        """Counts per verdict and per state of the latest versions, and the most failed rules."""
        principal.require(Role.liaison)
        verdicts: Counter[str] = Counter()
        states: Counter[str] = Counter()
        failed: Counter[str] = Counter()
        projects = self._all_projects(principal)
        for project in projects:
            if project.latest is None:
                continue
            verdicts[project.latest.verdict.value] += 1
            states[project.latest.status.value] += 1
            version = self.store.projects.get_version(project.id, project.latest.number)
            if version is not None:
                failed.update(
                    f.rule_id for f in version.assessment.parsed.findings if f.outcome is Outcome.fail
                )
        return {
            "projects": len(projects),
            "by_verdict": dict(sorted(verdicts.items())),
            "by_state": dict(sorted(states.items())),
            "most_failed_rules": [{"rule_id": r, "projects": n} for r, n in failed.most_common(10)],
        }

    def waivers(self, principal: Principal, project_id: str | None = None) -> WaiverFile:
        """The waivers granted in decided reviews, in the format `compliance check --waivers` reads."""
        projects = [self.projects.get(principal, project_id)] if project_id else self._all_projects(principal)
        out: list[Waiver] = []
        for project in projects:
            for summary in self.store.projects.list_versions(project.id) or []:
                record = self.store.projects.get_review(project.id, summary.number)
                if record is None or record.decision is None or record.status is not ReviewState.approved:
                    continue
                version = self.store.projects.get_version(project.id, summary.number)
                # Named as the submission names the project: the CI file `compliance check` reads.
                name = str((version.submission if version else {}).get("project_name") or project.name)
                for j in record.decision.waivers:
                    assert j.reason and j.legal_ground and j.expires
                    out.append(
                        Waiver(
                            rule_id=j.rule_id,
                            project=name,
                            reason=j.reason,
                            legal_ground=j.legal_ground,
                            approver=j.reviewer,
                            expires=j.expires,
                        )
                    )
        return WaiverFile(waivers=out)

    # -- helpers ---------------------------------------------------------------------------------------
    def _all_projects(self, principal: Principal) -> list[Project]:
        return all_pages(
            lambda offset, limit: self.projects.list_projects(principal, offset=offset, limit=limit)
        )

    @staticmethod
    def _check(current: ReviewRecord, revision: int) -> ReviewState:
        status = effective_status(current)
        if status is ReviewState.superseded:
            raise Conflict(
                f"version {current.number} was superseded by version {current.latest_version}: "
                "review the latest version",
                current.revision,
                status.value,
            )
        if revision != current.revision:
            raise Conflict(
                f"the version changed since revision {revision}: it is now at revision {current.revision}; "
                "read it again before acting",
                current.revision,
                status.value,
            )
        return status

    def _update(
        self,
        project_id: str,
        number: int,
        change: Callable[[ReviewRecord], ReviewRecord],
        *,
        bump_revision: bool = True,
        events: Callable[[ReviewRecord], list[AuditEvent]] | None = None,
    ) -> ReviewRecord:
        updated = self.store.projects.update_review(
            project_id, number, change, bump_revision=bump_revision, events=events
        )
        if updated is None:
            raise NotFound(NO_VERSION)
        return updated


DECIDING = (ReviewAction.approve, ReviewAction.reject)


def _event(
    actor: str,
    action: str,
    record: ReviewRecord,
    details: dict[str, str | int | None],
    event_id: str | None = None,
) -> AuditEvent:
    extra = {"event_id": event_id} if event_id is not None else {}
    return AuditEvent(
        actor=actor,
        action=action,
        organisation=record.organisation,
        target=f"{record.project_id}/{record.number}",
        details=details,
        **extra,
    )


def raise_forbidden(principal: Principal, message: str) -> NoReturn:
    raise Forbidden(f"{message}; this key's role is {principal.role.value}")
