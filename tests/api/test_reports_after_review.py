"""Every report format after an approval with waivers and a dispute, from the real server: the verdict,
the counts and the waivers agree across text, JSON, Markdown, SARIF and JUnit."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from compliance.cli.main import main
from compliance.domain.outcomes import Assessment
from compliance.reports import ReportFormat, render
from compliance.service.decision_pdf import render_decision_pdf
from tests.api.conftest import Server
from tests.api.test_reviews import _review, _submit

EXPIRES = "2031-12-31"
GROUND = "Art. 6(b)"


def _judge(c: httpx.Client, base: str, rule_id: str, body: dict[str, Any]) -> None:
    revision = c.get(f"{base}/review").json()["revision"]
    r = c.put(f"{base}/review/findings/{rule_id}", json={"revision": revision, **body})
    assert r.status_code == 200, r.text


@pytest.fixture(scope="module")
def approved(live: Server) -> tuple[str, list[str], str]:
    """A project whose open findings were all waived but one, disputed to pass; then approved.
    Returns the version path, the waived rule ids and the disputed one."""
    with live.client("atlas") as c:
        project_id = _submit(c, "darija-support-chatbot")
    base = f"/api/v1/projects/{project_id}/versions/1"
    with live.client("liaison") as c:
        machine = c.get(base).json()["assessment"]
        open_ids = [f["rule_id"] for f in machine["findings"] if f["outcome"] in ("fail", "needs_info")]
        assert machine["verdict"] != "compliant" and len(open_ids) >= 2, "the example must have open findings"
        r = c.post(
            f"{base}/review/actions",
            json={"action": "start_review", "revision": _review(c, project_id)["revision"]},
        )
        assert r.status_code == 200, r.text
        disputed, waived = open_ids[0], open_ids[1:]
        _judge(
            c,
            base,
            disputed,
            {
                "judgement": "disputed",
                "corrected_outcome": "pass",
                "reason": "Le registre fourni en annexe montre que l'obligation est remplie.",
            },
        )
        for rule_id in waived:
            _judge(
                c,
                base,
                rule_id,
                {
                    "judgement": "waived",
                    "reason": "Mise en conformité planifiée et suivie par la CNDP.",
                    "legal_ground": GROUND,
                    "expires": EXPIRES,
                },
            )
        body = {
            "action": "approve",
            "revision": _review(c, project_id)["revision"],
            "opinion": "Approuvé avec dérogations.",
        }
        r = c.post(f"{base}/review/actions", json=body)
        assert r.status_code == 200, r.text
    return base, waived, disputed


def test_every_format_agrees_on_verdict_counts_and_waivers(
    live: Server, approved: tuple[str, list[str], str]
) -> None:
    base, waived, disputed = approved
    with live.client("atlas") as c:

        def get(fmt: str, **kw: str) -> httpx.Response:
            return c.get(f"{base}/report", params={"format": fmt, "lang": "en", **kw})

        as_json = get("json").json()
        markdown = get("markdown").text
        sarif = get("sarif").json()
        junit = ET.fromstring(get("junit").content)

    # JSON: the one computation every other format shows
    assert as_json["verdict"] == "compliant"
    counts = as_json["counts"]
    assert counts["fail"] == 0 and counts["needs_info"] == 0 and counts["waived"] == len(waived)
    assert as_json["review"]["state"] == "approved" and as_json["review"]["judgements_applied"] is True
    assert as_json["review"]["decided_by"] == {"id": as_json["review"]["decided_by"]["id"], "name": "liaison"}
    findings = {f["rule_id"]: f for f in as_json["findings"]}
    for rule_id in waived:
        w = findings[rule_id]["waiver"]
        assert w["legal_ground"] == GROUND and w["expires"] == EXPIRES and "liaison" in w["approver"]
    assert findings[disputed]["outcome"] == "pass" and findings[disputed]["waiver"] is None
    assert findings[disputed]["correction"]["machine_outcome"] in ("fail", "needs_info")

    # Markdown: the verdict, the counts, no waived finding marked as gating
    assert (
        "**Verdict: COMPLIANT**" in markdown
        and f"waived: {len(waived)}" in markdown
        and "FAIL: 0" in markdown
    )
    assert "⛔" not in markdown
    assert "CNDP review: version 1 approved by liaison" in markdown
    for rule_id in waived:
        row = next(line for line in markdown.splitlines() if line.startswith("|") and f"`{rule_id}`" in line)
        assert "(waiver)" in row
    assert markdown.count(f"until {EXPIRES} ({GROUND})") == len(waived)

    # SARIF: waived results suppressed with ground and expiry, none gating; the run carries verdict and counts
    run = sarif["runs"][0]
    assert run["properties"]["verdict"] == "compliant" and run["properties"]["counts"] == counts
    assert run["properties"]["review"]["state"] == "approved"
    results = {r["ruleId"]: r for r in run["results"]}
    assert not any(r["properties"]["gating"] for r in results.values())
    for rule_id in waived:
        (suppression,) = results[rule_id]["suppressions"]
        assert GROUND in suppression["justification"] and EXPIRES in suppression["justification"]
    assert disputed not in results  # corrected to pass: no longer a result

    # JUnit: no failure or error, the same verdict and waived count
    assert junit.get("failures") == "0" and junit.get("errors") == "0"
    props = {p.get("name"): p.get("value") for p in junit.iter("property")}
    assert props["verdict"] == "compliant" and props["waived"] == str(len(waived))
    assert props["review_state"] == "approved"
    outs = {
        case.get("name", "").split(" ")[0]: case.findtext("system-out") or ""
        for case in junit.iter("testcase")
    }
    for rule_id in waived:
        assert GROUND in outs[rule_id] and EXPIRES in outs[rule_id]

    # Text (the CLI's format; the API does not serve it): rendered from the JSON report as the CLI would
    text = render(Assessment.model_validate(as_json), ReportFormat.text, lang="en")
    head = [line for line in text.splitlines() if line.startswith("Verdict:")][-1]  # after the summary
    assert head.startswith("Verdict: COMPLIANT") and "FAIL 0" in head and f"waived {len(waived)}" in head
    assert "CNDP review: version 1 approved by liaison" in text
    assert text.count(f"until {EXPIRES} ({GROUND})") == len(waived)


def test_before_a_decision_reports_show_the_state_and_the_machine_findings(live: Server) -> None:
    with live.client("atlas") as c:
        project_id = _submit(c, "kyc-onboarding-cin")
        report = c.get(f"/api/v1/projects/{project_id}/versions/1/report", params={"format": "json"}).json()
        markdown = c.get(
            f"/api/v1/projects/{project_id}/versions/1/report", params={"format": "markdown", "lang": "en"}
        ).text
        french = c.get(f"/api/v1/projects/{project_id}/versions/1/report", params={"format": "markdown"}).text
    assert report["review"]["state"] == "submitted" and report["review"]["judgements_applied"] is False
    assert report["counts"]["waived"] == 0
    assert "CNDP review: version 1 submitted — machine findings, not yet decided" in markdown
    assert "Revue CNDP" in french and "version 1 soumise" in french  # French when no language is asked


def test_the_review_names_the_people_by_their_stable_ids(
    live: Server, approved: tuple[str, list[str], str]
) -> None:
    base, waived, _ = approved
    with live.client("atlas") as c:
        review = c.get(f"{base}/review").json()
    liaison_id = review["decision"]["liaison"]
    assert liaison_id.startswith("key_")  # records keep the stable id ...
    assert review["people"][liaison_id] == {
        "id": liaison_id,
        "name": "liaison",
    }  # ... names come on the way out
    assert {review["judgements"][r]["reviewer"] for r in waived} == {liaison_id}
    assert {h["actor"] for h in review["history"]} <= set(review["people"])


def test_the_decision_pdf_carries_the_signed_record_and_verifies(
    live: Server, approved: tuple[str, list[str], str], tmp_path: Path
) -> None:
    base, waived, _ = approved
    with live.client("atlas") as c:
        as_json = c.get(f"{base}/decision")
        as_pdf = c.get(f"{base}/decision", params={"format": "pdf"})
        fingerprint = c.get("/api/v1/decisions/public-key").json()["fingerprint"]
    assert as_pdf.status_code == 200 and as_pdf.headers["content-type"] == "application/pdf"
    assert as_pdf.content.startswith(b"%PDF-") and "attachment" in as_pdf.headers["content-disposition"]
    embedded = PdfReader(io.BytesIO(as_pdf.content)).attachments["decision.json"][0]
    assert json.loads(embedded) == as_json.json()  # the very record the JSON export gives
    printed = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(as_pdf.content)).pages).split()
    )
    assert "Décision approuvée" in printed and "Liaison liaison (key_" in printed
    assert f"{waived[0]} : dérogation accordée" in printed
    assert "approved" not in printed and "waived" not in printed  # words, not the record's identifiers

    pdf_path, json_path = tmp_path / "decision.pdf", tmp_path / "decision.json"
    pdf_path.write_bytes(as_pdf.content)
    json_path.write_bytes(as_json.content)
    assert main(["verify-decision", str(pdf_path), "--fingerprint", fingerprint]) == 0
    assert main(["verify-decision", str(json_path), "--fingerprint", fingerprint]) == 0

    forged = json.loads(embedded)
    forged["decision"]["opinion"] = "Avis réécrit après la décision, dans le PDF."
    forged_path = tmp_path / "forged.pdf"
    forged_path.write_bytes(render_decision_pdf(forged))
    assert main(["verify-decision", str(forged_path), "--fingerprint", fingerprint]) == 1

    plain = tmp_path / "plain.pdf"
    from weasyprint import HTML

    plain.write_bytes(HTML(string="<p>no record</p>").write_pdf())
    assert main(["verify-decision", str(plain), "--fingerprint", fingerprint]) == 3
