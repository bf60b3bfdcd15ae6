"""CPU time of what the assessment helper does for one `/evaluate` (JSON body in, full JSON answer out).

Run: `.venv/bin/python bench/evaluate_body_bench.py [--before /path/to/main] [--bodies 1500]`.
Parses, validates, assesses and writes the answer for the darija example as a JSON body with a new
`project_name` each time, in this process (process CPU time, so waiting for a core is not counted); with
`--before`, the same in another checkout's code (run in a subprocess with that checkout first on the path),
alternating three times.
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


def measure(bodies: int) -> float:
    from compliance.service.assess_runner import _report_from_body
    from compliance.service.assessing import assessor_for
    from compliance.strictyaml import load_yaml

    assessor = assessor_for()
    doc = load_yaml(EXAMPLE.read_text(encoding="utf-8"))
    raws = [json.dumps(doc | {"project_name": f"p{i}"}).encode() for i in range(2 * bodies)]
    for raw in raws[bodies:]:  # warm-up
        _report_from_body(assessor, raw, True, "json", "en", "major")
    t0 = time.process_time()
    for raw in raws[:bodies]:
        _report_from_body(assessor, raw, True, "json", "en", "major")
    return (time.process_time() - t0) / bodies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--bodies", type=int, default=1500)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        print(measure(args.bodies))
        return
    codes = [("this", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for run in range(3):
        for label, code in codes:
            env = os.environ | {"PYTHONPATH": str(code)}
            out = subprocess.run(
                [sys.executable, __file__, "--inner", "--bodies", str(args.bodies)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            print(f"[{label}] run {run + 1}: {float(out) * 1e3:.3f} ms CPU a body")


if __name__ == "__main__":
    main()
