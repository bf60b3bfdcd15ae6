"""The rule catalogue as the API serves it: each rule with the scenarios of its feature file.

The scenarios are the rule's executable documentation (features/<chapter>/<slug>.feature), read with the
official Gherkin parser: names, steps (background first), doc strings, tables and examples.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserException
from gherkin.parser import Parser
from gherkin.parser_types import Scenario as GherkinScenario
from gherkin.parser_types import Step as GherkinStep

from compliance.domain.base import Frozen
from compliance.domain.pack import RulePack
from compliance.domain.rules import Rule
from compliance.ruleset.loader import default_features_dir


class StepDoc(Frozen):
    keyword: str
    text: str
    doc_string: str | None = None
    table: list[list[str]] | None = None


class ExamplesDoc(Frozen):
    name: str
    header: list[str]
    rows: list[list[str]]


class ScenarioDoc(Frozen):
    name: str
    keyword: str
    rule: str | None = None
    tags: list[str]
    steps: list[StepDoc]
    examples: list[ExamplesDoc]


class FeatureDoc(Frozen):
    path: str
    name: str
    language: str
    description: str
    scenarios: list[ScenarioDoc]


def _step(step: GherkinStep) -> StepDoc:
    doc = step.get("docString")
    table = step.get("dataTable")
    return StepDoc(
        keyword=step["keyword"].strip(),
        text=step["text"],
        doc_string=doc["content"] if doc else None,
        table=[[c["value"] for c in row["cells"]] for row in table["rows"]] if table else None,
    )


def _scenario(sc: GherkinScenario, background: list[StepDoc], rule: str | None) -> ScenarioDoc:
    return ScenarioDoc(
        name=sc["name"],
        keyword=sc["keyword"],
        rule=rule,
        tags=[t["name"] for t in sc["tags"]],
        steps=background + [_step(s) for s in sc["steps"]],
        examples=[
            ExamplesDoc(
                name=ex["name"],
                header=[c["value"] for c in ex["tableHeader"]["cells"]] if ex.get("tableHeader") else [],
                rows=[[c["value"] for c in row["cells"]] for row in ex["tableBody"]],
            )
            for ex in sc["examples"]
        ],
    )


def _children(children: list[Any], background: list[StepDoc], rule: str | None) -> list[ScenarioDoc]:
    out: list[ScenarioDoc] = []
    for child in children:
        if "background" in child:
            background = background + [_step(s) for s in child["background"]["steps"]]
        elif "scenario" in child:
            out.append(_scenario(child["scenario"], background, rule))
        elif "rule" in child:
            out += _children(child["rule"]["children"], background, child["rule"]["name"])
    return out


@lru_cache(maxsize=512)
def _parse(path: Path, mtime_ns: int, label: str) -> FeatureDoc | None:
    try:
        document = Parser().parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ParserException, CompositeParserException):
        return None
    feature = document.get("feature")
    if feature is None:
        return None
    return FeatureDoc(
        path=label,
        name=feature["name"],
        language=feature["language"],
        description=feature["description"].strip(),
        scenarios=_children(list(feature["children"]), [], None),
    )


def feature_of(pack: RulePack, rule: Rule) -> FeatureDoc | None:
    """The parsed feature file documenting a rule, None when the pack ships without features."""
    source = pack.sources.get(rule.id)
    if not source or not pack.root:
        return None
    features = default_features_dir(Path(pack.root))
    if features is None:
        return None
    path = features / Path(source).parent.name / (Path(source).stem + ".feature")
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return _parse(path, mtime, f"features/{path.parent.name}/{path.name}")
