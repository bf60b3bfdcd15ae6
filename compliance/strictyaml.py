"""A strict YAML reader shared by rule files and submissions.

YAML 1.1 surprises are switched off: `no`, `yes`, `on` and `off` stay strings (only `true`/`false` are
booleans), dates stay strings (pydantic parses them where a date is expected), and a duplicate key is an
error instead of silently keeping the last value. Anchors and aliases (`&a`, `*a`, `<<: *a`) are refused: a few
kilobytes of aliases can expand into hundreds of megabytes once the document is validated and assessed. Keys are
plain scalars (`? [a, b]` is refused), and an integer too long for Python to read is an error naming its line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(ValueError):
    """A YAML document that cannot be read; the message names the line, `problem` says what without it (in
    English, the message id of the catalogue's `yaml problem` entries when it is one of the usual ones)."""

    def __init__(self, message: str, problem: str | None = None) -> None:
        super().__init__(message)
        self.problem = message if problem is None else problem


class StrictLoader(_Base):  # type: ignore[misc]
    pass


# Keep only YAML 1.2 core booleans, and no implicit timestamps.
StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _no_alias(loader: Any, node: yaml.Node, deep: bool = False) -> Any:
    """`construct_object`, refusing a node met a second time: that is what an alias is once composed."""
    if node in loader.constructed_objects or node in loader.recursive_objects:
        raise YamlError(
            f"anchors and aliases ('&name', '*name') are not accepted (the value anchored at line "
            f"{_line(node)}): write each value out"
        )
    return _construct_object(loader, node, deep)


_construct_object = StrictLoader.construct_object
StrictLoader.construct_object = _no_alias


def _mapping(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            plain = "a key must be a plain name, not a list or a mapping"
            raise YamlError(f"{plain}, at line {_line(key_node)}", plain)
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            mark = key_node.start_mark
            raise YamlError(
                f"duplicate key at line {mark.line + 1}, column {mark.column + 1}", "duplicate key"
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _integer(loader: Any, node: yaml.ScalarNode) -> int:
    try:
        value: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        raise YamlError(
            f"a number too long to read at line {_line(node)}", "a number too long to read"
        ) from None
    return value


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:int", _integer)


def load_yaml(text: str) -> Any:
    """Parse one YAML (or JSON) document strictly."""
    try:
        return yaml.load(text, Loader=StrictLoader)
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = _without_quotes(exc)
        raise YamlError(f"not valid YAML{where}: {problem}", problem) from None
    except yaml.YAMLError:
        raise YamlError("not valid YAML", "") from None


def _without_quotes(exc: yaml.MarkedYAMLError) -> str:
    """The reader's complaint without the text it quotes (a tag, an anchor, a key): grammar tokens such as
    '<block end>' and single punctuation stay."""
    if isinstance(exc, yaml.constructor.ConstructorError):
        return "a tag or a value this reader does not accept"
    return _QUOTED.sub(lambda m: m.group(0) if _TOKEN.fullmatch(m.group(1)) else "…", exc.problem or "")


_QUOTED = re.compile(r"'([^']*)'")
_TOKEN = re.compile(r"<[a-z ]+>|[^\w\s]|\\[a-z]")
