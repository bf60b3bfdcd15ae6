"""Where the listed field errors of a JSON text are, without reading the text again as YAML.

Composing a 1 MiB JSON body as YAML nodes costs over a second of CPU, and it was done for every invalid body
to place at most `MAX_LISTED_ERRORS` errors. Here the text is walked once, only along the paths of those
errors: a value off every path is stepped over by the `json` module's C scanner, an array past the last index
wanted and an object once its wanted keys are found are skipped to their end the same way, and the walk stops
as soon as every path is placed. The Python-level steps (one per entry looked at on a wanted path) are counted
and bounded by `MAX_STEPS`; past it the remaining errors are left without a place (their path and message are
unchanged).

A place is what the YAML node tree gives for the same text (JSON is YAML): the key when a path ends at a
mapping key, the item when it ends at a list index, else the deepest container reached; the document itself
is no place. Lines are counted as YAML counts them (`\\r\\n`, `\\r`, `\\n`, and NEL, LS and PS, which JSON
allows raw inside a string), columns in characters, both from 1.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

Loc = tuple[int | str, ...]
MAX_STEPS = 50_000  # entries looked at one by one; a real submission has a few hundred
_SPACE = re.compile(r"[ \t\n\r]*")
_BREAKS = "\n\r\x85\u2028\u2029"
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_scan: Any = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # C: one value at an index, its end


class _Done(Exception):
    """Every path is placed: nothing more to read."""


class _OutOfSteps(Exception):
    """`MAX_STEPS` entries looked at: the paths not placed yet stay without a place."""


@dataclass
class _Want:
    """The paths that go through one node: those that end here, and the next steps of the others."""

    ends: list[int] = field(default_factory=list)  # indices into the list of locations
    next: dict[int | str, _Want] = field(default_factory=dict)

    def all_ends(self) -> list[int]:
        out = list(self.ends)
        for child in self.next.values():
            out.extend(child.all_ends())
        return out


class _Walk:
    def __init__(self, text: str, locs: list[Loc]) -> None:
        self.text = text
        self.offsets: list[int | None] = [None] * len(locs)
        self.left = len(locs)
        self.steps = 0
        self.root = _Want()
        for i, loc in enumerate(locs):
            want = self.root
            for part in loc:
                want = want.next.setdefault(part, _Want())
            want.ends.append(i)
        self.left -= len(self.root.ends)  # the document itself is no place

    def place(self, indices: list[int], offset: int | None) -> None:
        for i in indices:
            self.offsets[i] = offset
        self.left -= len(indices)
        if self.left == 0:
            raise _Done

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _OutOfSteps

    def space(self, pos: int) -> int:
        return _SPACE.match(self.text, pos).end()  # type: ignore[union-attr]

    def expect(self, pos: int, char: str) -> None:
        if self.text[pos] != char:  # not JSON: the YAML reader places it
            raise ValueError(char)

    def after_entry(self, pos: int, close: str) -> int:
        """Past the `,` after an entry (at the next entry), or at the `close` that ends the container."""
        pos = self.space(pos)
        if self.text[pos] == ",":
            return self.space(pos + 1)
        self.expect(pos, close)
        return pos

    def value(self, pos: int, want: _Want, is_root: bool = False) -> int:
        """Walk the value at `pos` for the paths of `want` below it; where the value ends."""
        if want.next and self.text[pos] == "{":
            return self.mapping(pos, want, None if is_root else pos)
        if want.next and self.text[pos] == "[":
            return self.sequence(pos, want, None if is_root else pos)
        if want.next:  # a path goes on below a scalar: it stops here, at the scalar
            self.place(
                [i for child in want.next.values() for i in child.all_ends()], None if is_root else pos
            )
        return int(_scan(self.text, pos)[1])

    def mapping(self, start: int, want: _Want, here: int | None) -> int:
        by_key: dict[str, list[int | str]] = {}
        for part in want.next:
            by_key.setdefault(str(part), []).append(part)
        pos = self.space(start + 1)
        while self.text[pos] != "}":
            self.step()
            self.expect(pos, '"')
            key, end = scanstring(self.text, pos + 1)
            colon = self.space(end)
            self.expect(colon, ":")
            at = self.space(colon + 1)
            parts = by_key.pop(key, None)  # the first entry of a key wins, as in the YAML node tree
            if parts is None:
                pos = int(_scan(self.text, at)[1])
            else:
                for part in parts:
                    self.place(want.next[part].ends, pos)
                end = at
                for part in parts:
                    end = self.value(at, want.next[part])
                pos = end
                if not by_key:  # every wanted key found: the rest is stepped over in C
                    return int(_scan(self.text, start)[1])
            pos = self.after_entry(pos, "}")
        self.place([i for parts in by_key.values() for p in parts for i in want.next[p].all_ends()], here)
        return pos + 1

    def sequence(self, start: int, want: _Want, here: int | None) -> int:
        wanted = {p for p in want.next if isinstance(p, int) and p >= 0}
        elsewhere = [i for p, child in want.next.items() if p not in wanted for i in child.all_ends()]
        if elsewhere:
            self.place(elsewhere, here)
        last = max(wanted, default=-1)
        pos, index = self.space(start + 1), 0
        while self.text[pos] != "]":
            if index > last:  # past the last index wanted: the rest is stepped over in C
                return int(_scan(self.text, start)[1])
            self.step()
            if index in wanted:
                wanted.discard(index)
                self.place(want.next[index].ends, pos)
                pos = self.value(pos, want.next[index])
            else:
                pos = int(_scan(self.text, pos)[1])
            pos = self.after_entry(pos, "]")
            index += 1
        self.place([i for p in wanted for i in want.next[p].all_ends()], here)
        return pos + 1


@dataclass(frozen=True)
class Placed:
    """Where each location is (line, column from 1; None when it has no place), and the entries looked at."""

    places: list[tuple[int, int] | None]
    steps: int


def place_in_json(text: str, locs: list[Loc]) -> Placed | None:
    """The places of `locs` in a JSON text, as the YAML node tree would give them; None for a text that is
    not JSON (the caller then asks the YAML reader)."""
    walk = _Walk(text, locs)
    try:
        if locs:
            start = walk.space(0)
            walk.value(start, walk.root, is_root=True)
    except (_Done, _OutOfSteps):
        pass
    except (ValueError, IndexError, StopIteration, RecursionError):
        return None
    return Placed(_line_and_column(text, walk.offsets), walk.steps)


def _line_and_column(text: str, offsets: list[int | None]) -> list[tuple[int, int] | None]:
    """1-based lines and columns of character offsets, the breaks counted once, in order of the text."""
    out: list[tuple[int, int] | None] = [None] * len(offsets)
    line, counted = 0, 0
    present = [c for c in _BREAKS if c in text]
    plain = present in ([], ["\n"])  # only `\n`: counted in C
    for i in sorted((i for i, o in enumerate(offsets) if o is not None), key=lambda i: offsets[i] or 0):
        offset = offsets[i] or 0
        if plain:
            line += text.count("\n", counted, offset)
        else:
            line += len(_BREAK.findall(text, counted, offset))
        counted = offset
        last = max((text.rfind(c, 0, offset) for c in present), default=-1)
        out[i] = (line + 1, offset - last)
    return out
