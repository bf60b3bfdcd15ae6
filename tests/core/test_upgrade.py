"""Old submissions keep working: a 1.0 submission is upgraded on read, never rejected; what is stored stays as it
was, and a re-assessment shows what the new model changes."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compliance.domain.outcomes import Outcome
from compliance.domain.upgrade import SCHEMA_VERSION, upgrade
from compliance.service.assessing import Assessor, assessor_for
from compliance.service.reassess import reassess
from compliance.service.submissions import InvalidSubmission, parse_submission, read_submission
from compliance.storage.memory import memory_store
from compliance.storage.records import AuditEvent, Project, ProjectVersion, StoredAssessment

ROOT = Path(__file__).resolve().parents[2]
OLD = {
    "schema_version": "1.0",
    "project_name": "Ancien format",
    "processes_personal_data": True,
    "processings": [
        {"id": "kyc", "data_categories": ["identification", "cin_number"], "legal_basis": "contract"}
    ],
    "rights": {"access_channel": "aucun", "opposition_channel": " None "},
    "cndp": {
        "formality": "authorisation",
        "authorisation_number": "A-PO-23/2024",
        "authorisation_date": "2024-02-01",
    },
}


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return assessor_for(None)


def _finding(assessor: Assessor, data: dict[str, object], rule: str) -> Outcome:
    submission = parse_submission(json.dumps(data).encode())
    return next(f for f in assessor.assess(submission).findings if f.rule_id == rule).outcome


def test_upgrade_moves_to_the_current_format_without_touching_its_input() -> None:
    before = copy.deepcopy(OLD)
    new = upgrade(OLD)
    assert before == OLD
    assert new["schema_version"] == SCHEMA_VERSION
    assert new["rights"] == {"access_channel_offered": False, "opposition_channel_offered": False}
    assert "authorisation_number" not in new["cndp"] and "authorisation_date" not in new["cndp"]
    assert new["cndp"]["acts"] == [{"kind": "authorisation", "number": "A-PO-23/2024", "date": "2024-02-01"}]


def test_a_real_channel_is_kept_and_the_current_format_is_left_alone() -> None:
    data = {**OLD, "rights": {"access_channel": "droits@exemple.ma"}, "cndp": {}}
    assert upgrade(data)["rights"] == {"access_channel": "droits@exemple.ma"}
    current = {"schema_version": SCHEMA_VERSION, "project_name": "x", "rights": {"access_channel": "aucun"}}
    assert upgrade(current) is current


def test_an_old_submission_is_read_and_decided_on_its_meaning(assessor: Assessor) -> None:
    # "aucun" meant no channel in 1.0 and still fails; the authorisation number of 1.0 never said what it
    # covered, so whether it covers the CIN number is now asked.
    assert _finding(assessor, OLD, "L0908-A07-ACCESS") is Outcome.fail
    assert _finding(assessor, OLD, "L0908-A12-CIN") is Outcome.needs_info
    scoped = upgrade(OLD)
    scoped["cndp"]["acts"][0]["grounds"] = ["cin-number"]
    assert _finding(assessor, scoped, "L0908-A12-CIN") is Outcome.passed


def test_an_old_file_on_disk_is_read(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "kyc-onboarding-cin.yaml").read_text(encoding="utf-8")
    old = tmp_path / "old.yaml"
    old.write_text(text.replace('schema_version: "1.1"', 'schema_version: "1.0"'), encoding="utf-8")
    submission = read_submission(old)
    assert submission.schema_version == SCHEMA_VERSION
    assert submission.cndp is not None and submission.cndp.acts is not None
    assert submission.cndp.authorisation_number is None


def test_an_unknown_version_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidSubmission) as err:
        parse_submission(b'schema_version: "0.9"\nproject_name: x\n')
    assert "schema_version" in str(err.value)


def test_reassess_upgrades_a_stored_old_submission_and_keeps_the_stored_one(assessor: Assessor) -> None:
    store = memory_store()
    at = datetime(2026, 1, 1, tzinfo=UTC)
    project, _ = store.projects.create_project(
        Project(
            id="prj_0000000000000001",
            organisation="atlas",
            name="old",
            created_at=at,
            created_by="k",
            updated_at=at,
        ),
        AuditEvent(actor="k", action="project.created", organisation="atlas", target="prj_0000000000000001"),
    )
    # What pack 0.1.0 stored for it: the CIN passed on any authorisation number, as it does now for an act whose
    # scope names the CIN number.
    as_then = upgrade(OLD)
    as_then["cndp"]["acts"][0]["grounds"] = ["cin-number"]
    old_assessment = StoredAssessment.of(assessor.assess(parse_submission(json.dumps(as_then).encode())))
    stored, _ = store.projects.add_version(
        ProjectVersion(
            project_id=project.id,
            organisation="atlas",
            number=0,
            submitted_at=at,
            submitted_by="k",
            submission=copy.deepcopy(OLD),
            assessment=old_assessment,
        ),
        lambda v: AuditEvent(
            actor="k", action="version.submitted", organisation="atlas", target=v.project_id
        ),
    ) or (None, False)
    assert stored is not None
    changes = reassess(store, assessor, "test")
    assert [c.project_id for c in changes] == [project.id]
    assert changes[0].gained.get("L0908-A12-CIN") == "needs_info" and changes[0].changed
    kept = store.projects.get_version(project.id, stored.number)
    assert kept is not None and kept.submission == OLD  # the stored submission is not rewritten
    assert kept.assessment.json_bytes == old_assessment.json_bytes
