"""Abuse does not take the service down: each attack runs against the real server while an ordinary client
keeps getting its ordinary 2xx answers. Raw sockets where the attack is at the HTTP level; every wait is
bounded, and no timing is asserted (bench/abuse_bench.py measures them)."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from compliance.domain.bounds import MAX_ASSESSMENT_BYTES, MAX_ITEMS, MAX_PROCESSINGS
from compliance.service.store import Role
from compliance.service.submission_errors import MAX_LISTED_ERRORS
from tests.api.abuse_bodies import MIB, alias_bomb, example, worst_cases
from tests.api.conftest import YAML, Server, new_project

ATTACKERS = 12  # more than the 8 admission slots
BODY_TIMEOUT = "1"  # seconds, so that the slow senders are answered within the test
FAILURE_LIMIT = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("abuse")
    server = Server(data_dir=folder / "data", log_path=folder / "server.log")
    server.add_org("atlas")
    server.add_org("sahara")
    server.add_key("atlas", Role.submitter, "atlas")
    server.add_key("sahara", Role.submitter, "sahara")
    server.add_key("liaison", Role.liaison)
    server.start(
        extra_env={
            "COMPLIANCE_BODY_TIMEOUT": BODY_TIMEOUT,
            "COMPLIANCE_AUTH_FAILURE_LIMIT": str(FAILURE_LIMIT),
        }
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def atlas(server: Server) -> Iterator[httpx.Client]:
    with server.client("atlas") as client:
        yield client


def _ordinary_requests_succeed(server: Server, atlas: httpx.Client, rounds: int = 3) -> None:
    """What a well-behaved client does meanwhile: list, assess, probe. Each must be a 2xx."""
    body = example()
    for _ in range(rounds):
        listed = atlas.get("/api/v1/projects", timeout=10)
        assert listed.status_code == 200, listed.text
        assessed = atlas.post("/api/v1/evaluate", json=body | {"project_name": "ordinary"}, timeout=10)
        assert assessed.status_code == 200, assessed.text
        ready = httpx.get(server.url + "/readyz", timeout=10)
        assert ready.status_code == 200, ready.text


def _connect(server: Server, receive_buffer: int | None = None) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer:  # set before connecting, so that the window stays small
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.settimeout(10)
    sock.connect(("127.0.0.1", server.port))
    return sock


def _while_attacking(attack: Callable[[], Any], ordinary: Callable[[], None]) -> Any:
    """Run the attack in a thread and the ordinary client at the same time; return the attack's result."""
    result: list[Any] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(attack())
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        ordinary()
    finally:
        thread.join(timeout=60)
    assert not thread.is_alive(), "the attack did not finish"
    if failure:
        raise failure[0]
    return result[0]


# -- slow readers -------------------------------------------------------------------------------------------
def test_clients_that_never_read_their_answers_hold_no_admission_slot(
    server: Server, atlas: httpx.Client
) -> None:
    assert httpx.get(server.url + "/api/v1/openapi.json").status_code == 200  # built once, then served
    request = f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode()
    readers = [_connect(server, receive_buffer=4096) for _ in range(ATTACKERS)]
    try:
        for sock in readers:
            sock.sendall(request * 40)  # pipelined, and never read
        # Wait until every connection has an answer pending: the server has written until its buffers
        # for it are full, and its next pipelined answer waits for a reader that never comes.
        waiting = list(readers)
        deadline = time.monotonic() + 30
        while waiting and time.monotonic() < deadline:
            readable, _, _ = select.select(waiting, [], [], 0.5)
            waiting = [sock for sock in waiting if sock not in readable]
        assert not waiting
        _ordinary_requests_succeed(server, atlas)
    finally:
        for sock in readers:
            sock.close()


# -- slow senders -------------------------------------------------------------------------------------------
def test_a_body_that_trickles_in_holds_no_slot_and_times_out_with_408(
    server: Server, atlas: httpx.Client
) -> None:
    head = (
        f"POST /api/v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Authorization: Bearer {server.tokens['atlas']}\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n"
    ).encode()
    senders = [_connect(server) for _ in range(ATTACKERS)]
    try:
        for sock in senders:
            sock.sendall(head + b'{"sche')  # 6 of the 100 bytes announced, and no more
        _ordinary_requests_succeed(server, atlas)
        for sock in senders:
            answer = b""
            while chunk := sock.recv(65536):  # the server answers, then closes the connection
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
            problem = json.loads(answer.split(b"\r\n\r\n", 1)[1])
            assert problem["status"] == 408 and "n'est pas arrivé" in problem["detail"]  # French by default
    finally:
        for sock in senders:
            sock.close()


