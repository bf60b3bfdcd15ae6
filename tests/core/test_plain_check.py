"""A warm text `check` assesses with no pydantic model (`compliance.service.plain_check`): the plain assessment
holds what the models' assessment holds, field for field, on every example and on random submissions, and the
submission's hash is the same bytes' hash. (The reports and exit codes: tests/core/test_plain_submission.py.)"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pydantic_core
import pytest

from compliance.cli.main import main
from compliance.domain.plain_forms import PlainAssessment
from compliance.domain.submission import Submission
from compliance.engine.dump import plain_serializer
from compliance.engine.lean import plain_json
from compliance.service import plain_check
from compliance.service.assessing import assessor_for
from compliance.service.pack_cache import load_compiled, load_plain
from compliance.service.plain_check import plain_engine_for
from compliance.service.plain_submission import load_validator, read_facts, strict_payload
from compliance.service.validator_cache import prepare
from compliance.strictyaml import load_yaml
from tests.core.randomfacts import random_submission

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _facts_of(data: dict[str, Any]) -> dict[str, Any]:
    """The facts the engine gets from pydantic for this data (the model dumped in JSON mode)."""
    model = Submission.model_validate_json(strict_payload(data), strict=True)
    facts: dict[str, Any] = plain_serializer(model.__pydantic_serializer__).to_python(model, mode="json")
    return facts


def _plain_dict(value: Any) -> Any:
    """A plain assessment as `model_dump` writes the model's (python mode)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a trace entry
        return {f.name: _plain_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if type(value).__module__ == "compliance.domain.plain_forms":
        return {name: _plain_dict(getattr(value, name)) for name in type(value).__slots__}
    if isinstance(value, list):
        return [_plain_dict(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_dict(v) for k, v in value.items()}
    return value


def _same_assessment(facts: dict[str, Any]) -> None:
    engine = plain_engine_for(None)
    assert engine is not None
    plain = engine.assess_facts(json.loads(json.dumps(facts)))
    model = assessor_for(None).assess_facts(json.loads(json.dumps(facts)))
    assert isinstance(plain, PlainAssessment)
    assert _plain_dict(plain) == model.model_dump()
    assert type(plain.verdict) is type(model.verdict) and plain.submission_hash == model.submission_hash


def test_the_plain_assessment_holds_what_the_models_hold() -> None:
    assessor_for(None)  # writes the pack cache's entry, plain forms included, if this session has none
    for path in EXAMPLES:
        _same_assessment(_facts_of(load_yaml(path.read_text(encoding="utf-8"))))
    for seed in range(300):
        _same_assessment(_facts_of(random_submission(seed).model_dump(mode="json")))


def test_a_file_read_without_pydantic_gives_the_models_facts() -> None:
    prepare()
    load_validator.cache_clear()
    for path in EXAMPLES:
        assert read_facts(path) == _facts_of(load_yaml(path.read_text(encoding="utf-8"))), path.name


TRICKY = [
    "".join(map(chr, range(0x80))),
    "\u2028\u2029 \ufeff \U0001f600 é ش",
    '"quoted" \\back\\ /slash/',
    "\x7f\x00\x1f",
]


def test_the_plain_json_is_pydantic_cores_json() -> None:
    """For what the plain validator gives (no float: the generator writes no float field), `json.dumps` with
    compact separators writes pydantic-core's bytes, so the submission hash is the same."""
    samples: list[Any] = [_facts_of(load_yaml(p.read_text(encoding="utf-8"))) for p in EXAMPLES]
    samples += [_facts_of(random_submission(seed).model_dump(mode="json")) for seed in range(300)]
    samples += [{"s": TRICKY, "n": [0, -1, 2**63, -(2**70)], "b": [True, False, None], "e": {}, "l": []}]
    samples += [{text: text} for text in TRICKY]
    for facts in samples:
        assert plain_json(facts) == pydantic_core.to_json(facts)


def test_a_plain_part_that_does_not_match_its_mac_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged `.plain` file is refused: the check takes the models' way, and reports the same."""
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))
    example = str(EXAMPLES[0])
    load_compiled()  # writes the entry in this folder
    monkeypatch.setattr(plain_check, "_engines", {})
    code, before = _check(["check", example])
    assert load_plain() is not None and plain_engine_for(None) is not None
    (entry,) = tmp_path.glob("*.plain")
    data = bytearray(entry.read_bytes())
    data[-5] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert load_plain() is None
    monkeypatch.setattr(plain_check, "_engines", {})
    assert _check(["check", example]) == (code, before)
    assert plain_engine_for(None) is None  # the models' way read the file
    load_compiled()
    assert load_plain() is not None  # written again


def _check(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


def test_what_the_plain_part_keeps_of_the_models_is_theirs() -> None:
    """The derived facts' defaults and order, the cover's grounds and the vocabulary's kinds, read from the
    models when the entry is written, are what the models say now."""
    from compliance.domain.derived import AuthorisationCover, Derived
    from compliance.domain.vocabulary import BIOMETRIC_CATEGORIES, SENSITIVE_CATEGORIES, AuthorisationGround

    assessor_for.cache_clear()  # this process may hold a pack read from another test's folder
    assessor_for(None)
    found = load_plain()
    assert found is not None
    plain = found.plain
    assert list(plain.blank) == list(Derived.model_fields) and plain.blank["foreign_destinations"] == []
    assert plain.cover_fields == list(AuthorisationCover.model_fields)
    assert {f.replace("_", "-") for f in plain.cover_fields} == {g.value for g in AuthorisationGround}
    assert plain.kinds.sensitive == {c.value for c in SENSITIVE_CATEGORIES}
    assert plain.kinds.biometric == {c.value for c in BIOMETRIC_CATEGORIES}
    assert plain.kinds.automated == {"email", "sms", "whatsapp", "automated_call", "voice_bot", "fax", "push"}
