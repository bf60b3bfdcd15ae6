"""The lean engine against the engine it replaced (`compliance.engine.reference`, kept unchanged).

Same assessment, byte for byte in JSON, and the same reports in every format and language, on every example and
on thousands of random submissions; the compact form stored and read back expands to the same assessment.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compliance.domain.compact import compact_from_json, expand, is_compact
from compliance.domain.expanded_json import expanded_json
from compliance.domain.outcomes import Assessment
from compliance.domain.pack import RulePack
from compliance.domain.rules import Severity
from compliance.domain.submission import Submission
from compliance.engine.assess import Engine
from compliance.engine.reference import ReferenceEngine
from compliance.reports import ReportFormat, render
from compliance.ruleset.loader import load_pack
from compliance.service.submissions import read_submission
from tests.core.randomfacts import random_submission

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
RANDOM = int(os.environ.get("COMPLIANCE_RANDOM_SEEDS", "1500"))  # 10,000 in the last full run


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack(ROOT / "rules", ROOT / "features")


@pytest.fixture(scope="module")
def engines(pack: RulePack) -> tuple[Engine, ReferenceEngine]:
    return Engine(pack), ReferenceEngine(pack)


def _json(assessment: Assessment) -> bytes:
    return assessment.__pydantic_serializer__.to_json(assessment)


def _reports(assessment: Assessment) -> list[str]:
    return [
        render(assessment, fmt, lang=lang, threshold=threshold)
        for fmt in ReportFormat
        if fmt is not ReportFormat.pdf  # printed from the HTML report, compared here
        for lang in ("fr", "ar", "en")
        for threshold in (Severity.major, Severity.info)
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_and_every_report_as_before(
    path: Path, engines: tuple[Engine, ReferenceEngine]
) -> None:
    lean, reference = engines
    submission = read_submission(path)
    new, old = lean.assess(submission), reference.assess(submission)
    assert _json(new) == _json(old)
    assert expanded_json(lean.assess_compact(submission), lean.view) == _json(old)
    assert _reports(new) == _reports(old)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_compact_form_round_trips(path: Path, engines: tuple[Engine, ReferenceEngine]) -> None:
    lean, reference = engines
    submission = read_submission(path)
    stored = lean.assess_compact(submission).to_json()
    assert is_compact(stored)
    assert len(stored) * 3 < len(_json(reference.assess(submission)))  # a third of the full form at most
    assert _json(expand(compact_from_json(stored), lean.view)) == _json(reference.assess(submission))


def test_random_submissions_as_before(engines: tuple[Engine, ReferenceEngine]) -> None:
    lean, reference = engines
    differ = []
    for seed in range(RANDOM):
        submission: Submission = random_submission(seed)
        compact, old = lean.assess_compact(submission), reference.assess(submission)
        expected = _json(old)
        if expanded_json(compact, lean.view) != expected:
            differ.append(seed)
        elif seed % 10 == 0:
            new = expand(compact, lean.view)
            if _json(new) != expected or (seed % 100 == 0 and _reports(new) != _reports(old)):
                differ.append(seed)
    assert differ == []


def test_the_logic_hash_ignores_texts_but_not_conditions(tmp_path: Path, pack: RulePack) -> None:
    rule = pack.rules[0]
    retitled = rule.model_copy(update={"title": rule.title.model_copy(update={"en": "Another title"})})
    resevered = rule.model_copy(update={"severity": Severity.info if rule.severity.rank else Severity.major})
    logic = Engine(pack).logic
    assert Engine(pack.model_copy(update={"rules": [retitled, *pack.rules[1:]]})).logic == logic
    assert Engine(pack.model_copy(update={"rules": [resevered, *pack.rules[1:]]})).logic != logic


@pytest.mark.parametrize("path", EXAMPLES[:3], ids=[p.stem for p in EXAMPLES[:3]])
def test_the_undecided_report_fast_path_equals_the_settled_model(
    path: Path, engines: tuple[Engine, ReferenceEngine]
) -> None:
    """Before a decision the API splices the review state into the pre-serialised JSON; it must be what
    `settle` (the path of decided versions) writes for the same state."""
    from datetime import UTC, datetime

    from compliance.domain.outcomes import Person, ReviewNote
    from compliance.domain.standing import settle
    from compliance.service.review_report import with_review_note

    lean, _ = engines
    compact = lean.assess_compact(read_submission(path))
    note = ReviewNote(version=1, state="in_review", judgements_applied=False)
    settled = settle(expand(compact, lean.view), {}, None, note)
    assert with_review_note(expanded_json(compact, lean.view), note) == _json(settled)
    decided = note.model_copy(
        update={"decided_by": Person(id="u1", name="Liaison"), "decided_at": datetime(2026, 1, 2, tzinfo=UTC)}
    )
    assert b'"decided_by":{"id":"u1"' in with_review_note(expanded_json(compact, lean.view), decided)


def test_route_writes_the_derived_facts_and_plan_of_derive(pack: RulePack) -> None:
    """The lean engine's `route` against the reference engine's `derive`: the same `derived` facts, key for key
    and in the same order, and the same formality plan, on every example and random submissions."""
    import json

    import pydantic_core

    from compliance.engine.derive import Router

    router = Router(pack)
    submissions = [read_submission(p) for p in EXAMPLES] + [random_submission(s) for s in range(RANDOM // 3)]
    for submission in submissions:
        canonical = submission.__pydantic_serializer__.to_json(submission)
        old, new = pydantic_core.from_json(canonical), pydantic_core.from_json(canonical)
        _, plan = router.derive(old)
        assert json.dumps(router.route(new).model_dump(mode="json")) == json.dumps(
            plan.model_dump(mode="json")
        )
        assert json.dumps(new["derived"]) == json.dumps(old["derived"])
