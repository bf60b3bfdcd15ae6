"""Time the founder's web report page and its PDF for the largest example (most open findings), fr and ar.

    .venv/bin/python bench/report_page_bench.py [--rounds 5]

The real app in process (compliance.server.create_server over a memory store, Starlette's test client): a
founder signs in, imports the example as a draft, submits it, then asks for the stored version's report page
(`/projects/{id}/versions/1/report`: the review applied, the one-page summary, every question linked to the
questionnaire) and its PDF (`.../report.pdf`, printed by the bounded renderer inside the request). The first
PDF, which starts the renderer's worker and imports WeasyPrint, is reported apart.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from starlette.testclient import TestClient

from compliance.api.settings import Settings
from compliance.server import create_server
from compliance.service.access import create_organisation
from compliance.service.accounts import Accounts
from compliance.service.assessing import assessor_for
from compliance.service.submissions import read_submission
from compliance.storage.memory import memory_store
from compliance.storage.records import Role

ROOT = Path(__file__).resolve().parents[1]
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
PASSWORD = "bench password 12345"


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field"
    return found.group(1)


def _largest() -> Path:
    assessor = assessor_for(None)

    def open_findings(path: Path) -> int:
        found = assessor.assess(read_submission(path)).findings
        return sum(f.outcome.value in ("fail", "needs_info") for f in found)

    return max(sorted((ROOT / "examples").glob("*.yaml")), key=open_findings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    example = _largest()
    store = memory_store()
    create_organisation(store.access, store.audit, "Bench Org")
    Accounts(store.access, store.audit, store.accounts).create_user(
        "founder@bench.ma", PASSWORD, Role.submitter, "bench-org"
    )
    app = create_server(Settings(assess_workers=0, sign_in_spacing=0), repository=store)
    client = TestClient(app, base_url="https://testserver", follow_redirects=False)
    token = _csrf(client.get("/sign-in").text)
    client.post(
        "/sign-in", data={"csrf": token, "email": "founder@bench.ma", "password": PASSWORD, "next": "/"}
    )
    token = _csrf(client.get("/drafts/new").text)
    imported = client.post(
        "/drafts/import", data={"csrf": token}, files={"file": (example.name, example.read_bytes())}
    )
    draft = imported.headers["location"].split("/")[2]
    summary = client.get(f"/drafts/{draft}/summary")
    version = client.post(f"/drafts/{draft}/submit", data={"csrf": _csrf(summary.text)}).headers["location"]
    print(f"largest example: {example.name}; report of {version}")
    start = time.perf_counter()
    first = client.get(f"{version}/report.pdf")
    assert first.status_code == 200, first.text
    print(f"first PDF (worker start + WeasyPrint import): {time.perf_counter() - start:.2f} s")
    for lang in ("fr", "ar"):
        client.get(f"/language/{lang}")
        page_times, pdf_times = [], []
        page_size = pdf_size = 0
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            page = client.get(f"{version}/report")
            t1 = time.perf_counter()
            pdf = client.get(f"{version}/report.pdf")
            t2 = time.perf_counter()
            assert page.status_code == 200 and pdf.status_code == 200
            page_times.append((t1 - t0) * 1000)
            pdf_times.append(t2 - t1)
            page_size, pdf_size = len(page.content), len(pdf.content)
        links = page.text.count('class="to-field"')
        print(
            f"{lang}: report page median {statistics.median(page_times):.1f} ms ({page_size // 1024} KiB, "
            f"{links} questions linked); PDF median {statistics.median(pdf_times):.2f} s ({pdf_size // 1024} KiB)"
        )
    store.close()


if __name__ == "__main__":
    main()
