"""CPU time the assessment helper spends answering an invalid 1 MiB submission body.

Run: `.venv/bin/python bench/invalid_body_bench.py [--before /path/to/main] [--rounds 3]`.
Each body is sent through what the helper does for `/evaluate` and `POST .../versions` (`report_from_body`:
decode, parse, validate, word and place the field errors), in this process (process CPU time, so waiting for a
core is not counted). With `--before`, the same in another checkout's code (a subprocess with that checkout
first on the path), alternating. The bodies are the darija example as JSON with, filling it to just under 1 MiB:
`processings` holding small items (`{}` or `0`), many unknown top-level keys, many unknown keys inside one
processing, an example padded with a long description and one error at its end, and the same as YAML.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"
MIB = 1024 * 1024


def _fill(make: Callable[[int], str]) -> bytes:
    """The largest `make(n)` of at most 1 MiB (n found by proportion, then stepped down)."""
    n = 1000
    for _ in range(4):
        n = max(1, n * MIB // len(make(n).encode()))
    while len(make(n).encode()) > MIB:
        n -= max(1, (len(make(n).encode()) - MIB) // 8)
    return make(n).encode()


def bodies() -> dict[str, tuple[bytes, bool]]:
    """Name -> (body, read as JSON)."""
    from compliance.strictyaml import load_yaml

    doc = load_yaml(EXAMPLE.read_text(encoding="utf-8"))
    compact = {"separators": (",", ":")}
    first = doc["processings"][0]
    return {
        "processings: [{}, {}, ...]": (
            _fill(lambda n: json.dumps(doc | {"processings": [{}] * n}, **compact)),
            True,
        ),
        "processings: [0, 0, ...]": (
            _fill(lambda n: json.dumps(doc | {"processings": [0] * n}, **compact)),
            True,
        ),
        "unknown top-level keys": (
            _fill(lambda n: json.dumps(doc | {f"k{i}": 0 for i in range(n)}, **compact)),
            True,
        ),
        "unknown keys in processings.0, indented": (
            _fill(
                lambda n: json.dumps(
                    doc | {"processings": [first | {f"k{i}": 0 for i in range(n)}]},
                    indent=2,
                    ensure_ascii=False,
                )
            ),
            True,
        ),
        "long description, one error at the end": (
            _fill(lambda n: json.dumps(doc | {"description": "x" * n, "zz_unknown": 1}, ensure_ascii=False)),
            True,
        ),
        "unknown top-level keys, YAML": (
            _fill(lambda n: EXAMPLE.read_text(encoding="utf-8") + "".join(f"k{i}: 0\n" for i in range(n))),
            False,
        ),
    }


def measure(rounds: int) -> dict[str, tuple[float, int]]:
    """Name -> (CPU seconds a body, errors answered)."""
    from compliance.reports import ReportFormat
    from compliance.service.assess_work import report_from_body
    from compliance.service.assessing import assessor_for
    from compliance.service.reporting import ReportOptions

    options = ReportOptions(ReportFormat.json)
    assessor = assessor_for()
    out = {}
    for name, (raw, is_json) in bodies().items():
        report_from_body(assessor, raw, is_json, options)  # warm-up
        t0 = time.process_time()
        for _ in range(rounds):
            _report, errors = report_from_body(assessor, raw, is_json, options)
        out[name] = ((time.process_time() - t0) / rounds, len(errors))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        print(json.dumps(measure(args.rounds)))
        return
    codes = [("this", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sizes = {name: len(raw) for name, (raw, _) in bodies().items()}
    for run in range(2):
        for label, code in codes:
            env = os.environ | {"PYTHONPATH": str(code)}
            out = subprocess.run(
                [sys.executable, __file__, "--inner", "--rounds", str(args.rounds)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
                cwd=code,
            ).stdout
            for name, (cpu, errors) in json.loads(out).items():
                print(
                    f"[{label}] run {run + 1}: {name} ({sizes[name]:,} B): {cpu * 1e3:8.1f} ms CPU, {errors} errors"
                )


if __name__ == "__main__":
    main()
