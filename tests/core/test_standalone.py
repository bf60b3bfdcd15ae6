"""The repository stands alone: no file reads or links outside it, and relative links in the docs resolve."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {
    ".venv",
    ".git",
    "data",
    "build",
    "dist",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "__pycache__",
}
TEXT = {".py", ".md", ".yaml", ".yml", ".json", ".feature", ".toml", ".cfg", ".txt", ""}
OUTSIDE = ("../" + "shared", "/work/" + "shared", "ROOT" + ".parent")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _files() -> list[Path]:
    out = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if path.is_file() and not SKIP.intersection(rel.parts) and path.suffix in TEXT:
            out.append(path)
    return out


def test_no_file_reaches_outside_the_repository() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {needle}"
        for p in _files()
        for needle in OUTSIDE
        if needle in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert offenders == []


def test_relative_links_in_markdown_resolve_inside_the_repository() -> None:
    broken = []
    for doc in (p for p in _files() if p.suffix == ".md"):
        for target in LINK.findall(doc.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            resolved = (doc.parent / target).resolve()
            if not resolved.is_relative_to(ROOT) or not resolved.exists():
                broken.append(f"{doc.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_the_legal_basis_defines_every_verification_status() -> None:
    from compliance.domain.rules import RefStatus

    text = (ROOT / "docs" / "legal-basis.md").read_text(encoding="utf-8")
    for status in RefStatus:
        assert f"| `{status.value}` |" in text
