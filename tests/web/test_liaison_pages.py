"""The liaison's console in process: the queue and a version's review for liaisons only, judgements that carry
the revision (a second liaison acting on a stale page gets the conflict message), comments, the decision as
signed JSON and as a PDF that `compliance verify-decision` accepts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyotp
from pypdf import PdfReader
from starlette.testclient import TestClient

from compliance.cli.main import main
from compliance.storage.records import Role
from tests.web.conftest import PASSWORD, Web, csrf_of, sign_in
from tests.web.test_review_seen_by_submitter import _submit

REVISION = re.compile(r'name="revision" value="(\d+)"')


def _liaison(web: Web, email: str = "liaison@cndp.ma") -> TestClient:
    user = web.store.accounts.find_user(email)
    assert user is not None
    web.store.accounts.save_user(
        user.model_copy(update={"totp_last_step": 0})
    )  # the enrolment's code is reused
    client = web.client()
    sign_in(client, email, code=pyotp.TOTP(web.totp_secret).now())
    return client


def _post(client: TestClient, page: str, path: str, data: dict[str, str]) -> tuple[int, str]:
    html = client.get(page).text
    revision = REVISION.search(html)
    form = {"csrf": csrf_of(html), **({"revision": revision.group(1)} if revision else {}), **data}
    answer = client.post(path, data=form)
    return answer.status_code, answer.text


def test_submitters_may_not_open_the_console(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _submit(founder, "Bank voice bot")
    assert founder.get("/review").status_code == 403
    assert founder.get(f"/review/{project_id}/versions/1").status_code == 403
    assert 'href="/review"' not in founder.get("/").text


def test_two_liaisons_in_conflict_then_a_decision_that_verifies(web: Web, tmp_path: Path) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _submit(founder, "Bank voice bot")
    second = web.accounts.create_user("second@cndp.ma", PASSWORD, Role.liaison, None)
    web.accounts.enable_totp(second, web.totp_secret, pyotp.TOTP(web.totp_secret).now())
    first, other = _liaison(web), _liaison(web, "second@cndp.ma")
    page = f"/review/{project_id}/versions/1"
    base = page

    queue = first.get("/review?sort=severity")
    assert queue.status_code == 200 and f'href="{page}"' in queue.text
    assert f'href="{page}"' not in first.get("/review?state=in_review").text
    stale = other.get(page).text  # the second liaison reads the page at this revision

    status, _ = _post(first, page, f"{base}/actions", {"action": "start_review"})
    assert status == 303
    rule_id = re.findall(r'<li class="(?:fail|needs_info)" id="([^"]+)"', first.get(page).text)[0]
    form = {
        "csrf": csrf_of(stale),
        "revision": REVISION.search(stale).group(1),  # type: ignore[union-attr]
        "judgement": "confirmed",
    }
    conflict = other.post(f"{base}/findings/{rule_id}", data=form)
    assert conflict.status_code == 409
    assert "Quelqu&#39;un d&#39;autre a modifié ce projet : rechargez" in conflict.text
    assert "il en est à la révision 2 (en examen)" in conflict.text

    status, _ = _post(
        first, page, f"{base}/comments", {"rule_id": rule_id, "text": "Précisez la base légale."}
    )
    assert status == 303
    waiver = {
        "judgement": "waived",
        "reason": "Mise en conformité planifiée.",
        "legal_ground": "Art. 6(b)",
        "expires": "2031-12-31",
    }
    status, _ = _post(first, page, f"{base}/findings/{rule_id}", waiver)
    assert status == 303
    status, _ = _post(
        first, page, f"{base}/actions", {"action": "approve", "text": "Approuvé avec dérogation."}
    )
    assert status == 303
    decided = first.get(page).text
    assert (
        'id="decision"' in decided and "liaison@cndp.ma" in decided and "Précisez la base légale." in decided
    )

    pdf = first.get(f"{base}/decision.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    fingerprint = first.get("/api/v1/decisions/public-key").json()["fingerprint"]
    path = tmp_path / "decision.pdf"
    path.write_bytes(pdf.content)
    assert main(["verify-decision", str(path), "--fingerprint", fingerprint]) == 0
    first.get("/language/ar?next=/")  # the liaison reads in Arabic: the printed decision too
    printed = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(first.get(f"{base}/decision.pdf").content)).pages
    )
    assert "قرار المراجعة" in printed and "Décision" not in printed
    first.get("/language/fr?next=/")
    record = first.get(f"{base}/decision.json")
    assert (
        record.headers["content-type"] == "application/json"
        and record.json()["decision"]["decision"] == "approved"
    )

    founder_view = founder.get(f"/projects/{project_id}/versions/1").text
    assert "Dérogation jusqu&#39;au 2031-12-31 au titre de Art. 6(b)" in founder_view


def test_a_comment_written_from_the_arabic_console_is_tagged_arabic(web: Web) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    project_id = _submit(founder, "Bank voice bot")
    liaison = _liaison(web)
    liaison.headers["accept-language"] = "ar"
    page = f"/review/{project_id}/versions/1"
    status, _ = _post(liaison, page, f"{page}/comments", {"text": "يرجى توضيح مدة الاحتفاظ."})
    assert status == 303
    assert '<p lang="ar" dir="auto">يرجى توضيح مدة الاحتفاظ.</p>' in liaison.get(page).text
