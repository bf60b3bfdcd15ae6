"""Webhooks against a real receiving server on loopback (allow-listed for these tests): signatures and
timestamps verify, a 500 is retried with the same event id, the id survives a restart, internal targets are
refused without the allow-list, redirects are not followed, and the delivery log tells what happened."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.service.store import Role
from tests.api.conftest import ROOT, YAML, Server, ServerFactory, new_project
from tests.api.webhook_receiver import Receiver

FAST = {
    "COMPLIANCE_WEBHOOK_ALLOW": "127.0.0.1",
    "COMPLIANCE_WEBHOOK_RETRY": "0.3,0.3,0.3",
    "COMPLIANCE_WEBHOOK_POLL": "0.1",
}


def verify(secret: str, headers: dict[str, str], body: bytes) -> None:
    """The receiver's side, written from the Standard Webhooks description, not from our sender."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    version, _, given = headers["webhook-signature"].partition(",")
    assert version == "v1" and hmac.compare_digest(given, expected)
    assert abs(time.time() - int(headers["webhook-timestamp"])) < 300  # a receiver's replay window


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.start()
    yield r
    r.stop()


@pytest.fixture(scope="module")
def hooked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("hooked")
    server = Server(data_dir=folder / "data", log_path=folder / "server.log")
    for org in ("atlas", "sahara"):
        server.add_org(org)
        server.add_key(org, Role.submitter, org)
    server.add_key("liaison", Role.liaison)
    server.add_key("admin", Role.admin)
    server.start(extra_env=FAST)
    yield server
    server.stop()


def register(server: Server, who: str, url: str, **extra: Any) -> dict[str, Any]:
    with server.client(who) as c:
        r = c.post("/api/v1/webhooks", json={"url": url, **extra})
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data


def log_of(server: Server, who: str, hook_id: str) -> list[dict[str, Any]]:
    with server.client(who) as c:
        r = c.get(f"/api/v1/webhooks/{hook_id}/deliveries")
    assert r.status_code == 200, r.text
    data: list[dict[str, Any]] = r.json()
    return data


def wait_log(
    server: Server, who: str, hook_id: str, done: Any, timeout: float = 20.0
) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = log_of(server, who, hook_id)
        if done(log):
            return log
        time.sleep(0.1)
    raise AssertionError(f"delivery log never reached the expected state: {log}")


def test_a_submission_is_announced_signed_with_ids_only(hooked: Server, receiver: Receiver) -> None:
    atlas = register(hooked, "atlas", receiver.base + "/ok?org=atlas", events=["project.submitted"])
    liaisons = register(hooked, "liaison", receiver.base + "/ok?org=cndp")
    register(hooked, "sahara", receiver.base + "/ok?org=sahara")
    assert atlas["secret"].startswith("whsec_") and atlas["owner"] == "atlas"
    with hooked.client("atlas") as c:
        listed = c.get("/api/v1/webhooks").json()
        assert [h["id"] for h in listed] == [atlas["id"]] and "secret" not in listed[0]
        project_id = new_project(c, "Chatbot secret name")
        raw = (ROOT / "examples" / "darija-support-chatbot.yaml").read_bytes()
        assert c.post(f"/api/v1/projects/{project_id}/versions", content=raw, headers=YAML).status_code == 201

    (hit,) = receiver.wait_for("/ok?org=atlas")
    verify(atlas["secret"], hit.headers, hit.body)
    event = json.loads(hit.body)
    assert event["type"] == "project.submitted" and event["id"] == hit.headers["webhook-id"]
    assert event["organisation"] == "atlas"
    assert event["data"] == {
        "project_id": project_id,
        "version": 1,
        "state": "submitted",
        "verdict": event["data"]["verdict"],
    }
    assert b"Chatbot" not in hit.body and b"darija" not in hit.body.lower()  # ids and states only
    (to_liaisons,) = receiver.wait_for("/ok?org=cndp")
    verify(liaisons["secret"], to_liaisons.headers, to_liaisons.body)
    assert to_liaisons.headers["webhook-id"] == event["id"]
    time.sleep(0.5)
    assert receiver.at("/ok?org=sahara") == []  # another organisation's webhook hears nothing of it
    wait_log(hooked, "atlas", atlas["id"], lambda log: log and log[0]["state"] == "delivered")
    with hooked.client("atlas") as c:
        assert [e["id"] for e in c.get("/api/v1/events").json()][:1] == [event["id"]]
    with hooked.client("sahara") as c:
        assert all(e["organisation"] == "sahara" for e in c.get("/api/v1/events").json())
        assert c.get(f"/api/v1/webhooks/{atlas['id']}/deliveries").status_code == 404