# -- alias bomb ---------------------------------------------------------------------------------------------
def test_yaml_anchors_and_aliases_are_refused(server: Server, atlas: httpx.Client) -> None:
    bomb = alias_bomb(copies=1000)

    def attack() -> list[httpx.Response]:
        with server.client("sahara") as sahara:
            return [sahara.post("/api/v1/evaluate", content=bomb, headers=YAML) for _ in range(5)]

    for refused in _while_attacking(attack, lambda: _ordinary_requests_succeed(server, atlas)):
        assert refused.status_code == 422, refused.text[:300]
        assert "aliases" in refused.json()["errors"][0]["message"]
    merge = b"schema_version: '1.0'\nbase: &b {project_name: x}\n<<: *b\n"
    assert atlas.post("/api/v1/evaluate", content=merge, headers=YAML).status_code == 422


# -- list and text caps -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"processings": [{"id": f"p{n}"} for n in range(MAX_PROCESSINGS + 1)]}, "body.processings"),
        ({"sectors": ["telecom"] * (MAX_ITEMS + 1)}, "body.sectors"),
        ({"processings": [{"id": "p", "purposes": ["x"] * (MAX_ITEMS + 1)}]}, "body.processings.0.purposes"),
        ({"description": "x" * 10_001}, "body.description"),
        (
            {"processings": [{"id": "p", "estimated_data_subjects": 10**13}]},
            "body.processings.0.estimated_data_subjects",
        ),
    ],
    ids=["processings", "list", "nested list", "text", "integer"],
)
def test_lists_texts_and_numbers_over_their_caps_are_422_naming_the_field(
    atlas: httpx.Client, change: dict[str, Any], path: str
) -> None:
    refused = atlas.post("/api/v1/evaluate", json=example() | change)
    assert refused.status_code == 422, refused.text[:300]
    assert path in {e["path"] for e in refused.json()["errors"]}


def test_no_body_under_1_mib_yields_an_assessment_over_the_stated_bound(
    server: Server, atlas: httpx.Client
) -> None:
    cases = worst_cases()

    def attack() -> dict[str, int]:
        sizes = {}
        with server.client("sahara") as sahara:
            for name, body in cases.items():
                raw = json.dumps(body).encode()
                assert len(raw) < MIB, name
                answer = sahara.post(
                    "/api/v1/evaluate", content=raw, headers={"Content-Type": "application/json"}
                )
                assert answer.status_code == 200, (name, answer.text[:300])
                sizes[name] = len(answer.content)
        return sizes

    sizes = _while_attacking(attack, lambda: _ordinary_requests_succeed(server, atlas))
    assert all(0 < size <= MAX_ASSESSMENT_BYTES for size in sizes.values()), sizes


def test_a_body_with_tens_of_thousands_of_faults_gets_a_bounded_list_of_them(
    server: Server, atlas: httpx.Client
) -> None:
    """60,000 unknown keys (under 1 MiB) used to be worded and placed one by one, each placement searching the
    whole mapping again: the assessment helper was busy for many minutes and every other submission waited.
    The first faults are named, the rest counted, in the request's language."""
    faults = 60_000
    body = json.dumps({f"k{n}": n for n in range(faults)}).encode()
    assert len(body) < MIB

    def attack() -> list[httpx.Response]:
        with server.client("sahara") as sahara:
            return [
                sahara.post(
                    "/api/v1/evaluate",
                    content=body,
                    headers={"Content-Type": "application/json", "Accept-Language": lang},
                    timeout=60,
                )
                for lang in ("en", "fr")
            ]

    english, french = _while_attacking(attack, lambda: _ordinary_requests_succeed(server, atlas))
    assert english.status_code == 422, english.text[:300]
    errors = english.json()["errors"]
    assert len(errors) <= MAX_LISTED_ERRORS + 1
    assert {e["path"] for e in errors[:2]} == {"body.schema_version", "body.project_name"}  # first come first
    assert errors[-1]["path"] == "body" and errors[-1]["key"] == "more_errors"
    left = faults + 2 - (len(errors) - 1)
    assert errors[-1]["message"] == f"and {left} more problems, not listed"
    assert french.json()["errors"][-1]["message"] == f"et {left} autres problèmes, non listés"


