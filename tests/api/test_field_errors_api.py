"""Field errors over HTTP: placed by line and column, suggestions from the vocabulary, never what was sent,
in the report's language; the review queue's sector filter speaks the submission's vocabulary."""

from __future__ import annotations

import re

from tests.api.conftest import YAML, Server
from tests.core.test_field_errors import BAD

SENT = [
    "processes_personal_dat",
    "Maroc",
    "declration",
    "31/03/2026",
    "contrat",
    "forever",
    "darija",
    "tamazight",
]


def test_a_bad_body_is_told_plainly_without_echo(live: Server) -> None:
    with live.client("atlas") as client:
        en = client.post("/api/v1/evaluate", content=BAD.encode(), headers=YAML)
        fr = client.post("/api/v1/evaluate", params={"lang": "fr"}, content=BAD.encode(), headers=YAML)
    assert en.status_code == fr.status_code == 422
    for answer in (en, fr):
        for sent in SENT:  # the vocabulary is quoted, the submission never
            assert not re.search(rf"(?<![\w/]){re.escape(sent)}(?![\w/])", answer.text), sent
    placed = {e["path"]: (e.get("line"), e.get("column")) for e in en.json()["errors"]}
    errors = {e["path"]: e["message"] for e in en.json()["errors"]}
    assert errors["body.cndp.formality"].endswith("did you mean 'declaration'?")
    assert placed["body.cndp.formality"] == (7, 3)
    assert all(line is not None for line, _ in placed.values())  # every field error is placed
    assert errors["body"].startswith("unknown key; did you mean 'processes_personal_data'?")
    assert "ISO 3166" in errors["body.controller.country"]
    french = {e["path"]: e["message"] for e in fr.json()["errors"]}
    assert (
        french["body.cndp.receipt_date"] == "une date est attendue, écrite AAAA-MM-JJ, par exemple 2026-03-31"
    )
    assert {e["path"]: e["line"] for e in fr.json()["errors"]}["body.cndp.receipt_date"] == 8


def test_the_queue_sector_filter_uses_the_sector_vocabulary(live: Server) -> None:
    with live.client("liaison") as client:
        assert client.get("/api/v1/reviews/queue", params={"sector": "finance"}).status_code == 200
        wrong = client.get("/api/v1/reviews/queue", params={"sector": "banking"})
    assert wrong.status_code == 422 and "query.sector" in wrong.text and "finance" in wrong.text