def test_a_500_is_retried_with_the_same_event_id_and_logged(hooked: Server, receiver: Receiver) -> None:
    hook = register(hooked, "atlas", receiver.base + "/flaky")
    with hooked.client("atlas") as c:
        sent = c.post(f"/api/v1/webhooks/{hook['id']}/test")
    assert sent.status_code == 202, sent.text
    first, second = receiver.wait_for("/flaky", 2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == sent.json()["event"]["id"]
    verify(hook["secret"], second.headers, second.body)
    assert second.at - first.at >= 0.25  # waited for the backoff
    (delivery,) = wait_log(hooked, "atlas", hook["id"], lambda log: log and log[0]["state"] == "delivered")
    assert [a["status"] for a in delivery["attempts"]] == [500, 200]
    assert delivery["attempts"][0]["error"] == "answered 500" and delivery["attempts"][1]["error"] is None
    assert delivery["event"]["type"] == "webhook.test"


def test_a_redirect_is_not_followed(hooked: Server, receiver: Receiver) -> None:
    hook = register(hooked, "atlas", receiver.base + "/redirect")
    with hooked.client("atlas") as c:
        assert c.post(f"/api/v1/webhooks/{hook['id']}/test").status_code == 202
    (delivery,) = wait_log(hooked, "atlas", hook["id"], lambda log: log and log[0]["state"] == "failed")
    assert [a["status"] for a in delivery["attempts"]] == [302, 302, 302, 302]  # first try and 3 retries
    assert {a["error"] for a in delivery["attempts"]} == {"redirect not followed"}
    assert receiver.at("/redirect-target") == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.1.20/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://0.0.0.0/hook",
    ],
)
def test_internal_targets_are_refused_without_the_allow_list(live: Server, url: str) -> None:
    with live.client("atlas") as c:
        r = c.post("/api/v1/webhooks", json={"url": url})
        assert r.status_code == 422, r.text
        assert "body.url" in r.text and url not in r.text
        assert c.get("/api/v1/webhooks").json() == []


def test_the_allow_list_names_what_it_allows(hooked: Server) -> None:
    with hooked.client("atlas") as c:
        refused = c.post("/api/v1/webhooks", json={"url": "https://10.1.2.3/hook"})
        plain = c.post("/api/v1/webhooks", json={"url": "http://192.168.0.1/hook"})
    assert refused.status_code == 422 and "COMPLIANCE_WEBHOOK_ALLOW" in str(refused.json())
    assert plain.status_code == 422 and "https" in str(plain.json())


def test_a_refused_target_is_said_in_the_reader_s_language(hooked: Server) -> None:
    """French by default, Arabic when asked: the reason is worded, never the url echoed."""
    with hooked.client("atlas") as c:
        fr = c.post("/api/v1/webhooks", json={"url": "https://10.1.2.3/hook"}).json()
        ar = c.post(
            "/api/v1/webhooks", json={"url": "ftp://example.org/hook"}, headers={"Accept-Language": "ar"}
        )
    assert [e["path"] for e in fr["errors"]] == ["body.url"]
    assert "adresse de bouclage, privée" in fr["errors"][0]["message"]
    assert ar.status_code == 422
    message = ar.json()["errors"][0]["message"]
    assert "عنوان URL مطلقا" in message and "absolute" not in message and "example.org" not in ar.text


