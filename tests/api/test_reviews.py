"""The review API against the real server: access rules, optimistic locking, the queue, statistics,
re-assessment and the waivers export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from compliance.service.store import Role
from tests.api.conftest import ROOT, YAML, Server, ServerFactory, new_project


def _submit(c: httpx.Client, example: str, **override: Any) -> str:
    facts = yaml.safe_load((ROOT / "examples" / f"{example}.yaml").read_text(encoding="utf-8")) | override
    project_id = new_project(c, example)
    r = c.post(f"/api/v1/projects/{project_id}/versions", content=yaml.safe_dump(facts), headers=YAML)
    assert r.status_code == 201, r.text
    return project_id


def _review(c: httpx.Client, project_id: str, n: int = 1) -> dict[str, Any]:
    r = c.get(f"/api/v1/projects/{project_id}/versions/{n}/review")
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def _act(c: httpx.Client, project_id: str, action: str, revision: int, **text: str) -> httpx.Response:
    body = {"action": action, "revision": revision, **text}
    return c.post(f"/api/v1/projects/{project_id}/versions/1/review/actions", json=body)


@pytest.fixture(scope="module")
def chatbot(live: Server) -> str:
    with live.client("atlas") as c:
        return _submit(c, "darija-support-chatbot")


def test_review_access_rules(live: Server, chatbot: str) -> None:
    path = f"/api/v1/projects/{chatbot}/versions/1/review"
    with live.client() as anonymous:
        assert anonymous.get(path).status_code == 401
    with live.client("sahara") as other:
        assert other.get(path).status_code == 404
        assert _act(other, chatbot, "start_review", 1).status_code == 404
    with live.client("admin") as admin:
        assert admin.get(path).status_code == 403
    with live.client("atlas") as owner:
        assert owner.get(path).status_code == 200
        refused = _act(owner, chatbot, "start_review", _review(owner, chatbot)["revision"])
        assert refused.status_code == 403
        assert "correspondant de la CNDP" in refused.json()["detail"]  # French by default
        assert owner.get("/api/v1/reviews/queue").status_code == 403
        assert owner.get("/api/v1/reviews/stats").status_code == 403


def test_stale_revision_is_a_conflict_with_the_current_etag(live: Server) -> None:
    with live.client("atlas") as c:
        project_id = _submit(c, "kyc-onboarding-cin")
    with live.client("liaison") as c:
        assert _act(c, project_id, "start_review", 1).status_code == 200
        stale = _act(c, project_id, "request_changes", 1, message="Précisez la durée de conservation.")
        assert stale.status_code == 409
        assert stale.headers["etag"] == '"2"'
        assert stale.json()["type"].endswith("review-conflict")
        wrong_state = _act(c, project_id, "start_review", 2)
        assert wrong_state.status_code == 409 and "en examen" in wrong_state.json()["detail"]
        boolean = c.post(
            f"/api/v1/projects/{project_id}/versions/1/review/actions",
            json={
                "action": "request_changes",
                "revision": True,
                "message": "Précisez la durée de conservation.",
            },
        )
        assert boolean.status_code == 422 and boolean.json()["errors"][0]["path"] == "body.revision"
        no_opinion = _act(c, project_id, "approve", 2)
        assert no_opinion.status_code == 422
        assert [e["path"] for e in no_opinion.json()["errors"]] == ["body.opinion"]
        assert _review(c, project_id)["status"] == "in_review"


def test_judgements_need_a_version_in_review(live: Server, chatbot: str) -> None:
    with live.client("liaison") as c:
        r = c.put(
            f"/api/v1/projects/{chatbot}/versions/1/review/findings/L0908-A12-FORMALITY",
            json={"judgement": "confirmed", "revision": _review(c, chatbot)["revision"]},
        )
        assert r.status_code == 409
        unknown = c.put(
            f"/api/v1/projects/{chatbot}/versions/1/review/findings/L0908-XX-NOPE",
            json={"judgement": "confirmed", "revision": 1},
        )
        assert unknown.status_code == 404


def test_queue_filters_and_stats(live: Server) -> None:
    with live.client("sahara") as c:
        scoring = _submit(c, "microcredit-scoring", sectors=["finance"])
        crop = _submit(c, "crop-yield-model", sectors=["agriculture"])
    with live.client("liaison") as c:
        finance = c.get("/api/v1/reviews/queue", params={"sector": "finance", "limit": 100}).json()["items"]
        ids = [i["project"]["id"] for i in finance]
        assert scoring in ids and crop not in ids
        blockers = c.get("/api/v1/reviews/queue", params={"worst_severity": "blocker", "limit": 100}).json()[
            "items"
        ]
        assert scoring in [i["project"]["id"] for i in blockers]
        assert crop not in [i["project"]["id"] for i in blockers]  # nothing open
        old = c.get("/api/v1/reviews/queue", params={"min_age_days": 1}).json()
        assert all(i["project"]["id"] not in (scoring, crop) for i in old["items"])
        assert c.get("/api/v1/reviews/queue", params={"worst_severity": "huge"}).status_code == 422
        stats = c.get("/api/v1/reviews/stats").json()
        assert stats["projects"] >= 2
        assert stats["by_verdict"]["non_compliant"] >= 1 and stats["by_verdict"]["compliant"] >= 1
        assert "L0908-A11-SOLE-AUTOMATED" in [r["rule_id"] for r in stats["most_failed_rules"]]


def test_diff_between_versions(live: Server) -> None:
    with live.client("atlas") as c:
        project_id = _submit(c, "kyc-onboarding-cin")
        facts = yaml.safe_load((ROOT / "examples" / "kyc-onboarding-cin.yaml").read_text(encoding="utf-8"))
        facts["live"] = not facts.get("live", False)
        r = c.post(f"/api/v1/projects/{project_id}/versions", content=yaml.safe_dump(facts), headers=YAML)
        assert r.status_code == 201
        d = c.get(f"/api/v1/projects/{project_id}/diff", params={"from": 1, "to": 2}).json()
        assert [f["path"] for f in d["facts"]] == ["live"]
        assert d["pack_changed"] is False
        assert c.get(f"/api/v1/projects/{project_id}/diff", params={"from": 1, "to": 9}).status_code == 404
        assert c.get(f"/api/v1/projects/{project_id}/diff", params={"from": 1}).status_code == 422


def test_public_key_and_missing_decision(live: Server, chatbot: str) -> None:
    with httpx.Client(base_url=live.url) as c:
        key = c.get("/api/v1/decisions/public-key").json()
        assert key["algorithm"] == "ed25519" and key["fingerprint"].startswith("sha256:")
    with live.client("atlas") as c:
        r = c.get(f"/api/v1/projects/{chatbot}/versions/1/decision")
        assert r.status_code == 404 and "pas encore de décision" in r.json()["detail"]


def test_reassess_reports_changes_and_keeps_history(server_factory: ServerFactory, tmp_path: Path) -> None:
    server = server_factory(None)
    server.add_org("atlas")
    server.add_key("atlas", Role.submitter, "atlas")
    server.start()
    with server.client("atlas") as c:
        project_id = _submit(c, "kyc-onboarding-cin")
        before = c.get(f"/api/v1/projects/{project_id}/versions/1").json()["assessment"]
    server.stop()
    # A changed pack: the CIN rule now also requires the receipt to be shown (a rule change to detect).
    rules = tmp_path / "rules"
    subprocess.run(["cp", "-r", str(ROOT / "rules"), str(rules)], check=True)
    (rules / "formalities" / "cin-number.yaml").write_text(
        (ROOT / "rules" / "formalities" / "cin-number.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "require: {op: is_true, path: derived.authorisation_cover.cin_number}", "require: {op: 'false'}"
        ),
        encoding="utf-8",
    )
    (tmp_path / "features").symlink_to(ROOT / "features")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "compliance.cli.main",
            "--rules",
            str(rules),
            "reassess",
            "--data-dir",
            str(server.data_dir),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    mine = next(r for r in report if r["project_id"] == project_id)
    assert mine["gained"] == {"L0908-A12-CIN": "fail"} and mine["changed"] is True
    server.start()
    with server.client("atlas") as c:
        after = c.get(f"/api/v1/projects/{project_id}/versions/1").json()["assessment"]
    assert after == before  # the stored history is untouched
    audit = (server.data_dir / "audit.log").read_text(encoding="utf-8")
    assert '"action":"project.reassessed"' in audit


def test_oversized_opinion_and_deep_nesting_are_422_not_500(live: Server) -> None:
    with live.client("atlas") as c:
        project_id = _submit(c, "kyc-onboarding-cin")
    with live.client("liaison") as c:
        assert _act(c, project_id, "start_review", 1).status_code == 200
        long = _act(c, project_id, "approve", 2, opinion="x" * 5000)
        assert long.status_code == 422 and [e["path"] for e in long.json()["errors"]] == ["body.opinion"]
        deep = c.post(
            f"/api/v1/projects/{project_id}/versions/1/review/actions",
            content=b"[" * 100_000,
            headers={"Content-Type": "application/json"},
        )
        assert deep.status_code == 422
        assert _review(c, project_id)["status"] == "in_review"


def test_a_failed_store_write_leaves_nothing_in_the_audit_log() -> None:
    """In-process, memory store: the audit entry of a change is appended only once the change is stored."""
    from compliance.domain.review import ReviewAction
    from compliance.service.access import Principal
    from compliance.service.assess_runner import InProcessRunner
    from compliance.service.assessing import assessor_for
    from compliance.service.projects import Projects
    from compliance.service.reviews import Reviews
    from compliance.service.submissions import read_submission
    from compliance.storage.memory import memory_store

    store = memory_store()
    projects = Projects(store, InProcessRunner(assessor_for(None)))
    reviews = Reviews(store, projects)
    submitter = Principal(key_id="key_000000000001", role=Role.submitter, organisation="atlas")
    liaison = Principal(key_id="key_000000000002", role=Role.liaison, organisation=None)
    project, _ = projects.create(submitter, "kyc")
    projects.submit(submitter, project.id, read_submission(ROOT / "examples" / "kyc-onboarding-cin.yaml"))
    reviews.act(liaison, project.id, 1, ReviewAction.start_review, 1, None)
    before = len(store.audit.entries())
    original = store.projects.update_review

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    store.projects.update_review = failing  # type: ignore[method-assign]
    with pytest.raises(OSError):
        reviews.act(
            liaison, project.id, 1, ReviewAction.approve, 2, "Approuvé sans réserve, pièces complètes."
        )
    assert len(store.audit.entries()) == before
    store.projects.update_review = original  # type: ignore[method-assign]
    decided = reviews.act(
        liaison, project.id, 1, ReviewAction.approve, 2, "Approuvé sans réserve, pièces complètes."
    )
    assert decided.record.seal is not None
    assert [e.action for e in store.audit.entries()].count("version.decided") == 1


def test_a_resubmission_racing_an_approval_leaves_the_old_version_unapproved() -> None:
    """The latest version number is read under the store's lock: an approval computed while a newer version
    arrives is refused, never applied to a superseded version."""
    from compliance.domain.review import ReviewAction
    from compliance.service.access import Principal
    from compliance.service.assess_runner import InProcessRunner
    from compliance.service.assessing import assessor_for
    from compliance.service.projects import Projects
    from compliance.service.reviews import Conflict, Reviews
    from compliance.service.submissions import read_submission
    from compliance.storage.memory import memory_store

    store = memory_store()
    projects = Projects(store, InProcessRunner(assessor_for(None)))
    reviews = Reviews(store, projects)
    submitter = Principal(key_id="key_000000000001", role=Role.submitter, organisation="atlas")
    liaison = Principal(key_id="key_000000000002", role=Role.liaison, organisation=None)
    sub = read_submission(ROOT / "examples" / "kyc-onboarding-cin.yaml")
    project, _ = projects.create(submitter, "kyc")
    projects.submit(submitter, project.id, sub)
    reviews.act(liaison, project.id, 1, ReviewAction.start_review, 1, None)
    original = store.projects.update_review

    def resubmit_first(*args: Any, **kwargs: Any) -> Any:
        store.projects.update_review = original  # type: ignore[method-assign]
        projects.submit(submitter, project.id, sub)  # lands just before the approval takes the lock
        return original(*args, **kwargs)

    store.projects.update_review = resubmit_first  # type: ignore[method-assign]
    with pytest.raises(Conflict, match="superseded"):
        reviews.act(
            liaison, project.id, 1, ReviewAction.approve, 2, "Approuvé sans réserve, pièces complètes."
        )
    assert reviews.view(liaison, project.id, 1).status.value == "superseded"
