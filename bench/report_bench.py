"""Time the HTML report page and the PDF of the largest example (by number of open findings), fr and ar.

    .venv/bin/python bench/report_bench.py [--rounds 3]

The PDF goes through the same bounded worker process as `compliance check --format pdf`; the first rendering
includes starting the worker and importing WeasyPrint, reported apart.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from compliance.reports.html import render_html
from compliance.reports.pdf import PdfRenderer
from compliance.service.assessing import assessor_for
from compliance.service.submissions import read_submission

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    assessor = assessor_for(None)
    assessed = [(p, assessor.assess(read_submission(p))) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    path, assessment = max(
        assessed, key=lambda pa: sum(f.outcome.value != "not_applicable" for f in pa[1].findings)
    )
    print(f"largest example: {path.name} ({len(assessment.findings)} findings)")
    renderer = PdfRenderer()
    try:
        start = time.perf_counter()
        renderer.render(render_html(assessment, "fr"))
        print(f"first PDF (worker start + WeasyPrint import): {time.perf_counter() - start:.2f} s")
        for lang in ("fr", "ar"):
            html_times, pdf_times, size = [], [], 0
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                page = render_html(assessment, lang)
                t1 = time.perf_counter()
                pdf = renderer.render(page)
                t2 = time.perf_counter()
                html_times.append((t1 - t0) * 1000)
                pdf_times.append(t2 - t1)
                size = len(pdf)
            print(
                f"{lang}: HTML page median {statistics.median(html_times):.1f} ms ({len(page) // 1024} KiB); "
                f"PDF median {statistics.median(pdf_times):.2f} s ({size // 1024} KiB)"
            )
    finally:
        renderer.close()


if __name__ == "__main__":
    main()
