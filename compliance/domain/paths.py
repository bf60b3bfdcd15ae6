"""The grammar of fact paths, shared by the rule loader (which checks paths against the model) and the engine
(which reads them from a submission): `a.b[].c`, with `[]` walking a list and `root.` reading from the whole
submission inside a quantifier."""

from __future__ import annotations

from dataclasses import dataclass

ROOT_PREFIX = "root."
LIST_MARK = "[]"


@dataclass(frozen=True, slots=True)
class ParsedPath:
    text: str
    segments: tuple[tuple[str, bool], ...]
    """Each step's field name and whether it walks a list (`name[]`)."""
    from_root: bool = False
    walks_lists: bool = False
    names: tuple[str, ...] = ()

    @property
    def relative_text(self) -> str:
        """The path without its `root.` prefix."""
        return self.text.removeprefix(ROOT_PREFIX)


def parse_path(text: str) -> ParsedPath:
    from_root = text.startswith(ROOT_PREFIX)
    segments = []
    for part in text.removeprefix(ROOT_PREFIX).split("."):
        each = part.endswith(LIST_MARK)
        segments.append((part.removesuffix(LIST_MARK) if each else part, each))
    return ParsedPath(
        text,
        tuple(segments),
        from_root,
        any(each for _, each in segments),
        tuple(name for name, _ in segments),
    )
