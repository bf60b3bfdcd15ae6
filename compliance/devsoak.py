"""A crash soak of the audit trail: writers change the store over HTTP (projects, versions, review actions,
judgements, comments, decisions, erasures) while the real server is SIGKILLed and restarted, again and
again. After each restart every acknowledged change (a 2xx answer) must have its audit entry, every
acknowledged erasure its tombstone (and its data gone), and the audit log must verify against its signed
checkpoints. Used by the test suite (tens of kills) and `bench/audit_soak.py` (hundreds).

Only the standard library talks HTTP here (one connection a request), so that any process can run it.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.devserver import ServerProcess
from compliance.service.access import create_key, create_organisation
from compliance.service.audit import verify_audit_file
from compliance.service.store import Role, default_key_dir, open_admin

_SUBMISSION = {"schema_version": "1.0", "processes_personal_data": True}
HANG = 300.0  # seconds: only a server that hangs waits this long for a cycle's changes
_OPINION = "Décision motivée de l'agent de liaison, au vu du dossier."


class _ServerGone(Exception):
    """The server was killed mid-request: nothing acknowledged."""


@dataclass
class SoakReport:
    kills: int = 0
    acknowledged: int = 0
    erasures: int = 0
    entries: int = 0
    by_action: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


class AuditSoak:
    def __init__(self, data_dir: Path, log_path: Path, *, writers: int = 6, seed: int = 0) -> None:
        self.server = ServerProcess(data_dir=data_dir, log_path=log_path)
        self.writers = writers
        self.random = random.Random(seed)
        self._lock = threading.Lock()
        self.acked: Counter[tuple[str, str]] = Counter()
        self.erased: set[str] = set()
        self.projects: list[str] = []  # live projects, shared by the writers
        access, audit = open_admin(data_dir)
        create_organisation(access, audit, "Soak", "soak")
        self.submitter = create_key(access, audit, Role.submitter, "soak", "soak")[1]
        self.liaison = create_key(access, audit, Role.liaison, None, "soak liaison")[1]

    # -- HTTP ------------------------------------------------------------------------------------------
    def _call(self, token: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.server.url + "/api/v1" + path,
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            return exc.code, None
        except (OSError, ValueError, http.client.HTTPException):  # cut mid-answer: not acknowledged
            raise _ServerGone from None

    def _ack(self, action: str, target: str) -> None:
        with self._lock:
            self.acked[(action, target)] += 1

    # -- one writer ------------------------------------------------------------------------------------
    def _step(self, rng: random.Random) -> None:
        with self._lock:
            live = list(self.projects)
        roll = rng.random()
        if len(live) < 3 or roll < 0.06:
            status, body = self._call(self.submitter, "POST", "/projects", {"name": "soak project"})
            if status == 201:
                self._ack("project.created", body["id"])
                with self._lock:
                    self.projects.append(body["id"])
            return
        pid = rng.choice(live)
        if roll < 0.40:
            status, body = self._call(
                self.submitter, "POST", f"/projects/{pid}/versions", _SUBMISSION | {"project_name": pid}
            )
            if status == 201:
                self._ack("version.submitted", f"{pid}/{body['number']}")
            return
        if roll < 0.43:
            status, _ = self._call(self.submitter, "DELETE", f"/projects/{pid}")
            if status == 204:
                self._ack("project.deleted", pid)
                with self._lock:
                    self.erased.add(pid)
                    if pid in self.projects:
                        self.projects.remove(pid)
            return
        status, project = self._call(self.liaison, "GET", f"/projects/{pid}")
        if status != 200 or not project.get("latest"):
            return
        number = project["latest"]["number"]
        target = f"{pid}/{number}"
        path = f"/projects/{pid}/versions/{number}/review"
        status, review = self._call(self.liaison, "GET", path)
        if status != 200:
            return
        revision, state = review["revision"], review["status"]
        if roll < 0.60:
            status, _ = self._call(
                self.submitter, "POST", path + "/comments", {"lang": "fr", "text": "Précision."}
            )
            if status == 201:
                self._ack("comment.added", target)
        elif state in ("submitted", "resubmitted"):
            status, _ = self._call(
                self.liaison, "POST", path + "/actions", {"action": "start_review", "revision": revision}
            )
            if status == 200:
                self._ack("review.start_review", target)
        elif state == "in_review" and roll < 0.85:
            status, version = self._call(self.liaison, "GET", f"/projects/{pid}/versions/{number}")
            findings = (version or {}).get("assessment", {}).get("findings", [])
            if status == 200 and findings:
                rule = rng.choice(findings)["rule_id"]
                body = {"judgement": "confirmed", "revision": revision}
                status, _ = self._call(self.liaison, "PUT", f"{path}/findings/{rule}", body)
                if status == 200:
                    self._ack("finding.judged", target)
        elif state == "in_review":
            action = rng.choice(["approve", "reject", "request_changes"])
            text = {"message": _OPINION} if action == "request_changes" else {"opinion": _OPINION}
            status, _ = self._call(
                self.liaison, "POST", path + "/actions", {"action": action, "revision": revision} | text
            )
            if status == 200:
                self._ack("version.decided" if action != "request_changes" else f"review.{action}", target)

    def _writer(self, seed: int, stop: threading.Event) -> None:
        rng = random.Random(seed)
        while not stop.is_set():
            try:
                self._step(rng)
            except _ServerGone:
                return

    # -- the loop --------------------------------------------------------------------------------------
    def run(self, kills: int, *, acks: tuple[int, int] = (2, 12), jitter: float = 0.05) -> SoakReport:
        """`kills` cycles: start the server, check, let the writers run until a random number of changes
        (within `acks`) is acknowledged, wait a random fraction of `jitter` seconds, SIGKILL."""
        started = time.monotonic()
        report = SoakReport()
        env = {"COMPLIANCE_ASSESS_WORKERS": "0"}
        for cycle in range(kills):
            self.server.start(extra_env=env)
            self.check(report)
            stop = threading.Event()
            threads = [
                threading.Thread(target=self._writer, args=(cycle * 100 + w, stop))
                for w in range(self.writers)
            ]
            for t in threads:
                t.start()
            wanted = sum(self.acked.values()) + self.random.randint(*acks)
            # However slow the host: the kill waits for its changes (a writer stops only on a failed call).
            deadline = time.monotonic() + HANG
            while sum(self.acked.values()) < wanted and time.monotonic() < deadline:
                if not any(t.is_alive() for t in threads):
                    break
                time.sleep(0.005)
            time.sleep(self.random.uniform(0, jitter))
            self.server.kill()
            report.kills += 1
            stop.set()
            for t in threads:
                t.join()
        self.server.start(extra_env=env)
        try:
            self.check(report)
        finally:
            self.server.stop()
        report.seconds = time.monotonic() - started
        return report

    def check(self, report: SoakReport) -> None:
        """Every acknowledged change has its entry; every acknowledged erasure its tombstone, its data gone;
        the log verifies against its signed checkpoints. Raises AssertionError naming what is missing."""
        data_dir = self.server.data_dir
        entries = [json.loads(line) for line in (data_dir / "audit.log").read_text().splitlines()]
        logged = Counter((e["action"], e["target"]) for e in entries)
        missing = {k: n - logged[k] for k, n in self.acked.items() if logged[k] < n}
        if missing:
            raise AssertionError(
                f"acknowledged changes without their audit entry: {dict(list(missing.items())[:10])}"
            )
        for pid in self.erased:
            if (data_dir / "orgs" / "soak" / "projects" / pid).exists():
                raise AssertionError(f"erased project {pid} still has data on disk")
            if self._call(self.liaison, "GET", f"/projects/{pid}")[0] != 404:
                raise AssertionError(f"erased project {pid} is still served")
        verified = verify_audit_file(data_dir / "audit.log", default_key_dir(data_dir))
        if not verified.ok:
            raise AssertionError(f"audit verify failed: {verified.problems[:5]}")
        report.acknowledged = sum(self.acked.values())
        report.erasures = len(self.erased)
        report.entries = len(entries)
        report.by_action = Counter(action for action, _ in self.acked.elements())
