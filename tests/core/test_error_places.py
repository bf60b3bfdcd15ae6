"""Field errors of a JSON text are placed by a walk along their paths, exactly where the YAML node tree placed
them, and a 1 MiB invalid body is placed with bounded work (counted in entries looked at, not timed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.service import json_places
from compliance.service.json_places import Loc, place_in_json
from compliance.service.submission_errors import MAX_LISTED_ERRORS, MAX_YAML_PLACED, places_in_yaml
from compliance.service.submissions import InvalidSubmission, parse_submission
from compliance.strictyaml import load_yaml

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
MIB = 1024 * 1024


def _locations(value: Any, loc: Loc = ()) -> list[Loc]:
    """Every path of `value`, and paths that go past it: a missing key, an index past the end, a key of a
    list, a step below a scalar."""
    out = [loc]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _locations(item, (*loc, key))
        out.append((*loc, "absent"))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _locations(item, (*loc, i))
        out += [(*loc, len(value)), (*loc, "key"), (*loc, -1)]
    else:
        out.append((*loc, "below", 0))
    return out


def _texts(doc: dict[str, Any]) -> list[str]:
    """The document as JSON written in several ways: compact, indented, non-ASCII kept, CR LF and CR breaks,
    spaces around the punctuation, and NEL and PS inside a text (YAML counts them as line breaks)."""
    odd = doc | {"zz": {"clé": ["مرحبا", "a\x85b\u2029c", 1.5, None, True, {}, []]}}
    return [
        json.dumps(doc),
        json.dumps(odd, indent=2, ensure_ascii=False),
        json.dumps(doc, indent=2).replace("\n", "\r\n"),
        json.dumps(doc, indent=1).replace("\n", "\r"),
        json.dumps(odd, ensure_ascii=False, separators=(" , ", " : ")),
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_path_of_the_examples_is_placed_as_the_yaml_node_tree_places_it(example: Path) -> None:
    doc = load_yaml(example.read_text(encoding="utf-8"))
    for text in _texts(doc):
        locs = _locations(json.loads(text))
        expected = places_in_yaml(text, locs)
        assert any(p is not None for p in expected)  # the YAML reader composed the text: a real comparison
        placed = place_in_json(text, locs)
        assert placed is not None
        assert placed.places == expected
        assert placed.steps <= len(locs) * 2  # each entry on a wanted path looked at about once


def _errors(raw: bytes, lang: str = "en") -> list[Any]:
    with pytest.raises(InvalidSubmission) as caught:
        parse_submission(raw, "<body>", json_only=raw.lstrip().startswith(b"{"), lang=lang)
    return caught.value.errors


def _near_one_mib(head: str, item: str, tail: str) -> bytes:
    """`head`, as many `item`s (numbered by `{i}`) as fit in 1 MiB, `tail`."""
    parts: list[str] = []
    size = len(head) + len(tail)
    while size + len(item.format(i=len(parts))) + 1 <= MIB:
        parts.append(item.format(i=len(parts)))
        size += len(parts[-1]) + 1
    return (head + ",".join(parts) + tail).encode()


def test_a_1_mib_body_of_unknown_keys_is_answered_with_its_first_errors_placed() -> None:
    doc = load_yaml(EXAMPLES[0].read_text(encoding="utf-8"))
    head = json.dumps(doc)[:-1] + ", "
    raw = _near_one_mib(head, '"k{i}": 0', "}")
    assert MIB - 100 < len(raw) <= MIB
    errors = _errors(raw, "fr")
    assert len(errors) == MAX_LISTED_ERRORS + 1
    listed, more = errors[:-1], errors[-1]
    assert all(e.path == "" and e.key == "unknown_key" and e.line == 1 for e in listed)
    assert [e.column for e in listed] == sorted({e.column for e in listed})  # each at its own key, in order
    assert more.key == "more_errors" and int(more.params["count"]) > 50_000
    locs: list[Loc] = [(f"k{i}",) for i in range(MAX_LISTED_ERRORS)]
    placed = place_in_json(raw.decode(), locs)
    assert placed is not None and all(placed.places)
    assert placed.steps <= len(doc) + MAX_LISTED_ERRORS  # the walk stopped at the last key it was asked for


def test_a_1_mib_list_of_processings_is_placed_without_reading_past_what_is_asked() -> None:
    doc = load_yaml(EXAMPLES[0].read_text(encoding="utf-8"))
    raw = _near_one_mib('{"schema_version": "1.1", "project_name": "p", "processings": [', "{{}}", "]}")
    errors = _errors(raw)
    (error,) = errors  # pydantic refuses the list for its length before reading the items
    assert error.path == "processings" and error.key == "too_long_list" and error.line == 1 and error.column
    items = json.dumps({"processings": [{}] * 300_000})
    placed = place_in_json(items, [("processings", 7, "purpose"), ("processings", 99)])
    assert placed is not None and placed.places == [
        (1, 18 + 4 * 7),
        (1, 18 + 4 * 99),
    ]  # `{}, ` a item after 17 characters
    assert placed.steps <= 1 + 100  # the key, then the items up to the last index asked for
    assert doc  # the example read, as the other tests read it


def test_the_walk_is_bounded_and_what_it_could_not_reach_keeps_its_path_and_message() -> None:
    keys = ", ".join(f'"k{i}": 0' for i in range(json_places.MAX_STEPS + 10))
    text = '{"processings": [{' + keys + "}]}"
    placed = place_in_json(text, [("processings", 0, "k0"), ("processings", 0, "purpose")])
    assert placed is not None
    assert placed.steps == json_places.MAX_STEPS + 1
    assert placed.places[0] == (1, 19) and placed.places[1] is None  # a missing key: not sought to the end


def test_a_large_yaml_body_keeps_its_errors_named_without_being_composed_again() -> None:
    example = EXAMPLES[0].read_text(encoding="utf-8")
    small = _errors((example + "k0: 0\n").encode())
    (unknown,) = small
    assert unknown.key == "unknown_key" and unknown.line == example.count("\n") + 1
    padding = "".join(f"k{i}: 0\n" for i in range(MAX_YAML_PLACED // 8))
    large = _errors((example + padding).encode())
    assert len(large) == MAX_LISTED_ERRORS + 1
    assert large[0].model_copy(update={"line": None, "column": None}) == unknown.model_copy(
        update={"line": None, "column": None}
    )
    assert all(e.line is None and e.column is None for e in large)


def test_a_text_that_is_not_json_is_left_to_the_yaml_reader() -> None:
    assert place_in_json("{a: 1, b: [x, y]}", [("b", 1)]) is None


@pytest.mark.parametrize(
    "text", ['{a: 1, "b": [x]}', '{"a" 1, "b": [1]}', '{"a": 1 "b": [1]}', '{"b": [1 2]}']
)
def test_a_flow_mapping_that_is_not_json_is_left_to_the_yaml_reader_however_far_it_reads(text: str) -> None:
    assert place_in_json(text, [("b", 1)]) is None
