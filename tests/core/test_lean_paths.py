"""The assessment's quicker paths against what they replaced (the code before, kept here as the oracle): the
declaration compared only where it is stated, the destinations read directly, the categories in one pass, and
the verdict read from two counts. On every example and random submissions."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.domain.grades import Outcome, counted, verdict_of
from compliance.engine import route
from compliance.engine.declared import _gather, _missing, _same, compare_declaration
from compliance.engine.destinations import MOROCCO, _destination_sources, lookup
from compliance.engine.dump import plain_serializer
from compliance.service.submissions import read_submission
from tests.core.randomfacts import random_submission

ROOT = Path(__file__).resolve().parents[2]


def _facts() -> Iterator[dict[str, Any]]:
    submissions = [read_submission(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    for submission in submissions + [random_submission(seed) for seed in range(400)]:
        yield plain_serializer(submission.__pydantic_serializer__).to_python(submission, mode="json")


@pytest.fixture(scope="module")
def facts() -> list[dict[str, Any]]:
    return list(_facts())


def _old_compare_declaration(facts: dict[str, Any], categories: list[str] | None) -> dict[str, Any]:
    declared = (facts.get("cndp") or {}).get("declared") or {}
    processings = facts.get("processings")
    purposes, purposes_complete = _gather(processings, "purposes", many=True)
    subjects, subjects_complete = _gather(processings, "data_subjects", many=True)
    recipients, recipients_complete = _gather(processings, "recipients", many=True)
    disclosures: list[dict[str, Any]] = []
    for p in processings or []:
        disclosures.extend(p.get("third_party_disclosures") or [])
    disclosed, disclosed_complete = _gather(disclosures, "recipient", many=False)
    processors, processors_complete = _gather(facts.get("processors"), "name", many=False)
    controller = (facts.get("controller") or {}).get("name")
    representative = ((facts.get("controller") or {}).get("representative_in_morocco") or {}).get("name")
    return {
        "undeclared_purposes": _missing(purposes, purposes_complete, declared.get("purposes"), True),
        "undeclared_data_categories": _missing(
            categories or [], categories is not None, declared.get("data_categories"), False
        ),
        "undeclared_data_subjects": _missing(
            subjects, subjects_complete, declared.get("data_subjects"), False
        ),
        "undeclared_recipients": _missing(
            recipients + disclosed,
            recipients_complete and disclosed_complete,
            declared.get("recipients"),
            True,
        ),
        "undeclared_processors": _missing(
            processors,
            processors_complete and facts.get("processors") is not None,
            declared.get("processors"),
            True,
        ),
        "declared_controller_matches": _same(controller, declared.get("controller")),
        "declared_representative_matches": _same(representative, declared.get("representative")),
    }


def _old_categories(facts: dict[str, Any]) -> list[str] | None:
    processings = facts.get("processings")
    if processings is None:
        return None
    if not processings:
        return []
    stated = [p["data_categories"] for p in processings if p.get("data_categories") is not None]
    if not stated:
        return None
    return list(dict.fromkeys(c for cats in stated for c in cats))


def _old_destination_sources(facts: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def add(country: Any, source: str) -> None:
        if isinstance(country, str) and country != MOROCCO:
            srcs = found.setdefault(country, [])
            if source not in srcs:
                srcs.append(source)

    for t in facts.get("transfers") or []:
        add(t.get("country"), "transfers")
    for p in facts.get("processors") or []:
        add(p.get("country"), "processors")
        for country in p.get("countries") or []:
            add(country, "processors")
    inference = lookup(facts, "ai", "inference") or {}
    if inference.get("prompts_contain_personal_data") is not False and not inference.get(
        "pii_redaction_before_call"
    ):
        fallback = None if inference.get("self_hosted") else inference.get("provider_country")
        several = inference.get("hosting_countries") or []
        add(inference.get("hosting_country") or (None if several else fallback), "inference")
        for country in several:
            add(country, "inference")
    add(lookup(facts, "ai", "facial_recognition", "hosting_country"), "facial_recognition")
    return found


def test_the_derived_facts_read_as_before(facts: list[dict[str, Any]]) -> None:
    declared = 0
    for f in facts:
        cats = _old_categories(f)
        assert route._categories(f) == cats
        new = compare_declaration(f, cats)
        assert list(new.items()) == list(_old_compare_declaration(f, cats).items())
        declared += any(v is not None for k, v in new.items() if k.startswith("undeclared"))
        assert list(_destination_sources(f).items()) == list(_old_destination_sources(f).items())
    assert declared > 20  # the declaration's side was stated, and compared, often enough to tell


def test_the_verdict_from_two_counts_is_verdict_of_the_outcomes() -> None:
    keys = [o.value for o in Outcome]
    for numbers in itertools.product((0, 1, 3), repeat=len(keys)):
        counts = dict(zip(keys, numbers, strict=True))
        expected = verdict_of(Outcome(k) for k, n in counts.items() if n)
        verdict, out = counted(dict(counts), waived=2)
        assert verdict is expected
        assert out == {**counts, "waived": 2}


def test_the_generated_functions_keep_few_locals() -> None:
    """Each rule's variables are named afresh (`Source.fresh_locals`): with names unique in the whole function,
    `run` had 2,263 locals, which each call cleared, in a frame larger than the interpreter's stack chunk."""
    from compliance.engine.program import generate, namespace_of
    from compliance.ruleset.loader import load_pack

    namespace = namespace_of(generate(load_pack(ROOT / "rules", ROOT / "features")))
    assert namespace["run"].__code__.co_nlocals < 800
    assert namespace["checks"].__code__.co_nlocals < 100
