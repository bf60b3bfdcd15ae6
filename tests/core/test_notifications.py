"""Notifications without a server: who hears an event, the outbox entries it makes, and waivers about to
expire announced once however often the scan runs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from compliance.domain.events import LIAISONS, EventType
from compliance.domain.review import FindingReview, Judgement, ReviewState
from compliance.service.notifications import Notifier
from compliance.storage.memory import memory_store
from compliance.storage.records import ReviewRecord
from compliance.storage.webhook_records import Webhook
from tests.core.test_decisions import _decision

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


def _hook(n: int, owner: str, events: list[EventType]) -> Webhook:
    return Webhook(
        id=f"whk_{n:016x}",
        owner=owner,
        url="https://hooks.example.ma/x",
        secret="whsec_AAAA",
        events=events,
        created_at=NOW,
        created_by="key_000000000000",
    )


def _approved(expires: date) -> ReviewRecord:
    waiver = FindingReview(
        rule_id="L0908-A12-CIN",
        judgement=Judgement.waived,
        reason="Mise en conformité planifiée.",
        legal_ground="Art. 6(b)",
        expires=expires,
        reviewer="key_0123456789ab",
        at=NOW,
    )
    return ReviewRecord(
        project_id="prj_0123456789abcdef",
        organisation="atlas",
        number=2,
        status=ReviewState.approved,
        revision=5,
        judgements={"L0908-A12-CIN": waiver},
        decision=_decision(),
    )


def test_an_event_reaches_its_organisation_and_the_liaisons_only() -> None:
    store = memory_store()
    for n, owner, events in (
        (1, "atlas", [EventType.approved]),
        (2, "atlas", [EventType.submitted]),  # not subscribed to approvals
        (3, LIAISONS, list(EventType)),
        (4, "sahara", list(EventType)),
    ):
        store.webhooks.add_webhook(_hook(n, owner, events))
    event = Notifier(store, clock=lambda: NOW).emit(EventType.approved, "atlas", {"project_id": "prj_1"})
    due = store.webhooks.due(NOW, 10)
    assert sorted(d.webhook_id for d in due) == [f"whk_{1:016x}", f"whk_{3:016x}"]
    assert {d.event.id for d in due} == {event.id}
    assert [e.id for e in store.webhooks.events("atlas")] == [event.id] and store.webhooks.events(
        "sahara"
    ) == []


def test_a_waiver_about_to_expire_is_announced_once() -> None:
    store = memory_store()
    store.webhooks.add_webhook(_hook(1, "atlas", [EventType.waiver_expiring]))
    notifier = Notifier(store, clock=lambda: NOW)
    soon, later = _approved(TODAY + timedelta(days=10)), _approved(TODAY + timedelta(days=90))
    assert notifier.expiring_waivers([soon, later], TODAY) == 1
    notifier.expiring_waivers([soon], TODAY + timedelta(days=1))  # the next scan finds it again
    (delivery,) = store.webhooks.due(NOW + timedelta(days=2), 10)
    assert delivery.event.type is EventType.waiver_expiring
    assert delivery.event.data == {
        "project_id": "prj_0123456789abcdef",
        "version": 2,
        "rule_id": "L0908-A12-CIN",
        "expires": (TODAY + timedelta(days=10)).isoformat(),
    }
    assert len(store.webhooks.events("atlas")) == 1
    assert notifier.expiring_waivers([_approved(TODAY - timedelta(days=1))], TODAY) == 0  # already expired
