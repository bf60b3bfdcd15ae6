"""Diffs between versions and the carry-over of review judgements."""

from __future__ import annotations

from pathlib import Path

from compliance.domain.submission import SCHEMA_VERSION, Submission
from compliance.engine.assess import Engine
from compliance.engine.diff import diff_versions, flatten, judgement_carries_over
from compliance.ruleset.loader import load_pack
from tests.core.minipack import make_pack, rule_doc

BASE = {"schema_version": SCHEMA_VERSION, "project_name": "p", "processes_personal_data": True}


def test_flatten_paths() -> None:
    assert flatten({"a": {"b": [1, {"c": 2}]}, "d": None, "e": []}) == {"a.b[0]": 1, "a.b[1].c": 2, "e": []}


def test_resolved_new_and_unchanged_findings_and_changed_facts(tmp_path: Path) -> None:
    live = rule_doc("L0908-T02-LIVE", applies_when={"op": "true"}, require={"op": "is_true", "path": "live"})
    engine = Engine(load_pack(make_pack(tmp_path, [rule_doc(), live])))
    v1 = {**BASE, "live": False, "processings": [{"id": "a"}]}
    v2 = {**BASE, "live": True, "processings": [{"id": "a", "legal_basis": "contract"}]}
    a1 = engine.assess(Submission.model_validate(v1))
    a2 = engine.assess(Submission.model_validate(v2))
    d = diff_versions(v1, a1, v2, a2)
    assert [c.rule_id for c in d.resolved] == ["L0908-T01-SAMPLE", "L0908-T02-LIVE"]
    assert d.new == [] and d.unchanged == []
    assert {(c.path, c.old, c.new) for c in d.facts} == {
        ("live", False, True),
        ("processings[0].legal_basis", None, "contract"),
    }
    back = diff_versions(v2, a2, v1, a1)
    assert [c.rule_id for c in back.new] == ["L0908-T01-SAMPLE", "L0908-T02-LIVE"]
    assert not back.pack_changed


def test_judgement_carries_over_only_when_its_facts_are_unchanged(tmp_path: Path) -> None:
    live = rule_doc("L0908-T02-LIVE", applies_when={"op": "true"}, require={"op": "is_true", "path": "live"})
    engine = Engine(load_pack(make_pack(tmp_path, [live])))
    one = engine.assess(Submission.model_validate({**BASE, "live": False, "description": "v1"})).findings[0]
    same = engine.assess(Submission.model_validate({**BASE, "live": False, "description": "v2"})).findings[0]
    other = engine.assess(Submission.model_validate({**BASE, "live": True})).findings[0]
    assert judgement_carries_over(one, same)
    assert not judgement_carries_over(one, other)
