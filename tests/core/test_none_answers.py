"""Every question can be answered "no": each explicit none makes the rule that reads it fail, and leaving the
fact out still asks (issue 11, item 1). The project around each fact is otherwise in order for that rule."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from compliance.domain.outcomes import Outcome
from compliance.domain.submission import SCHEMA_VERSION, Submission
from compliance.ruleset.loader import load_pack
from compliance.service.assessing import Assessor

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class NoneAnswer:
    path: tuple[str | int, ...]  # where the fact sits in the submission
    none: Any  # its explicit "none"
    rule: str  # the rule that decides on it
    facts: dict[str, Any]  # a project otherwise in order for that rule
    # Sibling facts that say the same thing, such as a channel's text beside its flag.
    also_drop: tuple[str, ...] = ()

    @property
    def dotted(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


CASES = [
    NoneAnswer(
        ("processings", 0, "legal_basis"),
        "none",
        "L0908-A04-LEGAL-BASIS",
        {"processings": [{"id": "p", "legal_basis": "consent"}], "consent": {"mechanism": "signed_form"}},
    ),
    NoneAnswer(
        ("ai", "training", "legal_basis"),
        "none",
        "L0908-AI-TRAINING-PROVENANCE",
        {
            "ai": {
                "training": {
                    "uses_personal_data": True,
                    "sources": ["first_party_customers"],
                    "legal_basis": "consent",
                    "dataset_register": True,
                }
            }
        },
    ),
    NoneAnswer(
        ("processings", 0, "third_party_disclosures", 0, "legal_basis"),
        "none",
        "L0908-A04-THIRD-PARTY-SHARING",
        {
            "processings": [
                {
                    "id": "p",
                    "third_party_disclosures": [
                        {
                            "recipient": "Partenaire",
                            "purpose_linked_to_functions": True,
                            "consent_obtained": False,
                            "legal_basis": "contract",
                        }
                    ],
                }
            ]
        },
    ),
    NoneAnswer(
        ("transfers", 0, "mechanism"),
        "none",
        "L0908-A43-TRANSFER-GROUND",
        {
            "transfers": [
                {
                    "country": "US",
                    "mechanism": "express_consent",
                    "exception_justification": "Consentement exprès recueilli à l'inscription",
                }
            ]
        },
    ),
    NoneAnswer(
        ("sensitive", "art21_ground"),
        "none",
        "L0908-A21-SENSITIVE",
        {
            "processings": [{"id": "p", "data_categories": ["health"]}],
            "sensitive": {"art21_ground": "legal_claim"},
        },
    ),
    NoneAnswer(
        ("rights", "access_channel_offered"),
        False,
        "L0908-A07-ACCESS",
        {
            "rights": {
                "access_channel_offered": True,
                "access_channel": "droits@exemple.ma",
                "free_of_charge": True,
                "export_with_origin": True,
                "access_sla_days": 10,
            }
        },
        also_drop=("access_channel",),
    ),
    NoneAnswer(
        ("rights", "opposition_channel_offered"),
        False,
        "L0908-A09-OPPOSITION",
        {
            "processings": [{"id": "p", "legal_basis": "contract"}],
            "rights": {"opposition_channel_offered": True, "opposition_channel": "droits@exemple.ma"},
        },
        also_drop=("opposition_channel",),
    ),
    NoneAnswer(
        ("consent", "mechanism"),
        "none",
        "L0908-A04-CONSENT-QUALITY",
        {
            "processings": [{"id": "p", "legal_basis": "consent"}],
            "consent": {"mechanism": "unticked_checkbox", "recorded": True, "per_purpose": True},
        },
    ),
    NoneAnswer(
        ("indirect_collection", "info_plan"),
        "none",
        "L0908-A05-INDIRECT-COLLECTION",
        {"indirect_collection": {"exists": True, "info_plan": "at_recording"}},
    ),
    NoneAnswer(
        ("ai", "inference", "provider_reuse_legal_basis"),
        "none",
        "L0908-AI-PROVIDER-REUSE",
        {
            "ai": {
                "inference": {
                    "hosting_country": "FR",
                    "prompts_contain_personal_data": True,
                    "provider_trains_on_inputs": True,
                    "provider_training_consent": False,
                    "provider_reuse_legal_basis": "contract",
                    "provider_reuse_purpose_linked": True,
                    "provider_reuse_exception_confirmed": True,
                }
            }
        },
    ),
]


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return Assessor(load_pack(ROOT / "rules", ROOT / "features"))


def _project(case: NoneAnswer, value: Any, *, drop: bool = False) -> Submission:
    facts = copy.deepcopy(case.facts)
    node: Any = facts
    for part in case.path[:-1]:
        node = node[part]
    if drop:
        del node[case.path[-1]]
        for sibling in case.also_drop:
            del node[sibling]
    else:
        node[case.path[-1]] = value
    data = {"schema_version": SCHEMA_VERSION, "project_name": "Réponse « aucun »"}
    return Submission.model_validate({**data, "processes_personal_data": True, **facts})


def _outcome(assessor: Assessor, submission: Submission, rule: str) -> tuple[Outcome, list[str]]:
    finding = next(f for f in assessor.assess(submission).findings if f.rule_id == rule)
    return finding.outcome, [e.path for e in finding.trace]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.dotted)
def test_the_project_in_order_passes(assessor: Assessor, case: NoneAnswer) -> None:
    value: Any = case.facts
    for part in case.path:
        value = value[part]
    outcome, _ = _outcome(assessor, _project(case, value), case.rule)
    assert outcome is Outcome.passed


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.dotted)
def test_an_explicit_none_fails_the_rule_that_reads_it(assessor: Assessor, case: NoneAnswer) -> None:
    outcome, trace = _outcome(assessor, _project(case, case.none), case.rule)
    assert outcome is Outcome.fail
    cited = case.dotted
    if case.path[0] == "transfers":  # the rule reads a transfer through its destination
        cited = "derived.foreign_destinations[0].mechanism"
    if case.path[0] == "consent":  # the rule reads the consent that applies to each processing
        cited = "derived.processing_consents[0].mechanism"
    assert cited in trace


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.dotted)
def test_leaving_the_fact_out_still_asks(assessor: Assessor, case: NoneAnswer) -> None:
    outcome, _ = _outcome(assessor, _project(case, None, drop=True), case.rule)
    assert outcome is Outcome.needs_info
