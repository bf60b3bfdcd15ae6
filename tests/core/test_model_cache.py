"""The validators and catalogues kept between runs: a warm run validates, hashes, words its errors and translates
exactly as a run that built everything, builds no model, and never uses an entry whose MAC does not match."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from compliance.i18n.catalogue import catalogue_path, parse_messages
from compliance.i18n.languages import Lang

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
import compliance.engine.dump as dump
made = []
plain_of = dump.plain_of
dump.plain_of = lambda serializer: made.append(1) or plain_of(serializer)
from compliance.engine.assess import submission_hash
from compliance.i18n.catalogue import translator
from compliance.i18n.languages import Lang
from compliance.service.submissions import InvalidSubmission, parse_submission
from compliance.service.validator_cache import MODELS, model_of

out = {}
for path in sorted(Path("examples").glob("*.yaml")):
    s = parse_submission(path.read_bytes(), str(path))
    out[path.name] = [submission_hash(s), s.model_dump(mode="json")]
bad = [b"project_name: 3\\n", b"project_name: x\\nprocessings: [{purpose: 1}]\\n", b"{\\"project_name\\": true}"]
for i, raw in enumerate(bad):
    try:
        parse_submission(raw, f"bad{i}", lang="fr")
    except InvalidSubmission as exc:
        out[f"bad{i}"] = exc.worded("fr")
out["messages"] = {
    lang.value: sorted(([list(k), v] for k, v in translator(lang)._messages.items()), key=json.dumps)
    for lang in Lang
}
built = [n for n in MODELS if model_of(n).__pydantic_complete__]
print(json.dumps({"out": out, "built": built, "made": len(made)}, default=str))
"""


def _run(cache: Path) -> dict[str, object]:
    env = os.environ | {"COMPLIANCE_CACHE_DIR": str(cache)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_a_warm_run_validates_and_translates_as_a_cold_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _run(cache)
    assert sorted(p.suffix for p in cache.iterdir() if p.suffix != "") == [".messages"] * len(Lang) + [
        ".models",
        ".validator",  # the submission's, in plain Python (tests/core/test_plain_submission.py)
    ]
    warm = _run(cache)
    assert warm["built"] == [] and cold["built"] != []
    assert warm["made"] == 0 and cold["made"] != 0  # the engine's serializer of submissions kept too
    assert warm["out"] == cold["out"]
    assert all(f"bad{i}" in cold["out"] for i in range(3))  # type: ignore[operator]
    (models,) = cache.glob("*.models")
    data = bytearray(models.read_bytes())
    data[-5] ^= 0xFF
    models.write_bytes(bytes(data))
    tampered = _run(cache)  # not used: built again, and written sound
    assert tampered["out"] == cold["out"] and tampered["built"] != []
    assert _run(cache)["built"] == []


def test_the_kept_catalogue_is_what_babel_reads(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    warm = _run(cache)["out"]
    _run(cache)
    for lang in Lang:
        messages = parse_messages(catalogue_path(lang), lang)
        expected = sorted(([list(k), v] for k, v in messages.items()), key=json.dumps)
        assert warm["messages"][lang.value] == expected  # type: ignore[index]
