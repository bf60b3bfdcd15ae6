"""The full assessment's JSON written straight from a compact one, byte for byte what pydantic writes.

The API answers with the full assessment (about 100 KB, most of it rule texts). Expanding it into models and
serialising them costs more than assessing; here every part fixed by the pack (a rule's title, references,
texts and penalty, a leaf's path and comparison) is serialised once per pack view, and an assessment only joins
those fragments around its own values. tests/core/test_lean_engine.py compares the bytes with pydantic's.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast

import pydantic_core

from compliance.domain.compact import ASKING, NOT_MET, CompactAssessment, PackView

if TYPE_CHECKING:
    from compliance.domain.outcomes import FormalityPlan, PackInfo

_encode_str = json.encoder.encode_basestring  # escapes as serde_json does
_OUTCOMES_NOT_MET = {o.value for o in NOT_MET}
_OUTCOMES_ASKING = {o.value for o in ASKING}
_UNJUDGED = ',"waiver":null,"correction":null}'  # a fresh assessment: no review has judged a finding


def _dump(value: Any) -> str:
    return pydantic_core.to_json(value).decode()


def _model(value: Any) -> str:
    return "null" if value is None else str(value.model_dump_json())


def _value(v: Any) -> str:
    """A fact value as pydantic writes it; plain strings, booleans, integers and lists of strings directly."""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    t = type(v)
    if t is str:
        return str(_encode_str(v))
    if t is int:
        return str(v)
    if t is list and all(type(x) is str for x in v):
        return "[" + ",".join([_encode_str(x) for x in v]) + "]"
    return _dump(v)


class Fragments:
    """The serialised pieces of a pack view."""

    def __init__(self, view: PackView) -> None:
        self.rules: dict[str, tuple[bytes, bytes, tuple[bytes, ...]]] = {}
        for rule_id, r in view.rules.items():
            head = '{"rule_id":' + _dump(rule_id) + ',"chapter":' + _dump(r.chapter)
            head += ',"title":' + _model(r.title) + ',"outcome":"'
            refs = "[" + ",".join(_model(ref) for ref in r.references) + "]"
            mid = '","basis_status":"' + r.basis_status.value + '","references":' + refs + ',"trace":'
            texts = ',"explanation":' + _model(r.explanation) + ',"remediation":' + _model(r.remediation)
            questions = ',"questions":' + _model(r.questions)
            tails = (
                ',"explanation":null,"remediation":null,"questions":null,"penalty":null' + _UNJUDGED,  # met
                texts + questions + ',"penalty":null' + _UNJUDGED,  # asking
                texts + ',"questions":null,"penalty":' + _model(r.penalty) + _UNJUDGED,  # failing
            )
            self.rules[rule_id] = (head.encode(), mid.encode(), tuple(t.encode() for t in tails))
        # Per leaf, %-templates of its entry: (value, result) at the top level, (prefix, value, result) in a scope.
        # Paths are made of [a-z0-9_.[\]] only: they need no escaping, and no '%' can reach a template.
        self.leaves: list[tuple[str, str]] = []
        self.memo: dict[tuple[Any, ...], str] = {}  # serialised entries, see `_trace`
        self.traces: dict[bytes, bytes] = {}  # whole traces, by their compact JSON, see `_trace_of`
        for text, from_root, test in view.leaves:
            tail = '","value":%s,"test":' + _dump(test).replace("%", "%%") + ',"result":%s}'
            top = '{"path":"' + text + tail
            self.leaves.append((top, top if from_root else '{"path":"%s' + text + tail))


_fragments: dict[int, tuple[PackView, Fragments]] = {}


def fragments_of(view: PackView) -> Fragments:
    found = _fragments.get(id(view))
    if found is None or found[0] is not view:
        found = _fragments[id(view)] = (view, Fragments(view))
    return found[1]


_RESULT = {True: "true", False: "false", None: "null"}


_MEMO_LIMIT = 20_000


def _trace(trace: list[tuple[Any, ...]], frags: Fragments) -> str:
    leaves, memo = frags.leaves, frags.memo
    parts: list[str] = []
    append = parts.append
    for entry in trace:
        v = entry[1]
        # Most entries are the same few again and again. Keys never mix values that compare equal across types
        # (1 == True): null, booleans and short strings as they are; integers marked (a scope prefix is never
        # "int"); lists of strings as tuples.
        if v is None or v is True or v is False or (type(v) is str and len(v) <= 80):
            key = entry
        elif type(v) is int:
            key = (*entry, "int")
        elif type(v) is list and len(v) <= 16 and all(type(x) is str for x in v):
            key = (entry[0], tuple(v), *entry[2:])
        else:
            append(_entry(entry, leaves))
            continue
        found = memo.get(key)
        if found is None:
            found = memo[key] = _entry(entry, leaves)
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
        append(found)
    return "[" + ",".join(parts) + "]"


def _trace_of(trace: list[tuple[Any, ...]], frags: Fragments) -> bytes:
    """A finding's expanded trace, by its compact JSON: a rule that reads the same facts has the same trace in
    every assessment that states them alike. The compact JSON is an exact key (`1`, `1.0` and `true` differ
    there, where they are equal as Python keys) and costs one call into pydantic-core."""
    key = pydantic_core.to_json(trace)
    found = frags.traces.get(key)
    if found is None:
        if len(frags.traces) >= _MEMO_LIMIT // 4:
            frags.traces.clear()
        found = frags.traces[key] = _trace(trace, frags).encode()
    return found


def _entry(entry: tuple[Any, ...], leaves: list[tuple[str, str]]) -> str:
    v = entry[1]
    value = "true" if v is True else "false" if v is False else "null" if v is None else _value(v)
    top, scoped = leaves[entry[0]]
    out: str = (
        top % (value, _RESULT[entry[2]]) if len(entry) == 3 else scoped % (entry[3], value, _RESULT[entry[2]])
    )
    return out


def expanded_json(compact: CompactAssessment, view: PackView) -> bytes:
    """`expand(compact, view)` serialised, without building it."""
    frags = fragments_of(view)
    c = compact
    # the engine's and the store's compact assessments hold the models (a plain one is only a `check`'s)
    pack, plan = cast("PackInfo", c.pack), cast("FormalityPlan", c.formalities)
    parts = [
        b'{"project_name":',
        pydantic_core.to_json(c.project_name),
        b',"submission_hash":',
        pydantic_core.to_json(c.submission_hash),
        b',"pack":',
        pack.__pydantic_serializer__.to_json(pack),
        b',"verdict":"',
        c.verdict.value.encode(),
        b'","counts":',
        pydantic_core.to_json(c.counts),
        b',"findings":[',
    ]
    add = parts.append
    for i, (rule_id, outcome, severity, trace) in enumerate(c.findings):
        head, mid, tails = frags.rules[rule_id]
        if i:
            add(b",")
        add(head)
        add(f'{outcome}","severity":"{severity}'.encode())
        add(mid)
        add(_trace_of(trace, frags))
        add(tails[0 if outcome not in _OUTCOMES_NOT_MET else 1 if outcome in _OUTCOMES_ASKING else 2])
    add(b'],"formalities":')
    add(plan.__pydantic_serializer__.to_json(plan))
    add(b',"review":null}')
    return b"".join(parts)
