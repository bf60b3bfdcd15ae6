"""Where each fact is written in a YAML or JSON submission, so a report can point at the line and column.

The file is composed once with the same strict YAML resolvers that read it (JSON is read as YAML flow
style), and every key is indexed by its fact path (`processings[1].retention.period_days`). A fact that is
not written at all belongs under its nearest written ancestor: a question about it points at that key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from compliance.strictyaml import StrictLoader

_SEGMENT = re.compile(r"[^.\[\]]+|\[\d*\]")
# List items are named by the first of these keys in the fingerprint, so inserting an item does not
# renumber the findings of the others.
_ITEM_NAMES = ("id", "name", "country")


@dataclass(frozen=True, slots=True)
class Region:
    """A SARIF region: 1-based lines, 1-based columns in UTF-16 code units (SARIF's default columnKind)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int

    def sarif(self) -> dict[str, int]:
        return {
            "startLine": self.start_line,
            "startColumn": self.start_column,
            "endLine": self.end_line,
            "endColumn": self.end_column,
        }


DOCUMENT_START = Region(1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a fact is (or belongs): the region, whether the fact itself is written there, and a name of the
    fact that does not depend on line numbers or list positions (for fingerprints)."""

    region: Region
    written: bool
    stable_path: str


def split_path(path: str) -> list[str]:
    """'a.b[1].c' -> ['a', 'b', '[1]', 'c']."""
    return _SEGMENT.findall(path)


class SourceMap:
    """Regions of the keys of one submission text, by fact path."""

    def __init__(self, text: str = "") -> None:
        self._lines = text.splitlines()
        self._regions: dict[str, Region] = {}
        self._stable: dict[str, str] = {}
        if text.strip():
            try:
                root = yaml.compose(text, Loader=StrictLoader)
            except yaml.YAMLError:
                root = None  # a file that cannot be composed was already refused by the reader
            if root is not None:
                self._walk(root, "", "")

    def _region(self, start: Any, end: Any) -> Region:
        return Region(
            start.line + 1,
            self._utf16_column(start.line, start.column),
            end.line + 1,
            self._utf16_column(end.line, end.column),
        )

    def _utf16_column(self, line: int, column: int) -> int:
        text = self._lines[line][:column] if line < len(self._lines) else ""
        return len(text.encode("utf-16-le")) // 2 + 1

    def _walk(self, node: yaml.Node, path: str, stable: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                child = f"{path}.{key_node.value}" if path else str(key_node.value)
                child_stable = f"{stable}.{key_node.value}" if stable else str(key_node.value)
                self._regions[child] = self._region(key_node.start_mark, key_node.end_mark)
                self._stable[child] = child_stable
                self._walk(value_node, child, child_stable)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                self._regions[child] = self._region(item.start_mark, item.start_mark)
                name = _item_name(item)
                self._stable[child] = f"{stable}[{name}]" if name else f"{stable}[{i}]"
                self._walk(item, child, self._stable[child])

    def place(self, path: str) -> Place:
        """The key of `path` if written, else the key of its nearest written ancestor (else the document)."""
        segments = split_path(path)
        for n in range(len(segments), 0, -1):
            prefix = _join(segments[:n])
            region = self._regions.get(prefix)
            if region is not None:
                rest = _join(segments[n:])
                stable = self._stable[prefix] + ("" if not rest or rest.startswith("[") else ".") + rest
                # Inside `every`/`some`, a scalar item is read as `item.value`: the item itself is written.
                written = n == len(segments) or (segments[n:] == ["value"] and prefix.endswith("]"))
                return Place(region, written, stable)
        return Place(DOCUMENT_START, False, path)

    def __bool__(self) -> bool:
        return bool(self._regions)


def _join(segments: list[str]) -> str:
    out = ""
    for s in segments:
        out += s if s.startswith("[") or not out else "." + s
    return out


def _item_name(item: yaml.Node) -> str | None:
    if not isinstance(item, yaml.MappingNode):
        return None
    keys = {k.value: v for k, v in item.value if isinstance(k, yaml.ScalarNode)}
    for name in _ITEM_NAMES:
        value = keys.get(name)
        if isinstance(value, yaml.ScalarNode) and value.value:
            return f"{name}={value.value}"
    return None
