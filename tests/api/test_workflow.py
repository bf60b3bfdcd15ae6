"""The French workflow features (features/workflow/), run against the real server over HTTP."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from pytest_bdd import given, parsers, scenarios, then, when

from compliance.cli.main import main
from compliance.service.decisions import verify_export
from compliance.service.store import Role
from compliance.storage.audit_chain import verify_lines
from tests.api.conftest import ROOT, YAML, Server, new_project

scenarios("workflow")


class Flow:
    def __init__(self, server: Server) -> None:
        self.server = server
        self.project = ""
        self.org = ""
        self.submission: dict[str, Any] = {}
        self.response: httpx.Response | None = None
        self.read: dict[str, int] = {}

    def client(self, who: str) -> httpx.Client:
        if who not in self.server.tokens:
            self.server.add_key(who, Role.liaison)
        return self.server.client(who)

    def version_path(self, number: int) -> str:
        return f"/api/v1/projects/{self.project}/versions/{number}"

    def review(self, number: int, who: str = "liaison") -> dict[str, Any]:
        with self.client(who) as c:
            r = c.get(self.version_path(number) + "/review")
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()
        return data

    def act(self, who: str, number: int, body: dict[str, Any]) -> httpx.Response:
        with self.client(who) as c:
            self.response = c.post(self.version_path(number) + "/review/actions", json=body)
        return self.response

    def judge(self, who: str, number: int, rule_id: str, body: dict[str, Any]) -> httpx.Response:
        body = {"revision": self.review(number)["revision"], **body}
        with self.client(who) as c:
            self.response = c.put(self.version_path(number) + f"/review/findings/{rule_id}", json=body)
        return self.response


@pytest.fixture
def flow(live: Server) -> Flow:
    return Flow(live)


# -- given -------------------------------------------------------------------------------------------------
@given("un service de conformité en marche")
def running(flow: Flow) -> None:
    with httpx.Client(base_url=flow.server.url) as c:
        assert c.get("/readyz").status_code == 200


@given(parsers.parse('la startup "{org}" a soumis le projet de l\'exemple "{name}"'))
def submitted(flow: Flow, org: str, name: str) -> None:
    flow.org = org
    flow.submission = yaml.safe_load((ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8"))
    with flow.server.client(org) as c:
        flow.project = new_project(c, name)
        r = c.post(
            f"/api/v1/projects/{flow.project}/versions", content=yaml.safe_dump(flow.submission), headers=YAML
        )
    assert r.status_code == 201, r.text


@given(parsers.parse('les liaisons "{first}" et "{second}" ont lu la revue de la version {number:d}'))
def both_read(flow: Flow, first: str, second: str, number: int) -> None:
    for who in (first, second):
        flow.read[who] = flow.review(number, who)["revision"]


# -- when --------------------------------------------------------------------------------------------------
@when(parsers.parse('la liaison "{who}" ouvre la revue de la version {number:d}'))
def start(flow: Flow, who: str, number: int) -> None:
    r = flow.act(who, number, {"action": "start_review", "revision": flow.review(number)["revision"]})
    assert r.status_code == 200, r.text


@when(parsers.parse('la liaison "{who}" ouvre la revue de la version {number:d} avec la révision lue'))
def start_with_read_revision(flow: Flow, who: str, number: int) -> None:
    flow.act(who, number, {"action": "start_review", "revision": flow.read[who]})


@when(parsers.parse('la liaison "{who}" confirme la constatation "{rule_id}" de la version {number:d}'))
def confirm(flow: Flow, who: str, rule_id: str, number: int) -> None:
    r = flow.judge(who, number, rule_id, {"judgement": "confirmed"})
    assert r.status_code == 200, r.text


@when(
    parsers.parse(
        'la liaison "{who}" conteste la constatation "{rule_id}" de la version {number:d} en "{outcome}" : "{reason}"'
    )
)
def dispute(flow: Flow, who: str, rule_id: str, number: int, outcome: str, reason: str) -> None:
    body = {"judgement": "disputed", "corrected_outcome": outcome, "reason": reason}
    r = flow.judge(who, number, rule_id, body)
    assert r.status_code == 200, r.text


@when(
    parsers.parse(
        'la liaison "{who}" conteste sans motif la constatation "{rule_id}" de la version {number:d}'
    )
)
def dispute_without_reason(flow: Flow, who: str, rule_id: str, number: int) -> None:
    flow.judge(who, number, rule_id, {"judgement": "disputed", "corrected_outcome": "pass"})


@when(
    parsers.parse(
        'la liaison "{who}" accorde une dérogation sur "{rule_id}" de la version {number:d} '
        'au titre de "{ground}" jusqu\'au "{expires}"'
    )
)
def waive(flow: Flow, who: str, rule_id: str, number: int, ground: str, expires: str) -> None:
    body = {
        "judgement": "waived",
        "reason": "Mise à jour de l'avertissement prévue dans la prochaine version de l'application.",
        "legal_ground": ground,
        "expires": expires,
    }
    flow.judge(who, number, rule_id, body)


@when(parsers.parse('la liaison "{who}" demande des modifications sur la version {number:d} : "{message}"'))
def request_changes(flow: Flow, who: str, number: int, message: str) -> None:
    body = {"action": "request_changes", "revision": flow.review(number)["revision"], "message": message}
    r = flow.act(who, number, body)
    assert r.status_code == 200, r.text


@when(parsers.parse('la liaison "{who}" approuve la version {number:d} avec l\'avis "{opinion}"'))
def approve(flow: Flow, who: str, number: int, opinion: str) -> None:
    body = {"action": "approve", "revision": flow.review(number)["revision"], "opinion": opinion}
    r = flow.act(who, number, body)
    assert r.status_code == 200, r.text


@when(parsers.parse('la startup "{org}" tente d\'approuver la version {number:d}'))
def submitter_approves(flow: Flow, org: str, number: int) -> None:
    body = {
        "action": "approve",
        "revision": flow.review(number)["revision"],
        "opinion": "Nous nous approuvons nous-mêmes.",
    }
    flow.act(org, number, body)


@when(parsers.parse('la startup "{org}" soumet une nouvelle version où le fait "{path}" vaut "{value}"'))
def resubmit(flow: Flow, org: str, path: str, value: str) -> None:
    facts = copy.deepcopy(flow.submission)
    node = facts
    *parents, last = path.split(".")
    for name in parents:
        node = node.setdefault(name, {})
    node[last] = value
    with flow.server.client(org) as c:
        r = c.post(f"/api/v1/projects/{flow.project}/versions", content=yaml.safe_dump(facts), headers=YAML)
    assert r.status_code == 201, r.text


@when(
    parsers.parse(
        'la startup "{org}" commente la constatation "{rule_id}" de la version {number:d} : "{text}"'
    )
)
@when(
    parsers.parse(
        'la liaison "{org}" commente la constatation "{rule_id}" de la version {number:d} : "{text}"'
    )
)
def comment(flow: Flow, org: str, rule_id: str, number: int, text: str) -> None:
    with flow.client(org) as c:
        r = c.post(
            flow.version_path(number) + "/review/comments",
            json={"rule_id": rule_id, "lang": "fr", "text": text},
        )
    assert r.status_code == 201, r.text


@when(parsers.parse('la startup "{org}" lit la revue de la version {number:d}'))
def other_reads(flow: Flow, org: str, number: int) -> None:
    with flow.server.client(org) as c:
        flow.response = c.get(flow.version_path(number) + "/review")


# -- then --------------------------------------------------------------------------------------------------
@then(parsers.parse('la version {number:d} est à l\'état "{status}"'))
def status_is(flow: Flow, number: int, status: str) -> None:
    assert flow.review(number)["status"] == status


@then(parsers.parse("la demande est refusée avec le statut {status:d}"))
def refused(flow: Flow, status: int) -> None:
    assert flow.response is not None
    assert flow.response.status_code == status, flow.response.text
    assert flow.response.headers["content-type"].startswith("application/problem+json")


@then(parsers.parse('la demande est refusée avec le statut {status:d} qui nomme le champ "{field}"'))
def refused_naming(flow: Flow, status: int, field: str) -> None:
    refused(flow, status)
    assert flow.response is not None
    paths = [e["path"] for e in flow.response.json().get("errors", [])]
    assert field in paths, paths


@then(parsers.parse('l\'erreur sur "{field}" dit « {message} »'))
def error_says(flow: Flow, field: str, message: str) -> None:
    assert flow.response is not None
    said = {e["path"]: e["message"] for e in flow.response.json().get("errors", [])}
    assert said.get(field) == message, said


@then(parsers.parse("l'historique de la version {number:d} compte {count:d} changement d'état"))
def history_count(flow: Flow, number: int, count: int) -> None:
    assert len(flow.review(number)["history"]) == count


@then(parsers.parse('entre les versions {a:d} et {b:d} la constatation "{rule_id}" est résolue'))
def resolved(flow: Flow, a: int, b: int, rule_id: str) -> None:
    with flow.client("liaison") as c:
        d = c.get(f"/api/v1/projects/{flow.project}/diff", params={"from": a, "to": b}).json()
    assert rule_id in [x["rule_id"] for x in d["resolved"]], d["resolved"]


@then(parsers.parse('entre les versions {a:d} et {b:d} le fait "{path}" a changé'))
def fact_changed(flow: Flow, a: int, b: int, path: str) -> None:
    with flow.client("liaison") as c:
        d = c.get(f"/api/v1/projects/{flow.project}/diff", params={"from": a, "to": b}).json()
    assert path in [x["path"] for x in d["facts"]]


@then(parsers.parse('le jugement sur "{rule_id}" est repris sur la version {number:d}'))
def carried(flow: Flow, rule_id: str, number: int) -> None:
    judgement = flow.review(number)["judgements"].get(rule_id)
    assert judgement is not None and judgement["carried_over_from"] == number - 1


@then(parsers.parse('le jugement sur "{rule_id}" n\'est pas repris sur la version {number:d}'))
def not_carried(flow: Flow, rule_id: str, number: int) -> None:
    assert rule_id not in flow.review(number)["judgements"]


@then(parsers.parse('la constatation "{rule_id}" de la version {number:d} est jugée "{judgement}"'))
def judged(flow: Flow, rule_id: str, number: int, judgement: str) -> None:
    found = flow.review(number)["judgements"][rule_id]
    assert found["judgement"] == judgement
    assert found["reason"]


@then(
    parsers.parse(
        'la file d\'attente des liaisons ne compte plus "{rule_id}" parmi les points ouverts du projet'
    )
)
def queue_excludes(flow: Flow, rule_id: str) -> None:
    with flow.client("liaison") as c:
        r = c.get("/api/v1/reviews/queue", params={"limit": 100})
    assert r.status_code == 200, r.text
    mine = [i for i in r.json()["items"] if i["project"]["id"] == flow.project]
    assert len(mine) == 1 and mine[0]["status"] == "in_review"
    version = flow.server.client("liaison").get(flow.version_path(mine[0]["version"])).json()
    failing = [
        f["rule_id"] for f in version["assessment"]["findings"] if f["outcome"] in ("fail", "needs_info")
    ]
    assert rule_id in failing
    assert mine[0]["open_findings"] == len(failing) - 1


@then(parsers.parse('la version {number:d} porte {count:d} commentaires sur "{rule_id}"'))
def comments(flow: Flow, number: int, count: int, rule_id: str) -> None:
    thread = [c for c in flow.review(number)["comments"] if c["rule_id"] == rule_id]
    assert len(thread) == count
    assert {c["role"] for c in thread} == {"submitter", "liaison"}


def _export(flow: Flow, number: int) -> dict[str, Any]:
    with flow.server.client(flow.org) as c:
        r = c.get(flow.version_path(number) + "/decision")
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


@then(parsers.parse("la décision exportée sur la version {number:d} se vérifie hors ligne"))
def decision_verifies(flow: Flow, number: int, tmp_path: Path) -> None:
    doc = _export(flow, number)
    with httpx.Client(base_url=flow.server.url) as c:
        fingerprint = c.get("/api/v1/decisions/public-key").json()["fingerprint"]
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    audit_log = tmp_path / "audit.log"
    audit_log.write_text("\n".join(flow.server.audit_lines()) + "\n", encoding="utf-8")
    assert (
        main(["verify-decision", str(path), "--fingerprint", fingerprint, "--audit-log", str(audit_log)]) == 0
    )
    assert verify_export(doc, pinned_fingerprints=[fingerprint]).ok
    assert verify_export(doc, audit_log=audit_log).ok  # the seal names the signing key
    key_dir = flow.server.data_dir.parent / f"{flow.server.data_dir.name}-keys"
    assert verify_export(doc, audit_log=audit_log, key_dir=key_dir).ok


@then(
    parsers.parse("la décision exportée sur la version {number:d} ne se vérifie plus une fois l'avis modifié")
)
def decision_tampered(flow: Flow, number: int, tmp_path: Path) -> None:
    doc = _export(flow, number)
    doc["decision"]["opinion"] = "Avis réécrit après la décision."
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["verify-decision", str(path)]) == 1


@then(parsers.parse("le journal d'audit se vérifie et trace {actions}"))
def audit_traces(flow: Flow, actions: str) -> None:
    wanted = [a.strip().strip('"') for a in actions.replace(" et ", ", ").split(",")]
    lines = flow.server.audit_lines()
    assert verify_lines(lines).ok
    mine = [json.loads(line) for line in lines if flow.project in line]
    assert set(wanted) <= {entry["action"] for entry in mine}
    assert all("submission" not in entry["details"] for entry in mine)


def _waiver_file(flow: Flow, tmp_path: Path) -> Path:
    with flow.client("liaison") as c:
        r = c.get("/api/v1/waivers", params={"project": flow.project})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/yaml"), r.text
    path = tmp_path / "waivers.yaml"
    path.write_text(r.text, encoding="utf-8")
    return path


@then(parsers.parse('les dérogations exportées contiennent "{rule_id}" jusqu\'au "{expires}"'))
def exported_waivers(flow: Flow, rule_id: str, expires: str, tmp_path: Path) -> None:
    data = yaml.safe_load(_waiver_file(flow, tmp_path).read_text(encoding="utf-8"))
    assert [(w["rule_id"], str(w["expires"])) for w in data["waivers"]] == [(rule_id, expires)]


def _check_with_waivers(flow: Flow, tmp_path: Path, as_of: str) -> dict[str, Any]:
    """What a CI job does: the submission file of the repository, the waivers exported by the service."""
    waivers = _waiver_file(flow, tmp_path)
    submission = tmp_path / "project.yaml"
    submission.write_text(yaml.safe_dump(flow.submission), encoding="utf-8")
    out = tmp_path / f"report-{as_of}.json"
    args = ["check", str(submission), "--waivers", str(waivers), "--as-of", as_of, "--format", "json"]
    main([*args, "--output", str(out)])
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@then(
    parsers.parse(
        'avec ces dérogations, au "{as_of}", la constatation "{rule_id}" est couverte par une dérogation'
    )
)
def waived_until(flow: Flow, as_of: str, rule_id: str, tmp_path: Path) -> None:
    report = _check_with_waivers(flow, tmp_path, as_of)
    finding = next(f for f in report["findings"] if f["rule_id"] == rule_id)
    assert finding["outcome"] == "fail" and finding["waiver"] is not None


@then(parsers.parse('avec ces dérogations, au "{as_of}", la constatation "{rule_id}" échoue de nouveau'))
def fails_again(flow: Flow, as_of: str, rule_id: str, tmp_path: Path) -> None:
    report = _check_with_waivers(flow, tmp_path, as_of)
    finding = next(f for f in report["findings"] if f["rule_id"] == rule_id)
    assert finding["outcome"] == "fail" and finding["waiver"] is None
