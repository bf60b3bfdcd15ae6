"""Catalogue invariants: every rule has its feature, every tag names a rule, the features are well formed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser

from compliance.domain.pack import RulePack
from compliance.ruleset.loader import load_pack

ROOT = Path(__file__).resolve().parents[2]
ALL_FEATURES = sorted((ROOT / "features").rglob("*.feature"))
WORKFLOW = ROOT / "features" / "workflow"
FEATURES = [p for p in ALL_FEATURES if WORKFLOW not in p.parents]  # one feature per rule
STEP_KEYWORDS = ("Soit ", "Quand ", "Alors ", "Et ", "Mais ", "Given ", "When ", "Then ", "And ", "But ")
OUTCOME_STEP = re.compile(r'la vérification "(?P<rule>[^"]+)" est "(?P<outcome>[^"]+)"')


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack(ROOT / "rules", ROOT / "features")


def _parse(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = Parser().parse(path.read_text(encoding="utf-8"))  # type: ignore[assignment]
    return doc


def _scenarios(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for child in doc["feature"]["children"]:
        if "scenario" in child:
            out.append(child["scenario"])
        if "rule" in child:
            out += [c["scenario"] for c in child["rule"]["children"] if "scenario" in c]
    return out


def _rule_tags(doc: dict[str, Any]) -> list[str]:
    return [
        t["name"].removeprefix("@rule:") for t in doc["feature"]["tags"] if t["name"].startswith("@rule:")
    ]


def test_there_are_features() -> None:
    assert len(FEATURES) >= 1


def test_every_rule_has_its_feature_tagged_with_its_id(pack: RulePack) -> None:
    for rule in pack.rules:
        feature = ROOT / pack.sources[rule.id].replace("rules/", "features/", 1).removesuffix(".yaml")
        feature = feature.with_suffix(".feature")
        assert feature.is_file(), f"{rule.id}: no {feature.relative_to(ROOT)}"
        assert rule.id in _rule_tags(_parse(feature)), f"{feature.name} is not tagged @rule:{rule.id}"


@pytest.mark.parametrize("path", FEATURES, ids=lambda p: p.stem)
def test_feature_is_french_and_tags_name_rules(path: Path, pack: RulePack) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# language: fr"), f"{path.name}: must start with '# language: fr'"
    doc = _parse(path)
    assert doc["feature"]["language"] == "fr"
    tags = _rule_tags(doc)
    assert tags, f"{path.name}: no @rule: tag"
    for tag in tags:
        assert pack.rule(tag) is not None, f"{path.name}: @rule:{tag} names no rule"


@pytest.mark.parametrize("path", ALL_FEATURES, ids=lambda p: p.stem)
def test_no_step_is_swallowed_into_a_description(path: Path) -> None:
    doc = _parse(path)
    blocks = [doc["feature"].get("description", "")] + [s.get("description", "") for s in _scenarios(doc)]
    for block in blocks:
        for line in block.splitlines():
            assert not line.strip().startswith(STEP_KEYWORDS), (
                f"{path.name}: step in a description: {line.strip()}"
            )


@pytest.mark.parametrize("path", ALL_FEATURES, ids=lambda p: p.stem)
def test_scenario_names_are_unique_and_scenarios_have_steps(path: Path) -> None:
    scenarios = _scenarios(_parse(path))
    assert scenarios, f"{path.name}: no scenario"
    names = Counter(s["name"] for s in scenarios)
    dupes = [n for n, c in names.items() if c > 1]
    assert not dupes, f"{path.name}: duplicate scenario names {dupes}"
    for s in scenarios:
        assert s["steps"], f"{path.name}: scenario '{s['name']}' has no steps"


def _outcomes_shown(pack: RulePack) -> dict[str, set[str]]:
    shown: dict[str, set[str]] = {r.id: set() for r in pack.rules}
    for path in FEATURES:
        doc = _parse(path)
        for scenario in _scenarios(doc):
            rows = [
                {c["value"] for c in row["cells"]}
                for ex in scenario.get("examples", [])
                for row in ex["tableBody"]
            ]
            for step in scenario["steps"]:
                m = OUTCOME_STEP.search(step["text"])
                if not m or m["rule"] not in shown:
                    continue
                outcome = m["outcome"]
                if outcome.startswith("<"):
                    for cells in rows:
                        shown[m["rule"]].update(cells)
                else:
                    shown[m["rule"]].add(outcome)
    return shown


def test_every_rule_shows_a_pass_and_a_fail_and_a_not_applicable_case(pack: RulePack) -> None:
    shown = _outcomes_shown(pack)
    for rule in pack.rules:
        outcomes = shown[rule.id]
        assert "conforme" in outcomes, f"{rule.id}: no passing scenario"
        negative = "non conforme" if rule.can_fail else None
        if negative is None:
            assert outcomes & {"informations manquantes", "recommandation"}, (
                f"{rule.id}: cannot fail (basis {rule.basis_status.value}); show its unmet case"
            )
        else:
            assert negative in outcomes, f"{rule.id}: no failing scenario"
        assert "non applicable" in outcomes or rule.applies_when.op == "true", (
            f"{rule.id}: no not-applicable scenario"
        )


def test_rule_ids_are_unique_and_well_formed(pack: RulePack) -> None:
    ids = [r.id for r in pack.rules]
    assert len(ids) == len(set(ids))
    for rule in pack.rules:
        assert re.fullmatch(r"L0908-[A-Z0-9]+(-[A-Z0-9]+)*", rule.id)


@pytest.mark.parametrize("path", sorted(WORKFLOW.glob("*.feature")), ids=lambda p: p.stem)
def test_workflow_features_are_french_and_tagged(path: Path) -> None:
    doc = _parse(path)
    assert path.read_text(encoding="utf-8").startswith("# language: fr")
    assert doc["feature"]["language"] == "fr"
    assert "@workflow" in [t["name"] for t in doc["feature"]["tags"]]
