"""Small modules with names that say what they hold: no module of the package over 400 lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_the_limit() -> None:
    sizes = {p.relative_to(ROOT).as_posix(): _lines(p) for p in (ROOT / "compliance").rglob("*.py")}
    assert sizes, "no module found: the package moved"
    too_long = {name: n for name, n in sizes.items() if n > LIMIT}
    assert too_long == {}
