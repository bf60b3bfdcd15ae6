"""The engine's three-valued logic, traces, verification discipline and formality router."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.domain.outcomes import Outcome
from compliance.domain.submission import SCHEMA_VERSION, Submission
from compliance.engine.assess import Engine
from compliance.ruleset.loader import load_pack
from tests.core.minipack import make_pack, rule_doc

BASE = {"schema_version": SCHEMA_VERSION, "project_name": "t"}


def run(tmp_path: Path, facts: dict[str, Any], **rule: Any) -> Any:
    engine = Engine(load_pack(make_pack(tmp_path, [rule_doc(**rule)])))
    assessment = engine.assess(Submission.model_validate({**BASE, **facts}))
    return assessment, assessment.findings[0]


def test_not_applicable_when_scope_is_false(tmp_path: Path) -> None:
    _, f = run(tmp_path, {"processes_personal_data": False})
    assert f.outcome is Outcome.not_applicable
    assert f.trace[0].path == "processes_personal_data" and f.trace[0].value is False


def test_missing_scope_fact_asks_the_question(tmp_path: Path) -> None:
    a, f = run(tmp_path, {})
    assert f.outcome is Outcome.needs_info
    assert f.questions is not None and f.questions.en == ["Which ground?"]
    assert a.verdict.value == "incomplete"


def test_every_item_must_hold_and_trace_names_the_item(tmp_path: Path) -> None:
    facts = {"processes_personal_data": True, "processings": [{"legal_basis": "consent"}, {"id": "b"}]}
    a, f = run(tmp_path, facts)
    assert f.outcome is Outcome.fail
    assert ("processings[1].legal_basis", None, False) in [(t.path, t.value, t.result) for t in f.trace]
    assert f.penalty is None  # the sample rule has no penalty
    assert a.verdict.value == "non_compliant"


def test_pass_when_every_item_holds(tmp_path: Path) -> None:
    facts = {"processes_personal_data": True, "processings": [{"legal_basis": "consent"}]}
    _, f = run(tmp_path, facts)
    assert f.outcome is Outcome.passed and f.remediation is None


@pytest.mark.parametrize(
    ("categories", "expected"),
    [(["cin_number"], Outcome.passed), (["contact"], Outcome.fail), (None, Outcome.needs_info)],
)
def test_contains_over_walked_lists(tmp_path: Path, categories: Any, expected: Outcome) -> None:
    facts = {
        "processings": [
            {"id": "a", "data_categories": ["contact"]},
            {"id": "b", "data_categories": categories},
        ]
    }
    if categories is None:
        facts["processings"][0]["data_categories"] = ["contact"]
    _, f = run(
        tmp_path,
        facts,
        applies_when={"op": "true"},
        require={"op": "contains", "path": "processings[].data_categories", "value": "cin_number"},
    )
    assert f.outcome is expected


def test_kleene_any_true_beats_unknown(tmp_path: Path) -> None:
    cond = {
        "op": "any",
        "of": [{"op": "is_true", "path": "live"}, {"op": "is_true", "path": "rights.free_of_charge"}],
    }
    _, f = run(tmp_path, {"rights": {"free_of_charge": True}}, applies_when={"op": "true"}, require=cond)
    assert f.outcome is Outcome.passed


def test_kleene_all_false_beats_unknown(tmp_path: Path) -> None:
    cond = {
        "op": "all",
        "of": [{"op": "is_true", "path": "live"}, {"op": "is_true", "path": "rights.free_of_charge"}],
    }
    _, f = run(tmp_path, {"rights": {"free_of_charge": False}}, applies_when={"op": "true"}, require=cond)
    assert f.outcome is Outcome.fail


def test_not_of_unknown_is_unknown(tmp_path: Path) -> None:
    cond = {"op": "not", "condition": {"op": "is_true", "path": "live"}}
    _, f = run(tmp_path, {}, applies_when={"op": "true"}, require=cond)
    assert f.outcome is Outcome.needs_info


@pytest.mark.parametrize(
    ("live", "expected"),
    [(True, Outcome.needs_info), (False, Outcome.fail), (None, Outcome.needs_info)],
)
def test_doubtful_turns_true_into_a_question_and_keeps_false(
    tmp_path: Path, live: bool | None, expected: Outcome
) -> None:
    cond = {"op": "doubtful", "condition": {"op": "is_true", "path": "live"}}
    facts = {} if live is None else {"live": live}
    _, f = run(tmp_path, facts, applies_when={"op": "true"}, require=cond)
    assert f.outcome is expected


def test_compare_with_another_fact(tmp_path: Path) -> None:
    cond = {"op": "lte", "path": "cndp.receipt_date", "to_path": "cndp.go_live_date"}
    ok = {"cndp": {"receipt_date": "2025-01-02", "go_live_date": "2025-02-01"}}
    late = {"cndp": {"receipt_date": "2025-03-02", "go_live_date": "2025-02-01"}}
    assert run(tmp_path / "a", ok, applies_when={"op": "true"}, require=cond)[1].outcome is Outcome.passed
    assert run(tmp_path / "b", late, applies_when={"op": "true"}, require=cond)[1].outcome is Outcome.fail


def test_count_bounds(tmp_path: Path) -> None:
    cond = {"op": "count", "path": "processings", "min": 1, "max": 2}
    three: dict[str, Any] = {"processings": [{}, {}, {}]}
    assert run(tmp_path / "a", three, applies_when={"op": "true"}, require=cond)[1].outcome is Outcome.fail
    assert (
        run(tmp_path / "b", {"processings": [{}]}, applies_when={"op": "true"}, require=cond)[1].outcome
        is Outcome.passed
    )


def test_matches_is_case_insensitive(tmp_path: Path) -> None:
    cond = {"op": "matches", "path": "description", "pattern": "chatbot"}
    _, f = run(tmp_path, {"description": "A ChatBot in Darija"}, applies_when={"op": "true"}, require=cond)
    assert f.outcome is Outcome.passed


def test_unverified_basis_never_fails(tmp_path: Path) -> None:
    refs = [{"instrument": "CNDP practice", "article": "12", "status": "secondary"}]
    facts = {"processes_personal_data": True, "processings": [{"id": "a"}]}
    _, f = run(tmp_path, facts, references=refs)
    assert f.outcome is Outcome.needs_info
    assert f.questions is not None


def test_best_practice_gives_advisory(tmp_path: Path) -> None:
    facts = {"processes_personal_data": True, "processings": [{"id": "a"}]}
    a, f = run(tmp_path, facts, enforcement="best_practice", severity="info")
    assert f.outcome is Outcome.advisory
    assert a.verdict.value == "compliant"


def test_severity_override_and_penalty_doubling(tmp_path: Path) -> None:
    over = [{"when": {"op": "is_false", "path": "live"}, "severity": "minor"}]
    penalty = {"article": "56", "prison_months": [3, 12], "fine_mad": [20000, 200000]}
    facts = {"live": False, "processes_personal_data": True, "processings": [{"id": "a"}]}
    _, f = run(tmp_path, facts, severity_overrides=over, penalty=penalty)
    assert f.outcome is Outcome.fail and f.severity.value == "minor"
    assert f.penalty is not None and f.penalty.company_fine_mad == (40000, 400000)


def test_submission_hash_is_stable_and_content_addressed(tmp_path: Path) -> None:
    a1, _ = run(tmp_path / "a", {"live": True})
    a2, _ = run(tmp_path / "b", {"live": True})
    a3, _ = run(tmp_path / "c", {"live": False})
    assert a1.submission_hash == a2.submission_hash != a3.submission_hash
    assert a1.submission_hash.startswith("sha256:")


def router(tmp_path: Path, facts: dict[str, Any]) -> Any:
    engine = Engine(load_pack(make_pack(tmp_path, [rule_doc()])))
    stated = {"ai": {"training": {"uses_personal_data": False}}, **facts}
    for p in stated.get("processings", []):
        p.setdefault("reuses_data_from", [])
    return engine.assess(Submission.model_validate({**BASE, **stated})).formalities


def test_router_declaration_for_ordinary_data(tmp_path: Path) -> None:
    plan = router(
        tmp_path,
        {
            "processes_personal_data": True,
            "processings": [{"data_categories": ["contact"], "interconnects_files": False}],
        },
    )
    assert plan.regime == "declaration" and [f.value for f in plan.forms] == ["F211"]


def test_router_authorisation_with_triggers(tmp_path: Path) -> None:
    facts = {
        "processes_personal_data": True,
        "processings": [
            {"data_categories": ["cin_number", "religious_belief"], "interconnects_files": False}
        ],
    }
    plan = router(tmp_path, facts)
    assert plan.regime == "authorisation"
    assert {t.id for t in plan.triggers} >= {"cin-number", "sensitive-data"}
    assert "F112" in [f.value for f in plan.forms]


def test_router_health_depends_on_secrecy(tmp_path: Path) -> None:
    facts: dict[str, Any] = {
        "processes_personal_data": True,
        "processings": [{"data_categories": ["health"], "interconnects_files": False}],
    }
    assert "health-data" in {t.id for t in router(tmp_path / "a", facts).possible_triggers}
    facts["controller"] = {"health_professional_under_secrecy": True}
    facts["processings"][0]["health_purposes"] = ["diagnosis"]
    assert router(tmp_path / "b", facts).regime == "declaration"
    facts["processings"][0]["health_purposes"] = ["diagnosis", "research"]
    assert router(tmp_path / "c", facts).regime == "authorisation"


def test_router_biometrics_is_secondary_and_not_a_legal_trigger(tmp_path: Path) -> None:
    facts = {
        "processes_personal_data": True,
        "processings": [{"data_categories": ["face_template"], "interconnects_files": False}],
    }
    plan = router(tmp_path, facts)
    bio = next(t for t in plan.triggers if t.id == "biometrics")
    assert bio.status.value == "secondary"


def test_router_one_transfer_filing_per_foreign_country(tmp_path: Path) -> None:
    facts = {
        "processes_personal_data": True,
        "transfers": [{"country": "US"}],
        "processors": [{"country": "US"}, {"country": "MA"}, {"country": "IE"}],
        "ai": {"inference": {"hosting_country": "FR", "prompts_contain_personal_data": True}, "training": {}},
    }
    plan = router(tmp_path, facts)
    assert sorted(t.country for t in plan.transfers) == ["FR", "IE", "US"]
    us = next(t for t in plan.transfers if t.country == "US")
    assert not us.on_adequacy_list and us.sources == ["transfers", "processors"]
    assert "F118" in [f.value for f in plan.forms]


def test_router_no_personal_data_no_formality(tmp_path: Path) -> None:
    plan = router(tmp_path, {"processes_personal_data": False, "transfers": [{"country": "US"}]})
    assert plan.regime == "none" and plan.forms == [] and plan.transfers == []


def test_redacted_prompts_to_a_foreign_api_are_not_a_transfer(tmp_path: Path) -> None:
    facts = {
        "processes_personal_data": True,
        "ai": {"inference": {"hosting_country": "US", "prompts_contain_personal_data": False}},
    }
    assert router(tmp_path, facts).transfers == []


def test_hash_ignores_the_order_of_mapping_keys(tmp_path: Path) -> None:
    a = {"processings": [{"retention": {"per_category": {"contact": 30, "identification": 60}}}]}
    b = {"processings": [{"retention": {"per_category": {"identification": 60, "contact": 30}}}]}
    assert run(tmp_path / "a", a)[0].submission_hash == run(tmp_path / "b", b)[0].submission_hash


def test_assessment_serialises_to_json_and_back(tmp_path: Path) -> None:
    from compliance.domain.outcomes import Assessment

    a, _ = run(tmp_path, {"processes_personal_data": True, "processings": [{"id": "a"}]})
    again = Assessment.model_validate_json(a.model_dump_json())
    assert again == a
    assert again.findings[0].trace[0].path == a.findings[0].trace[0].path


def test_self_hosted_model_on_servers_abroad_is_a_transfer(tmp_path: Path) -> None:
    facts: dict[str, Any] = {
        "processes_personal_data": True,
        "ai": {
            "inference": {"self_hosted": True, "hosting_country": "US", "prompts_contain_personal_data": True}
        },
    }
    assert [t.country for t in router(tmp_path / "a", facts).transfers] == ["US"]
    facts["ai"]["inference"] = {
        "self_hosted": True,
        "provider_country": "US",
        "prompts_contain_personal_data": True,
    }
    assert router(tmp_path / "b", facts).transfers == []  # the provider's country says nothing of our servers


def test_one_transfer_authorisation_does_not_cover_every_destination(tmp_path: Path) -> None:
    engine = Engine(load_pack(make_pack(tmp_path, [rule_doc()])))
    facts = {
        **BASE,
        "processes_personal_data": True,
        "cndp": {"transfer_authorisation_number": "A-12/2024"},
        "transfers": [
            {"country": "US", "mechanism": "cndp_authorisation"},
            {"country": "CN", "mechanism": "express_consent"},
            {"country": "AE", "cndp_authorisation_number": "A-13/2024"},
        ],
    }
    assessment = engine.assess(Submission.model_validate(facts))
    from compliance.engine.destinations import foreign_destinations

    dumped = Submission.model_validate(facts).model_dump(mode="json")
    covered = {d.country: d.covered_by_cndp for d in foreign_destinations(dumped, engine.pack)}
    assert covered == {"US": True, "CN": False, "AE": True}
    assert {t.country for t in assessment.formalities.transfers} == {"US", "CN", "AE"}
