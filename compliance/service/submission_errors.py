"""Validation errors of a submission, told without repeating what was submitted.

A problem names the path of our own model (`processings.0.legal_basis`), never a key the submitter wrote: an
unknown key or a bad dictionary key cuts the path at its parent and the message lists the keys or values the
vocabulary accepts instead. The line and column of a JSON text come from a walk along the errors' paths
(`json_places`); those of a YAML text from its node tree, composed again only when there is an error to place
and the text is at most MAX_YAML_PLACED characters.
"""

from __future__ import annotations

import json
import re
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from compliance.domain.field_errors import FieldError
from compliance.i18n import Lang
from compliance.service.field_messages import explain, unwrap, words
from compliance.service.json_places import Loc, place_in_json
from compliance.strictyaml import StrictLoader

MAX_LISTED_ERRORS = 100  # errors named one by one; the rest are counted in one last error (`more_errors`)
MAX_YAML_PLACED = 256 * 1024  # characters of a YAML text composed again to place its errors


def _model_fields(annotation: Any) -> dict[str, Any] | None:
    inner = unwrap(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {name: f.annotation for name, f in inner.model_fields.items()}
    return None


def safe_path(model: type[BaseModel], loc: Loc) -> tuple[list[int | str], dict[str, Any] | None, bool]:
    """The part of `loc` made of our field names and list indices; the fields of the model where it stops
    (None if not a model); and whether a submitted key was cut off."""
    current: Any = model
    kept: list[int | str] = []
    for part in loc:
        fields = _model_fields(current)
        inner = unwrap(current)
        if isinstance(part, int) and get_origin(inner) is list:
            current = get_args(inner)[0]
        elif isinstance(part, str) and fields is not None and part in fields:
            current = fields[part]
        else:
            return kept, fields, isinstance(part, str) and (fields is not None or get_origin(inner) is dict)
        kept.append(part)
    return kept, _model_fields(current), False


Keys = dict[int, dict[str, tuple[yaml.Node, yaml.Node]]]


def _node_at(root: yaml.Node | None, loc: Loc, keys: Keys) -> tuple[yaml.Node | None, bool]:
    """The node a location reaches (the key node when the last step is a mapping key), or the deepest node
    reached; and whether it was reached completely. `keys`: each mapping's entries by key, made once per
    mapping (a mapping of 60,000 keys is not searched again for each of its errors)."""
    node = root
    for i, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            entries = keys.get(id(node))
            if entries is None:  # the first entry of a key wins, as it did when searched in order
                entries = keys[id(node)] = {
                    k.value: (k, v) for k, v in reversed(node.value) if isinstance(k, yaml.ScalarNode)
                }
            match = entries.get(str(part))
            if match is None:
                return node, False
            last = i == len(loc) - 1 or loc[i + 1] == "[key]"
            if last:
                return match[0], True
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return node, False
    return node, True


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=StrictLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def places(text: str | None, locs: list[Loc]) -> list[tuple[int, int] | None]:
    """The line and column (from 1) of each location in `text`, None where it has none. A JSON text is walked
    along the locations alone (`json_places`); another is composed as YAML nodes when it is at most
    MAX_YAML_PLACED characters long (composing costs about 1.5 s a MiB), else nothing is placed."""
    if not text or not locs:
        return [None] * len(locs)
    if text.lstrip().startswith("{"):
        placed = place_in_json(text, locs)
        if placed is not None:
            return placed.places
    return places_in_yaml(text, locs) if len(text) <= MAX_YAML_PLACED else [None] * len(locs)


def places_in_yaml(text: str, locs: list[Loc]) -> list[tuple[int, int] | None]:
    """The places of `locs` in the YAML node tree of `text` (the document itself is no place)."""
    root = _compose(text)
    keys: Keys = {}
    out: list[tuple[int, int] | None] = []
    for loc in locs:
        node, _ = _node_at(root, loc, keys)
        placed = node is not None and node is not root
        out.append((node.start_mark.line + 1, node.start_mark.column + 1) if placed and node else None)
    return out


def describe_errors(
    model: type[BaseModel], exc: ValidationError, text: str | None, lang: Lang | str = Lang.en
) -> list[FieldError]:
    """A field error for each validation error: the path is ours, the message in plain words (in French,
    Arabic or English), with a suggestion taken from the vocabulary, never from what was submitted; the line and
    column of the text when it can be placed. At most MAX_LISTED_ERRORS are named, then how many more there
    are: a body of tens of thousands of faults is answered as fast as one with a few, and only the named ones
    are placed."""
    out: list[FieldError] = []
    errors = exc.errors(include_url=False)
    listed = errors[:MAX_LISTED_ERRORS]
    where = places(text, [tuple(p for p in err["loc"] if p != "[key]") for err in listed])
    for err, place in zip(
        listed, where, strict=True
    ):  # the input is compared with the vocabulary, never repeated
        loc: Loc = tuple(err["loc"])
        kept, fields, cut = safe_path(model, loc)
        params: dict[str, str] = {}
        if cut and "[key]" in loc:  # the accepted keys, from the error's context (never the input)
            expected = (err.get("ctx") or {}).get("expected")
            key, message = "bad_key", words(lang)["bad_key"]
            if expected:
                params = {"values": str(expected)}
                message += "; " + words(lang)["enum"].format(values=expected)
        elif cut and err["type"] != "extra_forbidden":
            key, message = "not_here", words(lang)["not_here"]
        else:
            key, params, message = explain(model, err, lang, list(fields) if fields is not None else None)
        out.append(
            FieldError(
                path=".".join(str(p) for p in kept),
                message=message,
                key=key,
                params=params,
                line=place[0] if place else None,
                column=place[1] if place else None,
            )
        )
    if len(errors) > MAX_LISTED_ERRORS:
        left = str(len(errors) - MAX_LISTED_ERRORS)
        more = words(lang)["more_errors"].format(count=left)
        out.append(FieldError(path="", message=more, key="more_errors", params={"count": left}))
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_at(value: Any, loc: Loc = ()) -> Loc | None:
    """Where the first text (or key) holding a lone surrogate is: JSON may escape one (`\\ud800`), which is
    no character, and no UTF-8 text can carry it on."""
    if isinstance(value, str):
        return loc if _SURROGATE.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and _SURROGATE.search(key):
            return (*loc, key)
        found = _surrogate_at(item, (*loc, key))
        if found is not None:
            return found
    return None


def _may_hold_surrogate(data: Any) -> bool:
    try:
        return _SURROGATE.search(json.dumps(data, ensure_ascii=False)) is not None
    except (TypeError, ValueError, RecursionError):
        return True


def surrogate_error(model: type[BaseModel], data: Any, lang: Lang | str) -> FieldError | None:
    """The field error of the first lone surrogate in `data`, at our path (cut at a key the submitter wrote).
    The data are walked in Python only when their JSON text (written in C) holds one."""
    loc = _surrogate_at(data) if _may_hold_surrogate(data) else None
    if loc is None:
        return None
    kept, _, _ = safe_path(model, loc)
    path = ".".join(str(p) for p in kept)
    return FieldError(path=path, message=words(lang)["surrogate"], key="surrogate")


def position_words(lang: Lang | str) -> str:
    """How `(line L, column C)` is worded in the language of the messages."""
    return words(lang)["position"]
