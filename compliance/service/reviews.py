"""The liaison review's state changes: moving a version through the review, per-finding judgements, comments,
the sealed decision and version diffs. Each change returns the view it produces.

Every change checks the caller's role, the version's state and (except comments) the revision the caller
last read: two liaisons acting at once on the same version get a conflict, never a lost update. Every change
is stored together with its audit event (ids only) and then logged, so a crash in between never leaves a
change without its entry. A decision is signed with the service's current key as it is made, stored with
its signature, and sealed into the log with its hash and the key's fingerprint.

The queue and statistics live in `review_queue`, the waiver export in `waiver_export`, the carry-over of
judgements to a resubmission in `carry_over`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError

from compliance.domain.outcomes import OPEN_OUTCOMES, Assessment, Outcome
from compliance.domain.review import (
    JUDGING_STATES,
    TRANSITIONS,
    Actor,
    Comment,
    Decision,
    FindingReview,
    Judgement,
    ReviewAction,
    ReviewState,
    StateChange,
    missing_for,
)
from compliance.engine.diff import VersionDiff, diff_versions
from compliance.i18n.languages import Lang
from compliance.i18n.said import Choice, said
from compliance.service.access import Principal
from compliance.service.decisions import (
    assessment_hash,
    decision_event_id,
    export_decision,
    sign_decision,
)
from compliance.service.errors import NO_FINDING, NO_VERSION, InvalidRequest, NotFound, StoreError, wrong
from compliance.service.field_messages import unfit
from compliance.service.notifications import Notifier
from compliance.service.people import People
from compliance.service.projects import Projects
from compliance.service.review_records import (
    Conflict,
    ReviewView,
    check_revision,
    raise_forbidden,
    review_event,
    update_review,
)
from compliance.service.review_report import review_note, reviewed_assessment, with_review_note
from compliance.storage.faults import crash_point
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, Project, ProjectVersion, ReviewRecord, Role

__all__ = ["Conflict", "ReviewView", "Reviews"]

DECIDING = (ReviewAction.approve, ReviewAction.reject)


class Reviews:
    def __init__(self, store: Store, projects: Projects, notifier: Notifier | None = None) -> None:
        """`notifier`, when given, is told of every review change (webhooks)."""
        self.store = store
        self.projects = projects
        self.keys = store.keys
        self.people = People(store.access, store.accounts)
        self.notifier = notifier

    # -- reading ---------------------------------------------------------------------------------------
    def view(self, principal: Principal, project_id: str, number: int) -> ReviewView:
        project = self.projects.get(principal, project_id)
        record = self.store.projects.get_review(project_id, number)
        if record is None:
            raise NotFound(NO_VERSION)
        return ReviewView.of(project, record, self.people.of_review(record))

    def report(self, principal: Principal, project_id: str, number: int, today: date) -> Assessment:
        """The version's assessment as every report format shows it: review state, decided waivers and
        corrections applied, verdict and counts recomputed."""
        version = self._target(principal, project_id, number)[1]
        view = self.view(principal, project_id, number)
        return reviewed_assessment(version.assessment.parsed, view.record, view.status, self.people, today)

    def report_json(self, principal: Principal, project_id: str, number: int, today: date) -> bytes:
        """`report` as JSON. Before a decision nothing in the findings changes: the stored compact assessment
        is written straight to JSON (the fast path) with the review state added."""
        version = self._target(principal, project_id, number)[1]
        view = self.view(principal, project_id, number)
        if view.record.decision is None and version.assessment.compact is not None:
            return with_review_note(
                version.assessment.expanded_json, review_note(view.record, view.status, self.people)
            )
        found = reviewed_assessment(version.assessment.parsed, view.record, view.status, self.people, today)
        return found.__pydantic_serializer__.to_json(found)

    def _target(self, principal: Principal, project_id: str, number: int) -> tuple[Project, ProjectVersion]:
        """The project and version acted on; another organisation's is a 404, before any other check."""
        project = self.projects.get(principal, project_id)
        version = self.store.projects.get_version(project_id, number)
        if version is None:
            raise NotFound(NO_VERSION)
        return project, version

    # -- changing --------------------------------------------------------------------------------------
    def act(
        self,
        principal: Principal,
        project_id: str,
        number: int,
        action: ReviewAction,
        revision: int,
        text: str | None,
    ) -> ReviewView:
        sources, target, actor = TRANSITIONS[action]
        project, version = self._target(principal, project_id, number)
        if actor is Actor.liaison and principal.role is not Role.liaison:
            decides = action in (ReviewAction.approve, ReviewAction.reject)
            refusal = (
                said("liaison_decides") if decides else said("liaison_only", action=Choice(action.value))
            )
            raise_forbidden(principal, refusal)
        needs_text = action in (ReviewAction.approve, ReviewAction.reject, ReviewAction.request_changes)
        if needs_text and (text is None or len(text.strip()) < 10):
            field = "opinion" if action is not ReviewAction.request_changes else "message"
            raise InvalidRequest([wrong(f"body.{field}", f"{field}_needed")])
        now = datetime.now(UTC)
        moved: list[ReviewState] = []

        def change(current: ReviewRecord) -> ReviewRecord:
            status = check_revision(current, revision)
            if status not in sources:
                allowed = tuple(Choice(s) for s in sorted(s.value for s in sources))
                raise Conflict(
                    said(
                        "not_allowed",
                        action=Choice(action.value),
                        state=Choice(status.value),
                        allowed=allowed,
                    ),
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
                return [review_event(principal.key_id, f"review.{action.value}", updated, details)]
            digest = updated.signature["decision_hash"]
            details |= {
                "decision": updated.decision.decision.value,
                "decision_hash": digest,
                "key": updated.signature["key_fingerprint"],
            }
            return [
                review_event(
                    principal.key_id, "version.decided", updated, details, event_id=decision_event_id(digest)
                )
            ]

        updated = update_review(self.store, project_id, number, change, events=events)
        if self.notifier is not None:
            self.notifier.review_changed(updated, action)
        if updated.decision is not None and action in DECIDING:
            crash_point("version.decided:logged")
            updated = self._store_seal(updated)
        return ReviewView.of(project, updated, self.people.of_review(updated))

    def _store_seal(self, record: ReviewRecord) -> ReviewRecord:
        """Keep the audit entry that sealed a decision beside it. Also run when an export finds a decision
        whose seal was not stored yet (the process stopped in between)."""
        assert record.signature is not None
        entry = self.store.audit.find(decision_event_id(record.signature["decision_hash"]))
        if entry is None:
            raise StoreError(said("seal_missing"))
        seal = entry.model_dump(mode="json")
        return update_review(
            self.store,
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
    ) -> ReviewView:
        project, version = self._target(principal, project_id, number)
        if principal.role is not Role.liaison:
            raise_forbidden(principal, said("liaison_judges"))
        finding = next((f for f in version.assessment.parsed.findings if f.rule_id == rule_id), None)
        if finding is None:
            raise NotFound(NO_FINDING)
        if judgement is Judgement.disputed and corrected_outcome is finding.outcome:
            raise InvalidRequest([wrong("body.corrected_outcome", "dispute_same_outcome")])
        if judgement is Judgement.waived:
            if finding.outcome not in OPEN_OUTCOMES:
                raise InvalidRequest([wrong("body.judgement", "waiver_open_only")])
            if expires is not None and expires < datetime.now(UTC).date():
                raise InvalidRequest([wrong("body.expires", "waiver_past")])
        given = {
            "reason": reason,
            "corrected_outcome": corrected_outcome,
            "legal_ground": legal_ground,
            "expires": expires,
        }
        missing = missing_for(
            judgement, given
        )  # FindingReview's own check, answered in words of the catalogue
        if missing:
            key = "dispute_incomplete" if judgement is Judgement.disputed else "waiver_incomplete"
            raise InvalidRequest([wrong(f"body.{missing}", key)])
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
            raise InvalidRequest(unfit(FindingReview, exc, "body")) from None

        def change(current: ReviewRecord) -> ReviewRecord:
            status = check_revision(current, revision)
            if status not in JUDGING_STATES:
                raise Conflict(
                    said("judged_in_review", state=Choice(status.value)),
                    current.revision,
                    status.value,
                )
            return current.model_copy(update={"judgements": {**current.judgements, rule_id: review}})

        details: dict[str, str | int | None] = {"rule": rule_id, "judgement": judgement.value}
        updated = update_review(
            self.store,
            project_id,
            number,
            change,
            events=lambda updated: [review_event(principal.key_id, "finding.judged", updated, details)],
        )
        return ReviewView.of(project, updated, self.people.of_review(updated))

    def comment(
        self, principal: Principal, project_id: str, number: int, rule_id: str | None, lang: Lang, text: str
    ) -> ReviewView:
        """Comment threads on findings (or the whole version), in French, Arabic or English. Comments do not change
        the revision: they never make a liaison's next action conflict."""
        project, version = self._target(principal, project_id, number)
        if rule_id is not None and all(f.rule_id != rule_id for f in version.assessment.parsed.findings):
            raise NotFound(NO_FINDING)
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
            raise InvalidRequest(unfit(Comment, exc, "body")) from None

        updated = update_review(
            self.store,
            project_id,
            number,
            lambda current: current.model_copy(update={"comments": [*current.comments, comment]}),
            bump_revision=False,
            events=lambda updated: [
                review_event(principal.key_id, "comment.added", updated, {"rule": rule_id})
            ],
        )
        return ReviewView.of(project, updated, self.people.of_review(updated))

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
            raise NotFound(said("no_decision", number=number, state=Choice(view.status.value)))
        if record.seal is None and record.signature is not None:  # the process stopped before storing it
            record = self._store_seal(record)
        assert record.decision is not None
        return export_decision(record.decision, record.signature, record.seal or {})

    # -- comparing -------------------------------------------------------------------------------------
    def diff(self, principal: Principal, project_id: str, older: int, newer: int) -> VersionDiff:
        a = self.projects.version(principal, project_id, older)
        b = self.projects.version(principal, project_id, newer)
        return diff_versions(a.submission, a.assessment.parsed, b.submission, b.assessment.parsed)
