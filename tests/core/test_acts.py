"""CNDP acts with a scope, special laws and requests deemed granted (Decree Art. 28)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compliance.domain.vocabulary import AuthorisationGround
from compliance.engine.acts import deemed_granted_on, ground_cover
from compliance.ruleset.loader import load_pack

ROOT = Path(__file__).resolve().parents[2]
CIN = {"processings": [{"id": "kyc", "data_categories": ["cin_number"]}]}


def test_every_ground_is_a_trigger_of_the_pack() -> None:
    pack = load_pack(ROOT / "rules", ROOT / "features")
    assert {g.value for g in AuthorisationGround} == {t.id for t in pack.triggers}


def test_two_months_or_four_with_a_notified_extension() -> None:
    assert deemed_granted_on({"filed_date": "2024-12-31", "extension_notified": False}) == date(2025, 2, 28)
    assert deemed_granted_on({"filed_date": "2024-01-10", "extension_notified": True}) == date(2024, 5, 10)
    assert deemed_granted_on({"filed_date": "2024-01-10"}) is None  # extension not stated: cannot say


def test_a_pending_request_counts_only_once_the_period_is_over() -> None:
    request = {"filed_date": "2025-01-10", "extension_notified": False, "decision": "pending"}
    facts = {**CIN, "cndp": {"authorisation_requests": [{**request, "grounds": ["cin-number"]}]}}
    assert ground_cover(facts, "cin-number", date(2025, 3, 9)) is False
    assert ground_cover(facts, "cin-number", date(2025, 3, 10)) is True


def test_scope_by_ground_by_every_processing_or_unknown() -> None:
    def act(**scope: object) -> dict[str, object]:
        return {**CIN, "cndp": {"acts": [{"kind": "authorisation", "number": "A-1/2024", **scope}]}}

    today = date(2026, 1, 1)
    assert ground_cover(act(grounds=["cin-number"]), "cin-number", today) is True
    assert ground_cover(act(grounds=["interconnection"]), "cin-number", today) is False
    assert ground_cover(act(processings=["kyc"]), "cin-number", today) is True
    assert ground_cover(act(processings=["other"]), "cin-number", today) is False
    assert ground_cover(act(), "cin-number", today) is None


def test_a_receipt_or_a_transfer_act_never_authorises() -> None:
    facts = {**CIN, "cndp": {"acts": [{"kind": "declaration_receipt", "number": "D-W-1/2024"}]}}
    assert ground_cover(facts, "cin-number", date(2026, 1, 1)) is False
