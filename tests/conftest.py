"""Shared fixtures and the generic French steps every rule feature uses.

A new rule needs a feature file, not new Python: the steps below describe a project (a YAML docstring,
an example file, or single facts), run the real engine on the real pack, and check outcomes, traces,
questions, penalties and formalities.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from compliance.domain.outcomes import Assessment, Finding, Outcome
from compliance.domain.submission import SCHEMA_VERSION
from compliance.ruleset.loader import load_pack
from compliance.service.assessing import Assessor
from compliance.service.submissions import validate_submission
from compliance.strictyaml import load_yaml
from tests.pgdb import pg_database, pg_databases, pg_empty  # noqa: F401  (PostgreSQL fixtures)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

OUTCOMES_FR = {
    "conforme": Outcome.passed,
    "non conforme": Outcome.fail,
    "non applicable": Outcome.not_applicable,
    "informations manquantes": Outcome.needs_info,
    "recommandation": Outcome.advisory,
}
BASE = {"schema_version": SCHEMA_VERSION, "project_name": "Projet de test"}


@pytest.fixture(scope="session", autouse=True)
def _pack_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests (and the servers they start) never write the user's cache folder."""
    before = os.environ.get("COMPLIANCE_CACHE_DIR")
    os.environ["COMPLIANCE_CACHE_DIR"] = str(tmp_path_factory.mktemp("pack-cache"))
    yield
    if before is None:
        del os.environ["COMPLIANCE_CACHE_DIR"]
    else:
        os.environ["COMPLIANCE_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def assessor() -> Assessor:
    return Assessor(load_pack(ROOT / "rules", ROOT / "features"))


class World:
    """What a scenario builds up: the facts, then the assessment and the finding under scrutiny."""

    def __init__(self) -> None:
        self.facts: dict[str, Any] = dict(BASE)
        self.assessment: Assessment | None = None
        self.finding: Finding | None = None

    def result(self) -> Assessment:
        assert self.assessment is not None, "the project was not assessed: add « Quand le projet est évalué »"
        return self.assessment

    def current(self) -> Finding:
        assert self.finding is not None, 'no check selected: add « Alors la vérification "ID" est ... »'
        return self.finding


@pytest.fixture
def world() -> World:
    return World()


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `a.b[0].c` in nested data, creating mappings and list items as needed."""
    parts = re.findall(r"([a-z_][a-z0-9_]*)(?:\[(\d+)\])?", path)
    node: Any = data
    for i, (name, index) in enumerate(parts):
        last = i == len(parts) - 1
        if index == "":
            if last:
                node[name] = value
            else:
                node = node.setdefault(name, {})
        else:
            items = node.setdefault(name, [])
            idx = int(index)
            while len(items) <= idx:
                items.append({})
            if last:
                items[idx] = value
            else:
                node = items[idx]


@given(parsers.parse("un projet décrit par :"))
def project_from_docstring(world: World, docstring: str) -> None:
    data = load_yaml(docstring)
    assert isinstance(data, dict), "the docstring must hold a YAML mapping"
    world.facts = {**BASE, **data}


@given(parsers.parse('le projet de l\'exemple "{name}"'))
def project_from_example(world: World, name: str) -> None:
    data = load_yaml((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    world.facts = copy.deepcopy(data)


@given(parsers.parse('le fait "{path}" vaut {value}'))
def set_fact(world: World, path: str, value: str) -> None:
    set_path(world.facts, path, load_yaml(value))


@given(parsers.parse('le fait "{path}" n\'est pas renseigné'))
def unset_fact(world: World, path: str) -> None:
    set_path(world.facts, path, None)


@when("le projet est évalué")
def assess(world: World, assessor: Assessor) -> None:
    world.assessment = assessor.assess(validate_submission(world.facts, "feature"))  # as strict as a user's


@then(parsers.parse('la vérification "{rule_id}" est "{outcome}"'))
def check_outcome(world: World, rule_id: str, outcome: str) -> None:
    assert outcome in OUTCOMES_FR, f"unknown outcome '{outcome}': one of {sorted(OUTCOMES_FR)}"
    finding = next((f for f in world.result().findings if f.rule_id == rule_id), None)
    assert finding is not None, f"no finding for {rule_id}"
    world.finding = finding
    trace = "\n".join(f"  {t.path} = {t.value!r} ({t.test}) -> {t.result}" for t in finding.trace)
    assert finding.outcome is OUTCOMES_FR[outcome], (
        f"{rule_id}: expected {OUTCOMES_FR[outcome].value}, got {finding.outcome.value}\ntrace:\n{trace}"
    )


@then(parsers.parse('la gravité est "{severity}"'))
def check_severity(world: World, severity: str) -> None:
    assert world.current().severity.value == severity


@then(parsers.parse('la trace cite le fait "{path}"'))
def check_trace(world: World, path: str) -> None:
    paths = [t.path for t in world.current().trace]
    assert path in paths, f"{path} not among the facts read: {paths}"


@then(parsers.parse('une question porte sur "{text}"'))
def check_question(world: World, text: str) -> None:
    questions = world.current().questions
    assert questions is not None, "no question: the outcome is not needs_info"
    joined = " ".join(questions.fr).lower()
    assert text.lower() in joined, f"'{text}' not in the questions: {questions.fr}"


@then(parsers.parse("l'exposition pénale renvoie à l'article {article}"))
def check_penalty(world: World, article: str) -> None:
    penalty = world.current().penalty
    assert penalty is not None, "no penalty exposure on this finding"
    assert penalty.article == article
    assert penalty.company_fine_mad == (penalty.fine_mad[0] * 2, penalty.fine_mad[1] * 2)


@then("aucune exposition pénale n'est retenue")
def check_no_penalty(world: World) -> None:
    assert world.current().penalty is None, "this finding carries a penal exposure"


@then(parsers.parse('le verdict est "{verdict}"'))
def check_verdict(world: World, verdict: str) -> None:
    names = {"conforme": "compliant", "non conforme": "non_compliant", "incomplet": "incomplete"}
    assert world.result().verdict.value == names[verdict]


@then(parsers.parse('le régime requis est "{regime}"'))
def check_regime(world: World, regime: str) -> None:
    names = {
        "autorisation": "authorisation",
        "déclaration": "declaration",
        "aucun": "none",
        "à déterminer": "undetermined",
    }
    assert world.result().formalities.regime == names[regime]


@then(parsers.parse('le formulaire "{form}" est requis'))
def check_form(world: World, form: str) -> None:
    assert form in [f.value for f in world.result().formalities.forms]


@then(parsers.parse('le formulaire "{form}" n\'est pas requis'))
def check_no_form(world: World, form: str) -> None:
    assert form not in [f.value for f in world.result().formalities.forms]


@then(parsers.parse('le motif d\'autorisation "{trigger}" est retenu'))
def check_trigger(world: World, trigger: str) -> None:
    assert trigger in [t.id for t in world.result().formalities.triggers]


@then(parsers.parse('le motif d\'autorisation "{trigger}" est à confirmer'))
def check_possible_trigger(world: World, trigger: str) -> None:
    assert trigger in [t.id for t in world.result().formalities.possible_triggers]


@then(parsers.parse('un transfert vers "{country}" est à déclarer'))
def check_transfer(world: World, country: str) -> None:
    assert country in [t.country for t in world.result().formalities.transfers]


def pytest_bdd_apply_tag(tag: str, function: Any) -> bool | None:
    """Map `@rule:ID` tags to the registered `rule` mark; other tags go through pytest's strict markers."""
    if tag.startswith("rule:"):
        pytest.mark.rule(tag.removeprefix("rule:"))(function)
        return True
    return None