# -- bodies that used to be a 500 ---------------------------------------------------------------------------
HUGE = "9" * 5000
BAD_BODIES = {
    "huge integer (JSON)": (
        f'{{"schema_version": "1.0", "revision": {HUGE}}}',
        "application/json",
        "too long",
    ),
    "huge integer (YAML)": (f"schema_version: '1.0'\nrevision: {HUGE}\n", "application/yaml", "too long"),
    "complex key (YAML)": ("? [a, b]\n: 1\nschema_version: '1.0'\n", "application/yaml", "plain name"),
}


@pytest.fixture(scope="module")
def body_endpoints(server: Server, atlas: httpx.Client) -> list[tuple[str, str, str]]:
    """(who, method, path) of the six operations that read a body."""
    project = new_project(atlas, "abuse")
    stored = atlas.post(f"/api/v1/projects/{project}/versions", json=example())
    assert stored.status_code == 201, stored.text
    version = f"/api/v1/projects/{project}/versions/1"
    return [
        ("atlas", "POST", "/api/v1/evaluate"),
        ("atlas", "POST", "/api/v1/projects"),
        ("atlas", "POST", f"/api/v1/projects/{project}/versions"),
        ("liaison", "POST", f"{version}/review/actions"),
        ("liaison", "PUT", f"{version}/review/findings/L0908-A04-SHARING-WITHOUT-CONSENT"),
        ("liaison", "POST", f"{version}/review/comments"),
    ]


@pytest.mark.parametrize("bad", sorted(BAD_BODIES))
def test_unreadable_numbers_and_keys_are_422_on_every_body_endpoint(
    server: Server, atlas: httpx.Client, body_endpoints: list[tuple[str, str, str]], bad: str
) -> None:
    raw, media, message = BAD_BODIES[bad]

    def attack() -> list[httpx.Response]:
        answers = []
        for who, method, path in body_endpoints:
            with server.client(who) as client:
                english = {"Content-Type": media, "Accept-Language": "en"}  # the words compared below
                answers.append(client.request(method, path, content=raw, headers=english))
        return answers

    answers = _while_attacking(attack, lambda: _ordinary_requests_succeed(server, atlas, rounds=1))
    for (_, method, path), answer in zip(body_endpoints, answers, strict=True):
        assert answer.status_code == 422, (method, path, answer.status_code, answer.text[:300])
        assert message in answer.json()["errors"][0]["message"], (method, path)


# -- guessing keys ------------------------------------------------------------------------------------------
def test_failed_authentications_are_throttled_but_the_right_secret_never_is(
    server: Server, atlas: httpx.Client
) -> None:
    key_id = server.tokens["atlas"].split(".", 1)[0]  # a key id the attacker knows, say from a log
    wrong = {"Authorization": f"Bearer {key_id}.{'g' * 43}"}

    def attack() -> list[httpx.Response]:
        return [httpx.get(server.url + "/api/v1/projects", headers=wrong) for _ in range(FAILURE_LIMIT + 3)]

    answers = _while_attacking(attack, lambda: _ordinary_requests_succeed(server, atlas, rounds=2))
    assert [a.status_code for a in answers[:FAILURE_LIMIT]] == [401] * FAILURE_LIMIT
    for throttled in answers[FAILURE_LIMIT:]:
        assert throttled.status_code == 429, throttled.text
        assert int(throttled.headers["retry-after"]) >= 1
    # The partner's CI, from the same address and with the same key id, is still let in...
    assert atlas.get("/api/v1/projects").status_code == 200
    # ...and failures for another key id are counted apart.
    other = server.tokens["sahara"].split(".", 1)[0]
    guess = httpx.get(
        server.url + "/api/v1/projects", headers={"Authorization": f"Bearer {other}.{'g' * 43}"}
    )
    assert guess.status_code == 401
