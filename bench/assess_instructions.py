"""Instructions a compact assessment costs, for callgrind: the 11 examples' facts assessed N times each.

Run twice under callgrind, with N and with 0, and take the difference of the `Ir` totals over N x 11:
`valgrind --tool=callgrind --callgrind-out-file=/tmp/a.out .venv/bin/python bench/assess_instructions.py 200`
(and `... 0`). `--stage facts` times `Engine.assess_facts` on facts dumped once (what `assess_compact` runs after
the model dump); `--stage compact` the whole `assess_compact`, the dump included.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

from compliance.engine.assess import Engine
from compliance.engine.dump import plain_serializer
from compliance.ruleset.loader import load_pack
from compliance.service.submissions import parse_submission

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("rounds", type=int)
    ap.add_argument("--stage", choices=("facts", "compact"), default="facts")
    args = ap.parse_args()
    engine = Engine(load_pack(ROOT / "rules", ROOT / "features"))
    subs = [parse_submission(p.read_bytes(), p.name) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    dumped = [plain_serializer(s.__pydantic_serializer__).to_python(s, mode="json") for s in subs]
    for sub, facts in zip(subs, dumped, strict=True):  # warm: memos, caches, the checks compiled
        engine.assess_compact(sub)
        engine.assess_facts(facts)
        facts.pop("derived")
    gc.freeze()
    if args.stage == "facts":
        assess = engine.assess_facts
        for _ in range(args.rounds):
            for facts in dumped:
                facts.pop("derived", None)
                assess(facts)
    else:
        compact = engine.assess_compact
        for _ in range(args.rounds):
            for sub in subs:
                compact(sub)


if __name__ == "__main__":
    main()
