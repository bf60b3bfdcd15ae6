"""Notifications: events raised by the use cases, webhooks that subscribe to them, and the outbox.

`Notifier.emit` records the event (the app lists recent ones) and puts one delivery per subscribed webhook
in the outbox, durably, before the use case answers: delivery is then at least once, by the background
sender (webhook_sender.py). Webhooks belong to an organisation (its submitters and admins manage them) or to
the CNDP liaisons; a liaison webhook hears every organisation's events.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from compliance.domain.events import LIAISONS, Event, EventType, EventValue, new_event_id, stable_event_id
from compliance.domain.review import Judgement, ReviewAction, ReviewState
from compliance.service.access import Principal
from compliance.service.errors import InvalidRequest, NotFound, wrong
from compliance.service.webhook_signing import new_secret
from compliance.service.webhook_targets import RefusedTarget, TargetPolicy
from compliance.storage.protocol import Store
from compliance.storage.records import AuditEvent, ProjectVersion, ReviewRecord, Role
from compliance.storage.webhook_records import Delivery, Webhook

NO_WEBHOOK = "no such webhook"
MAX_WEBHOOKS = 20  # per owner
EXPIRY_NOTICE = timedelta(days=30)  # a waiver expiring within this is announced

ACTION_EVENTS = {
    ReviewAction.request_changes: EventType.changes_requested,
    ReviewAction.approve: EventType.approved,
    ReviewAction.reject: EventType.rejected,
}


class Notifier:
    def __init__(self, store: Store, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.store = store
        self.clock = clock

    def emit(
        self, kind: EventType, organisation: str, data: dict[str, EventValue], event_id: str | None = None
    ) -> Event:
        event = Event(
            id=event_id or new_event_id(),
            type=kind,
            timestamp=self.clock(),
            organisation=organisation,
            data=data,
        )
        hooks = [
            h
            for h in self.store.webhooks.list_webhooks()
            if h.owner in (organisation, LIAISONS) and kind in h.events
        ]
        self.store.webhooks.record_event(event)
        self.store.webhooks.enqueue([first_delivery(event, h, event.timestamp) for h in hooks])
        return event

    # -- what the use cases raise ------------------------------------------------------------------------
    def version_stored(self, version: ProjectVersion) -> None:
        kind = EventType.submitted if version.number == 1 else EventType.resubmitted
        self.emit(
            kind,
            version.organisation,
            {
                "project_id": version.project_id,
                "version": version.number,
                "state": version.status.value,
                "verdict": version.assessment.verdict.value,
            },
        )

    def review_changed(self, record: ReviewRecord, action: ReviewAction) -> None:
        kind = ACTION_EVENTS.get(action)
        if kind is not None:
            self.emit(
                kind,
                record.organisation,
                {
                    "project_id": record.project_id,
                    "version": record.number,
                    "state": record.status.value,
                    "revision": record.revision,
                },
            )

    def verdict_changed(
        self, organisation: str, project_id: str, version: int, before: str, after: str, pack: str
    ) -> None:
        self.emit(
            EventType.verdict_changed,
            organisation,
            {
                "project_id": project_id,
                "version": version,
                "verdict_before": before,
                "verdict_after": after,
                "pack": pack,
            },
        )

    def expiring_waivers(self, records: list[ReviewRecord], today: date) -> int:
        """Announce each waiver of an approved version that ends within EXPIRY_NOTICE. The event id is derived
        from the waiver, so a later scan makes the same deliveries, which the outbox already holds."""
        count = 0
        for record in records:
            if record.decision is None or record.status is not ReviewState.approved:
                continue
            for rule_id, j in sorted(record.judgements.items()):
                if j.judgement is not Judgement.waived or j.expires is None:
                    continue
                if today <= j.expires <= today + EXPIRY_NOTICE:
                    event_id = stable_event_id(
                        "waiver.expiring",
                        record.project_id,
                        str(record.number),
                        rule_id,
                        j.expires.isoformat(),
                    )
                    self.emit(
                        EventType.waiver_expiring,
                        record.organisation,
                        {
                            "project_id": record.project_id,
                            "version": record.number,
                            "rule_id": rule_id,
                            "expires": j.expires.isoformat(),
                        },
                        event_id,
                    )
                    count += 1
        return count


def first_delivery(event: Event, hook: Webhook, now: datetime) -> Delivery:
    return Delivery(
        id=Delivery.id_for(event.id, hook.id),
        webhook_id=hook.id,
        owner=hook.owner,
        event=event,
        next_attempt_at=now,
    )


def owner_of(principal: Principal, organisation: str | None) -> str:
    """Whose webhooks a caller manages: a submitter its organisation's, a liaison the liaisons', an admin
    the ones it names; a CI key none (it reads nothing, and may name no other organisation)."""
    principal.require(Role.submitter, Role.liaison, Role.admin)
    if principal.role is Role.submitter:
        assert principal.organisation is not None
        return principal.organisation
    if principal.role is Role.liaison:
        return LIAISONS
    if organisation is None:
        raise InvalidRequest([wrong("body.organisation", "admin_names_owner")])
    return organisation


class Webhooks:
    """The webhook use cases."""

    def __init__(self, store: Store, notifier: Notifier, policy: TargetPolicy) -> None:
        self.store = store
        self.notifier = notifier
        self.policy = policy

    def create(
        self,
        principal: Principal,
        url: str,
        events: list[EventType],
        description: str,
        organisation: str | None,
    ) -> Webhook:
        owner = owner_of(principal, organisation)
        if owner != LIAISONS and self.store.access.get_organisation(owner) is None:
            raise InvalidRequest([wrong("body.organisation", "no_such_organisation")])
        try:
            self.policy.check(url)
        except RefusedTarget as exc:
            raise InvalidRequest([wrong("body.url", exc.key)]) from None
        if len(self.store.webhooks.list_webhooks(owner)) >= MAX_WEBHOOKS:
            raise InvalidRequest([wrong("body.url", "too_many_webhooks", limit=MAX_WEBHOOKS)])
        hook = Webhook(
            id="whk_" + secrets.token_hex(8),
            owner=owner,
            url=url,
            secret=new_secret(),
            events=sorted(set(events or [e for e in EventType if e is not EventType.test])),
            description=description,
            created_at=datetime.now(UTC),
            created_by=principal.key_id,
        )
        self.store.webhooks.add_webhook(hook)
        self._audit(principal, "webhook.created", hook)
        return hook

    def _audit(self, principal: Principal, action: str, hook: Webhook) -> None:
        self.store.audit.append(
            AuditEvent(
                actor=principal.key_id,
                action=action,
                organisation=None if hook.owner == LIAISONS else hook.owner,
                target=hook.id,
            )
        )

    def _visible(self, principal: Principal) -> set[str] | None:
        if principal.role is Role.admin:
            return None
        return {owner_of(principal, None)}

    def listed(self, principal: Principal) -> list[Webhook]:
        owners = self._visible(principal)
        return [h for h in self.store.webhooks.list_webhooks() if owners is None or h.owner in owners]

    def get(self, principal: Principal, webhook_id: str) -> Webhook:
        hook = self.store.webhooks.get_webhook(webhook_id)
        owners = self._visible(principal)
        if hook is None or (owners is not None and hook.owner not in owners):
            raise NotFound(NO_WEBHOOK)
        return hook

    def delete(self, principal: Principal, webhook_id: str) -> None:
        hook = self.get(principal, webhook_id)
        self.store.webhooks.delete_webhook(hook.id)
        self._audit(principal, "webhook.deleted", hook)

    def deliveries(self, principal: Principal, webhook_id: str) -> list[Delivery]:
        return self.store.webhooks.deliveries(self.get(principal, webhook_id).id)

    def send_test(self, principal: Principal, webhook_id: str) -> Delivery:
        """A test event for this one webhook (the 'send a test' button)."""
        hook = self.get(principal, webhook_id)
        event = Event(
            id=new_event_id(),
            type=EventType.test,
            timestamp=datetime.now(UTC),
            organisation=hook.owner,
            data={"webhook_id": hook.id},
        )
        delivery = first_delivery(event, hook, event.timestamp)
        self.store.webhooks.enqueue([delivery])
        return delivery

    def events(self, principal: Principal, limit: int) -> list[Event]:
        """Recent events the caller may see: its organisation's, or every one for a liaison."""
        return self.store.webhooks.events(principal.readable_organisation(), limit)
