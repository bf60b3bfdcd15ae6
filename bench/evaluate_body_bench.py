"""CPU time of what the assessment helper does for one `/evaluate` (JSON body in, full JSON answer out).

Run: `.venv/bin/python bench/evaluate_body_bench.py [--before /path/to/main] [--bodies 1500]`.
Parses, validates, assesses and writes the answer for the darija example as a JSON body with a new
`project_name` each time, in this process (process CPU time, so waiting for a core is not counted); with
`--before`, the same in another checkout's code (run in a subprocess with that checkout first on the path),
alternating three times. With `--random`, the bodies are instead random valid submissions (the property tests'
generator, a different seed each), so that no two bodies share their facts: the memos of serialised traces
then hit only where rules read the same facts alike, as across real projects.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


def _bodies(count: int, random: bool) -> list[bytes]:
    if random:
        sys.path.insert(0, str(ROOT))  # the generator lives with the tests
        from tests.core.randomfacts import random_submission

        return [random_submission(seed).model_dump_json(exclude_none=True).encode() for seed in range(count)]
    from compliance.strictyaml import load_yaml

    doc = load_yaml(EXAMPLE.read_text(encoding="utf-8"))
    return [json.dumps(doc | {"project_name": f"p{i}"}).encode() for i in range(count)]


def measure(bodies: int, random: bool) -> float:
    from compliance.reports import ReportFormat

    try:
        from compliance.service.assess_work import report_from_body as _report_from_body
    except ImportError:  # a checkout from before the split (--before)
        from compliance.service.assess_runner import _report_from_body  # type: ignore[attr-defined,no-redef]
    from compliance.service.assessing import assessor_for
    from compliance.service.reporting import ReportOptions

    options = ReportOptions(ReportFormat.json)

    assessor = assessor_for()
    raws = _bodies(2 * bodies, random)
    for raw in raws[bodies:]:  # warm-up
        _report_from_body(assessor, raw, True, options)
    t0 = time.process_time()
    for raw in raws[:bodies]:
        _report_from_body(assessor, raw, True, options)
    return (time.process_time() - t0) / bodies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--bodies", type=int, default=1500)
    ap.add_argument("--random", action="store_true", help="random valid submissions instead of the example")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        print(measure(args.bodies, args.random))
        return
    codes = [("this", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for run in range(3):
        for label, code in codes:
            env = os.environ | {"PYTHONPATH": str(code)}
            out = subprocess.run(
                [sys.executable, __file__, "--inner", "--bodies", str(args.bodies)]
                + ["--random"] * args.random,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            print(f"[{label}] run {run + 1}: {float(out) * 1e3:.3f} ms CPU a body")


if __name__ == "__main__":
    main()
