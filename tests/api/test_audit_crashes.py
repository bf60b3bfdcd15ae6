"""The audit trail survives a crash at every window between a store write and its audit entry.

The real server runs with `COMPLIANCE_CRASH_AT=<point>` (read only by the crash hook,
compliance/storage/faults.py): it dies with `os._exit` the moment it reaches that point, as a power cut
would. Restarted without it, the store must hold the change with its audit entry (or an erasure finished,
with its tombstone), and `compliance audit verify` must pass against the signed checkpoints. Then a bounded
SIGKILL loop does the same at random instants under six concurrent writers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from compliance.cli.main import main
from compliance.devsoak import AuditSoak
from compliance.service.store import Role, default_key_dir, open_store
from compliance.storage.faults import CRASH_EXIT_CODE
from tests.api.conftest import Server, ServerFactory, new_project

FAST = {"COMPLIANCE_ASSESS_WORKERS": "0"}
OPINION = {"opinion": "Dossier complet, traitement conforme après examen."}
SUBMISSION = {"schema_version": "1.0", "project_name": "crash", "processes_personal_data": True}


def _entries(server: Server) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (server.data_dir / "audit.log").read_text().splitlines()]


def _logged(server: Server) -> Counter[tuple[str, str]]:
    return Counter((e["action"], e["target"]) for e in _entries(server))


def _verify(server: Server) -> int:
    return main(["audit", "verify", "--data-dir", str(server.data_dir)])


class Caller:
    """A client that follows the server to the port of its latest start."""

    def __init__(self, server: Server, who: str) -> None:
        self.server, self.who = server, who

    def __getattr__(self, method: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> httpx.Response:
            with self.server.client(self.who) as c:
                response: httpx.Response = getattr(c, method)(*args, **kwargs)
                return response

        return call


def _crash(server: Server, point: str, request: Any) -> None:
    """Run `request` against a server that dies at `point`; the request is never answered."""
    server.stop()
    server.start(extra_env=FAST | {"COMPLIANCE_CRASH_AT": point})
    with pytest.raises(httpx.TransportError):
        request()
    assert server.process is not None
    assert server.process.wait(timeout=10) == CRASH_EXIT_CODE, f"the server did not stop at {point}"
    server.process = None
    open_store(server.data_dir).close()  # the start-up recovery, as the next server start runs it


def _review(c: Any, pid: str, n: int) -> dict[str, Any]:
    review: dict[str, Any] = c.get(f"/api/v1/projects/{pid}/versions/{n}/review").json()
    return review


def _act(c: Any, pid: str, n: int, action: str, **extra: str) -> httpx.Response:
    body = {"action": action, "revision": _review(c, pid, n)["revision"], **extra}
    answer: httpx.Response = c.post(f"/api/v1/projects/{pid}/versions/{n}/review/actions", json=body)
    return answer


def _judge(c: Any, pid: str, n: int) -> httpx.Response:
    rule = c.get(f"/api/v1/projects/{pid}/versions/{n}").json()["assessment"]["findings"][0]["rule_id"]
    body = {"judgement": "confirmed", "revision": _review(c, pid, n)["revision"]}
    answer: httpx.Response = c.put(f"/api/v1/projects/{pid}/versions/{n}/review/findings/{rule}", json=body)
    return answer


def _submit(c: Any, pid: str) -> httpx.Response:
    answer: httpx.Response = c.post(f"/api/v1/projects/{pid}/versions", json=SUBMISSION)
    return answer


@pytest.fixture
def server(server_factory: ServerFactory) -> Server:
    made = server_factory(None)
    made.add_org("atlas")
    made.add_key("atlas", Role.submitter, "atlas")
    made.add_key("liaison", Role.liaison)
    return made


def test_a_crash_at_every_window_between_store_and_log_leaves_every_change_with_its_entry(
    server: Server,
) -> None:
    sub, liaison = Caller(server, "atlas"), Caller(server, "liaison")

    def listed() -> set[str]:
        return {p["id"] for p in sub.get("/api/v1/projects?limit=100").json()["items"]}

    # A project created: stored, then the server dies before its entry.
    _crash(server, "project.created:stored", lambda: sub.post("/api/v1/projects", json={"name": "crash"}))
    (p1,) = [p.name for p in (server.data_dir / "orgs" / "atlas" / "projects").iterdir()]
    assert _logged(server)[("project.created", p1)] == 1 and _verify(server) == 0

    steps: list[tuple[str, Any, tuple[str, str]]] = [
        ("version.submitted:stored", lambda: _submit(sub, p1), ("version.submitted", f"{p1}/1")),
        (
            "review.start_review:stored",
            lambda: _act(liaison, p1, 1, "start_review"),
            ("review.start_review", f"{p1}/1"),
        ),
        ("finding.judged:stored", lambda: _judge(liaison, p1, 1), ("finding.judged", f"{p1}/1")),
        (
            "comment.added:stored",
            lambda: sub.post(
                f"/api/v1/projects/{p1}/versions/1/review/comments", json={"lang": "fr", "text": "Vu."}
            ),
            ("comment.added", f"{p1}/1"),
        ),
        (
            "review.request_changes:stored",
            lambda: _act(liaison, p1, 1, "request_changes", message="Précisez la base légale du traitement."),
            ("review.request_changes", f"{p1}/1"),
        ),
        # The resubmission is logged; the judgements it carries over are stored, then the server dies.
        ("judgements.carried_over:stored", lambda: _submit(sub, p1), ("judgements.carried_over", f"{p1}/2")),
        # The entry is written, the server dies before its signed checkpoint.
        ("audit:appended", lambda: _act(liaison, p1, 2, "start_review"), ("review.start_review", f"{p1}/2")),
        (
            "version.decided:stored",
            lambda: _act(liaison, p1, 2, "approve", **OPINION),
            ("version.decided", f"{p1}/2"),
        ),
    ]
    for point, request, expected in steps:
        _crash(server, point, request)
        assert _logged(server)[expected] == 1, (point, expected)
        assert _verify(server) == 0, point
    assert _logged(server)[("version.submitted", f"{p1}/2")] == 1

    # A decision sealed in the log, the server dead before the seal is stored beside it: the export finds it.
    made: list[str] = []

    def decide_another() -> None:
        made.append(new_project(sub, "sealed"))  # type: ignore[arg-type]
        _submit(sub, made[0])
        _act(liaison, made[0], 1, "start_review")
        _act(liaison, made[0], 1, "reject", **OPINION)

    _crash(server, "version.decided:logged", decide_another)
    p2 = made[0]
    server.start(extra_env=FAST)
    assert _review(liaison, p1, 2)["status"] == "approved"
    exported = liaison.get(f"/api/v1/projects/{p2}/versions/1/decision")
    assert exported.status_code == 200 and exported.json()["seal"]["action"] == "version.decided"
    assert _logged(server)[("version.decided", f"{p2}/1")] == 1

    # Erasures: the intent written, then the data removed, then the tombstone — a crash at either point.
    for point, pid in (("project.deleted:intent", p1), ("project.deleted:stored", p2)):
        _crash(server, point, lambda pid=pid: sub.delete(f"/api/v1/projects/{pid}"))
        assert not (server.data_dir / "orgs" / "atlas" / "projects" / pid).exists(), point
        tombstones = [e for e in _entries(server) if e["action"] == "project.deleted" and e["target"] == pid]
        assert len(tombstones) == 1 and tombstones[0]["details"]["versions_erased"] >= 1, point
        assert _verify(server) == 0
    server.start(extra_env=FAST)
    assert listed() == set()
    assert all(sub.get(f"/api/v1/projects/{pid}").status_code == 404 for pid in (p1, p2))


@pytest.mark.parametrize(
    ("point", "command", "action"),
    [
        (
            "organisation.created:stored",
            ["create-org", "--name", "Sahara", "--id", "sahara"],
            "organisation.created",
        ),
        ("key.created:stored", ["create-key", "--role", "liaison"], "key.created"),
        ("key.revoked:stored", ["revoke-key", "KEY"], "key.revoked"),
        ("signing_key.published:stored", ["rotate-signing-key"], "signing_key.published"),
        (
            "user.created:stored",
            ["create-user", "--email", "liaison@cndp.ma", "--role", "liaison", "--password-stdin"],
            "user.created",
        ),
    ],
)
def test_an_admin_command_killed_between_its_change_and_its_entry_is_logged_by_the_next_one(
    tmp_path: Path, point: str, command: list[str], action: str
) -> None:
    data = tmp_path / "data"

    def admin(*args: str, crash: str | None = None) -> subprocess.CompletedProcess[str]:
        env = os.environ | ({"COMPLIANCE_CRASH_AT": crash} if crash else {})
        return subprocess.run(
            [sys.executable, "-m", "compliance.cli.main", "admin", *args, "--data-dir", str(data)],
            env=env,
            input="correct horse battery staple\n",
            capture_output=True,
            text=True,
            check=False,
        )

    created = admin("create-key", "--role", "admin")
    key_id = created.stdout.split()[2]
    args = [key_id if a == "KEY" else a for a in command]
    before = [json.loads(line)["action"] for line in (data / "audit.log").read_text().splitlines()]
    assert admin(*args, crash=point).returncode == CRASH_EXIT_CODE
    assert admin("list-orgs").returncode == 0  # any command opens the store and logs what is missing
    after = [json.loads(line)["action"] for line in (data / "audit.log").read_text().splitlines()]
    assert after.count(action) == before.count(action) + 1
    assert main(["audit", "verify", "--data-dir", str(data)]) == 0


def test_a_decision_edited_on_disk_no_longer_verifies_with_any_trust_anchor(
    server: Server, tmp_path: Path
) -> None:
    """The forgery of the issue: rejected -> approved in the stored record, its hashes and seal recomputed."""
    from compliance.service.decisions import decision_hash
    from compliance.storage.audit_chain import hash_of
    from compliance.storage.version_journal import JOURNAL_FILE, read_whole, record_bytes

    server.start(extra_env=FAST)
    sub, liaison = Caller(server, "atlas"), Caller(server, "liaison")
    pid = new_project(sub)  # type: ignore[arg-type]
    _submit(sub, pid)
    _act(liaison, pid, 1, "start_review")
    assert _act(liaison, pid, 1, "reject", **OPINION).status_code == 200
    fingerprint = liaison.get("/api/v1/decisions/public-key").json()["fingerprint"]
    genuine = tmp_path / "genuine.json"
    genuine.write_text(liaison.get(f"/api/v1/projects/{pid}/versions/1/decision").text)
    server.stop()

    journal = server.data_dir / "orgs" / "atlas" / "projects" / pid / JOURNAL_FILE
    records, _ = read_whole(journal)
    stored = json.loads(json.dumps([r.doc for r in records if r.doc["number"] == 1][-1]))
    review = stored["review"]
    review["decision"]["decision"] = "approved"
    stored["status"] = "approved"
    digest = decision_hash(review["decision"])
    review["signature"]["decision_hash"] = digest
    review["seal"]["details"]["decision_hash"] = digest
    review["seal"]["details"]["decision"] = "approved"
    review["seal"]["hash"] = hash_of(review["seal"])
    with journal.open("ab") as forged:  # the stored record replaced by a later one, as a review change is
        forged.write(record_bytes(stored, [], None))

    server.start(extra_env=FAST)
    edited = tmp_path / "edited.json"
    edited.write_text(liaison.get(f"/api/v1/projects/{pid}/versions/1/decision").text)
    assert json.loads(edited.read_text())["decision"]["decision"] == "approved"
    audit_log = str(server.data_dir / "audit.log")
    key_dir = str(default_key_dir(server.data_dir))
    anchors = [["--fingerprint", fingerprint], ["--audit-log", audit_log], ["--key-dir", key_dir]]
    for anchor in anchors:
        assert main(["verify-decision", str(genuine), *anchor]) == 0, anchor
        assert main(["verify-decision", str(edited), *anchor]) == 1, anchor


def test_after_a_key_rotation_old_and_new_decisions_verify_and_the_chain_holds(
    server: Server, tmp_path: Path
) -> None:
    server.start(extra_env=FAST)
    sub, liaison = Caller(server, "atlas"), Caller(server, "liaison")
    exports = {}
    fingerprints = {}
    for which in ("old", "new"):
        if which == "new":  # rotated while the server runs: it signs with the new key from then on
            assert main(["admin", "rotate-signing-key", "--data-dir", str(server.data_dir)]) == 0
        fingerprints[which] = liaison.get("/api/v1/decisions/public-key").json()["fingerprint"]
        pid = new_project(sub, which)  # type: ignore[arg-type]
        _submit(sub, pid)
        _act(liaison, pid, 1, "start_review")
        _act(liaison, pid, 1, "approve", **OPINION)
        exports[which] = tmp_path / f"{which}.json"
        exports[which].write_text(liaison.get(f"/api/v1/projects/{pid}/versions/1/decision").text)
    assert fingerprints["old"] != fingerprints["new"]
    assert len(fingerprints["new"]) == len("sha256:") + 64
    published = liaison.get("/api/v1/decisions/public-keys").json()["keys"]
    assert [k["fingerprint"] for k in published] == [fingerprints["old"], fingerprints["new"]]
    assert published[0]["retired_at"] is not None and published[1]["retired_at"] is None
    for which, path in exports.items():
        assert json.loads(path.read_text())["signature"]["key_fingerprint"] == fingerprints[which]
        assert main(["verify-decision", str(path), "--fingerprint", fingerprints[which]]) == 0
        assert main(["verify-decision", str(path), "--audit-log", str(server.data_dir / "audit.log")]) == 0
        assert main(["verify-decision", str(path), "--key-dir", str(default_key_dir(server.data_dir))]) == 0
    assert main(["verify-decision", str(exports["old"]), "--fingerprint", fingerprints["new"]]) == 1
    assert _verify(server) == 0  # checkpoints signed by both keys


def test_a_bounded_sigkill_loop_keeps_every_acknowledged_change_in_the_audit_trail(tmp_path: Path) -> None:
    soak = AuditSoak(tmp_path / "data", tmp_path / "server.log", writers=6, seed=9)
    report = soak.run(20)  # checks after every restart; raises naming what is missing
    assert report.kills == 20
    assert report.acknowledged >= 2 * 20, report  # each kill lands after at least two acknowledged changes
    assert report.by_action["version.submitted"] > 0 and report.by_action["project.deleted"] > 0