def test_the_same_event_id_after_a_restart(server_factory: ServerFactory, tmp_path: Path) -> None:
    receiver = Receiver()
    receiver.start()
    try:
        server = server_factory(tmp_path / "data")
        server.add_org("atlas")
        server.add_key("atlas", Role.submitter, "atlas")
        env = FAST | {"COMPLIANCE_WEBHOOK_RETRY": "2"}
        server.start(extra_env=env)
        hook = register(server, "atlas", receiver.base + "/down")
        with server.client("atlas") as c:
            event_id = c.post(f"/api/v1/webhooks/{hook['id']}/test").json()["event"]["id"]
        (refused,) = receiver.wait_for("/down")
        assert refused.headers["webhook-id"] == event_id
        server.stop()  # the retry is due in 2 s: the outbox on disk has to carry it over
        receiver.down = False
        server.start(extra_env=env)
        _, delivered = receiver.wait_for("/down", 2)
        assert delivered.headers["webhook-id"] == event_id
        verify(hook["secret"], delivered.headers, delivered.body)
        (delivery,) = wait_log(
            server, "atlas", hook["id"], lambda log: log and log[0]["state"] == "delivered"
        )
        assert [a["status"] for a in delivery["attempts"]] == [503, 200]
        assert len(receiver.at("/down")) == 2
    finally:
        receiver.stop()


def test_webhooks_are_managed_by_their_owner_only(hooked: Server, receiver: Receiver) -> None:
    hook = register(hooked, "atlas", receiver.base + "/ok?owner")
    with hooked.client("sahara") as c:
        assert c.delete(f"/api/v1/webhooks/{hook['id']}").status_code == 404
        assert c.post(f"/api/v1/webhooks/{hook['id']}/test").status_code == 404
    with hooked.client("admin") as c:
        missing = c.post("/api/v1/webhooks", json={"url": receiver.base + "/ok"})
        assert missing.status_code == 422 and "organisation" in str(missing.json())
    with hooked.client("atlas") as c:
        assert c.delete(f"/api/v1/webhooks/{hook['id']}").status_code == 204
        assert c.get(f"/api/v1/webhooks/{hook['id']}/deliveries").status_code == 404


def test_a_ci_key_manages_no_webhook_and_cannot_listen_to_another_organisation(
    hooked: Server, receiver: Receiver
) -> None:
    """A leaked CI secret reads nothing: it may not register a webhook for another organisation (or for the
    liaisons, who hear every organisation), nor list, read or test any."""
    hooked.add_key("atlas-ci", Role.ci, "atlas")
    sahara_hook = register(hooked, "sahara", receiver.base + "/ok?sahara")
    with hooked.client("atlas-ci") as c:
        for owner in ("sahara", "cndp_liaisons", "atlas", None):
            extra = {"organisation": owner} if owner else {}
            created = c.post("/api/v1/webhooks", json={"url": receiver.base + "/ok?ci", **extra})
            assert created.status_code == 403, (owner, created.text)
            assert created.json()["type"].endswith("forbidden")
        assert c.get("/api/v1/webhooks").status_code == 403
        for method, path in [
            ("GET", f"/api/v1/webhooks/{sahara_hook['id']}/deliveries"),
            ("POST", f"/api/v1/webhooks/{sahara_hook['id']}/test"),
            ("DELETE", f"/api/v1/webhooks/{sahara_hook['id']}"),
        ]:
            assert c.request(method, path).status_code == 403, (method, path)
    with hooked.client("admin") as c:
        listed = c.get("/api/v1/webhooks").json()
    assert sahara_hook["id"] in {h["id"] for h in listed}
    assert not [h for h in listed if h["created_by"] == hooked.tokens["atlas-ci"].split(".")[0]]
