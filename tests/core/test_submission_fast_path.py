"""`parse_submission` validates a plain JSON body from its text at once; what it gives must be what the usual
path (`validate_submission` of the parsed data, through json.dumps) gives: the same submission, or the same
problems in every language. Compared on every example, random submissions and bodies mutated to be odd."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from compliance.domain.submission import SCHEMA_VERSION
from compliance.service.submissions import (
    InvalidSubmission,
    JsonNumbers,
    _validated_as_written,
    decode,
    parse_submission,
    parse_text,
    validate_submission,
)
from compliance.strictyaml import load_yaml
from tests.core.randomfacts import holder_of, random_submission, value_paths

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
LANGS = ("fr", "ar", "en")
SOURCE = "body"


def _usual(raw: bytes, json_only: bool, lang: str) -> Any:
    """The path every body took before: parse, then validate the round trip through json.dumps."""
    text = decode(raw, SOURCE)
    return validate_submission(parse_text(text, SOURCE, json_only=json_only), SOURCE, text, lang)


def _outcome(parse: Any, raw: bytes, json_only: bool, lang: str) -> tuple[Any, ...]:
    try:
        submission = parse(raw, json_only, lang)
    except InvalidSubmission as exc:
        return ("problems", [e.model_dump() for e in exc.errors], exc.worded(lang), str(exc))
    return ("submission", type(submission), submission.model_dump(), submission.model_dump_json())


def _fast(raw: bytes, json_only: bool, lang: str) -> Any:
    return parse_submission(raw, SOURCE, json_only=json_only, lang=lang)


def assert_same(raw: bytes, json_only: bool = True, langs: tuple[str, ...] = LANGS) -> tuple[Any, ...]:
    for lang in langs:
        fast = _outcome(_fast, raw, json_only, lang)
        assert fast == _outcome(_usual, raw, json_only, lang), raw[:300]
    return fast


def taken(raw: bytes) -> bool:
    """Whether the body is validated from its text (the fast path), not through the round trip."""
    numbers = JsonNumbers()
    try:
        text = decode(raw, SOURCE)
        data = parse_text(text, SOURCE, json_only=True, numbers=numbers)
    except InvalidSubmission:
        return False
    return _validated_as_written(data, text, numbers) is not None


def _example(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_read_at_once_and_the_same(path: Path) -> None:
    data = _example(path)
    for raw in (
        json.dumps(data).encode(),
        json.dumps(data, ensure_ascii=False, indent=2).encode(),
        b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode(),  # a byte-order mark
    ):
        assert taken(raw) is (data["schema_version"] == SCHEMA_VERSION)  # older ones are upgraded first
        assert assert_same(raw)[0] == "submission"
    # The YAML text itself takes the usual path, as before.
    yaml_raw = path.read_bytes()
    assert assert_same(yaml_raw, json_only=False)[0] == "submission"


def test_random_submissions_are_read_at_once_and_the_same() -> None:
    for seed in range(600):
        raw = random_submission(seed).model_dump_json(exclude_none=True).encode()
        assert taken(raw), seed
        assert_same(raw, langs=("en",))


# -- odd bodies: each one either not taken at once, or the same either way -------------------------------------

ODD_VALUES: list[Any] = [
    365.0,
    -0.0,
    365.5,
    1e2,
    1e400,  # json.dumps writes Infinity
    float("nan"),
    10**30,
    "365",
    "true",
    True,
    None,
    [],
    {},
    [1.0, 2.5],
    {"nested": 4.0},
    "2024-02-30",
    "\U0001f600 \u0623\u0645\u0627\u0646",
    "x" * 5000,
]


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    return holder_of(data, path)[path[-1]]


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    holder_of(data, path)[path[-1]] = value


def _mutated(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        paths = value_paths(out)
        _set(out, rng.choice(paths), copy.deepcopy(rng.choice(ODD_VALUES)))
    return out


def test_mutated_bodies_give_the_same_submission_or_problems() -> None:
    rng = random.Random(16)
    bases = [_example(p) for p in EXAMPLES] + [
        random_submission(seed).model_dump(mode="json", exclude_none=True) for seed in range(40)
    ]
    kinds: set[str] = set()
    for i in range(900):
        raw = json.dumps(_mutated(rng.choice(bases), rng), ensure_ascii=bool(i % 2)).encode()
        kinds.add(assert_same(raw, langs=(LANGS[i % 3],))[0])
    assert kinds == {"submission", "problems"}


def _with_text(data: dict[str, Any], before: str, after: str) -> bytes:
    return json.dumps(data, ensure_ascii=False).replace(before, after, 1).encode()


def test_odd_bodies_are_not_taken_at_once_and_keep_their_problems() -> None:
    data = next(d for d in map(_example, EXAMPLES) if d["schema_version"] == SCHEMA_VERSION)
    older = copy.deepcopy(data) | {"schema_version": "1.0"}
    older.setdefault("rights", {})["access_channel"] = "none"
    whole_float = copy.deepcopy(data)
    int_path = next(p for p in value_paths(data) if type(_get(data, p)) is int)
    _set(whole_float, int_path, float(_get(data, int_path)))
    nested = next(k for k, v in data.items() if isinstance(v, dict) and v)
    inner = next(iter(data[nested]))
    bodies = {
        "duplicate key": _with_text(data, "{", '{"project_name": "twice", '),
        "duplicate nested key": _with_text(data, f'"{nested}": {{', f'"{nested}": {{"{inner}": null, '),
        "whole float": json.dumps(whole_float).encode(),
        "older format": json.dumps(older).encode(),
        "NaN": _with_text(data, "{", '{"x": NaN, '),
        "infinity": _with_text(data, "{", '{"x": -Infinity, '),
        "huge exponent": _with_text(data, "{", '{"x": 1e999, '),
        "not a mapping": b"[1, 2]",
        "a string": b'"facts"',
        "truncated": json.dumps(data).encode()[:-10],
        "trailing text": json.dumps(data).encode() + b" {}",
        "lone surrogate": _with_text(data, "{", '{"project_name": "a\\ud800b", '),
        "surrogate pair": _with_text(data, "{", '{"project_name": "a\\ud83d\\ude00b", '),
        "control character": _with_text(data, "{", '{"project_name": "a\tb", '),
        "long number": _with_text(data, "{", '{"x": ' + "9" * 5000 + ", "),
        "deep": b'{"x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        "not UTF-8": b'{"project_name": "\xff"}',
        "empty": b"  ",
        "unknown version": json.dumps(data | {"schema_version": "9.9"}).encode(),
        "wrong types": json.dumps(data | {"project_name": 5, "schema_version": SCHEMA_VERSION}).encode(),
    }
    assert "duplicate" in json.dumps(assert_same(bodies["duplicate key"]))
    for name, raw in bodies.items():
        outcome = assert_same(raw)
        if name in ("duplicate key", "duplicate nested key", "whole float", "older format", "NaN"):
            assert not taken(raw), name
        if name not in ("older format", "surrogate pair", "whole float"):
            assert outcome[0] == "problems", name
    assert assert_same(bodies["older format"])[0] == "submission"
    assert assert_same(bodies["whole float"])[0] == "submission"
