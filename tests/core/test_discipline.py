"""Verification discipline over the real pack: unverified or secondary bases never fail a project, and ideas
Law 09-08 lacks are best practice at most."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.domain.outcomes import Outcome
from compliance.domain.rules import Const, Enforcement, RefStatus, Severity
from compliance.ruleset.loader import load_pack
from compliance.service.assessing import Assessor
from compliance.service.submissions import read_submission
from tests.core.randomfacts import random_submission

ROOT = Path(__file__).resolve().parents[2]
GDPR_ONLY = re.compile(
    r"impact assessment|DPIA|data protection officer|\bDPO\b|breach notification|portability", re.I
)


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return Assessor(load_pack(ROOT / "rules", ROOT / "features"))


def test_the_engine_never_fails_a_rule_without_a_verified_basis(assessor: Assessor) -> None:
    """Every rule resting only on secondary or unverified sources, or on best practice, is forced to break
    (applies always, requirement never met): the engine must answer something other than `fail`. A rule on a
    verified or inferred legal basis, forced the same way, must fail: the check can tell them apart."""
    always = Const(op="true")
    never = Const(op="false")
    forced = [
        rule.model_copy(update={"applies_when": always, "require": never, "severity_overrides": []})
        for rule in assessor.pack.rules
    ]
    broken = Assessor(assessor.pack.model_copy(update={"rules": forced}))
    outcomes = {f.rule_id: f.outcome for f in broken.assess(random_submission(0)).findings}
    weak = {RefStatus.secondary, RefStatus.unverified}
    for rule in assessor.pack.rules:
        may_fail = rule.enforcement is Enforcement.legal and rule.basis_status not in weak
        assert (outcomes[rule.id] is Outcome.fail) == may_fail, rule.id
    assert any(o is not Outcome.fail for o in outcomes.values())


def test_gdpr_ideas_are_best_practice_info(assessor: Assessor) -> None:
    for rule in assessor.pack.rules:
        if GDPR_ONLY.search(rule.title.en):
            assert rule.enforcement is Enforcement.best_practice, rule.id
            assert rule.severity is Severity.info, rule.id


@pytest.mark.parametrize("seed", range(0, 400, 50))
def test_random_projects_never_fail_on_a_rule_that_cannot_fail(assessor: Assessor, seed: int) -> None:
    """400 random projects, walked from the model: no crash, and no `fail` from a rule that may not fail."""
    can_fail = {r.id: r.can_fail for r in assessor.pack.rules}
    for s in range(seed, seed + 50):
        assessment = assessor.assess(random_submission(s))
        assert len(assessment.findings) == len(assessor.pack.rules)
        for finding in assessment.findings:
            if finding.outcome is Outcome.fail:
                assert can_fail[finding.rule_id], f"{finding.rule_id} failed on seed {s}"
                rule = assessor.pack.rule(finding.rule_id)
                assert rule is not None
                assert (finding.penalty is None) == (rule.penalty is None), finding.rule_id
            if finding.outcome is Outcome.needs_info:
                assert finding.questions is not None and finding.questions.fr


def test_examples_respect_the_discipline(assessor: Assessor) -> None:
    can_fail = {r.id: r.can_fail for r in assessor.pack.rules}
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        for finding in assessor.assess(read_submission(path)).findings:
            if finding.outcome is Outcome.fail:
                assert can_fail[finding.rule_id], f"{path.name}: {finding.rule_id}"
