"""Releases: one version of the package (compliance/__init__.py), `compliance --version` with the pack
version, CHANGELOG headings one per release, and a documented procedure."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from compliance import __version__
from compliance.cli.main import main
from compliance.strictyaml import load_yaml

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "compliance/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_version_names_the_package_and_the_pack(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version", "--lang", "en"])
    assert exit_.value.code == 0
    pack = load_yaml((ROOT / "rules" / "pack.yaml").read_text(encoding="utf-8"))
    assert capsys.readouterr().out == f"compliance {__version__} (rule pack {pack['id']} {pack['version']})\n"
    with pytest.raises(SystemExit):
        main(["--version"])  # French by default
    assert (
        capsys.readouterr().out
        == f"compliance {__version__} (référentiel de règles {pack['id']} {pack['version']})\n"
    )


def test_changelog_has_one_section_per_release() -> None:
    headings = re.findall(
        r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), flags=re.MULTILINE
    )
    assert headings and headings[0] == "[Unreleased]"
    released = []
    for heading in headings[1:]:
        match = re.fullmatch(r"\[(\d+)\.(\d+)\.(\d+)\] — \d{4}-\d{2}-\d{2}", heading)
        assert match, f"CHANGELOG heading '{heading}' is not '[X.Y.Z] — YYYY-MM-DD'"
        released.append(tuple(int(g) for g in match.groups()))
    assert released == sorted(released, reverse=True) and len(set(released)) == len(released)
    current = tuple(int(p) for p in __version__.split("."))
    assert not released or released[0] <= current  # the package is never behind its last release


def test_the_release_procedure_is_documented() -> None:
    text = (ROOT / "docs" / "releasing.md").read_text(encoding="utf-8")
    for step in (
        "compliance/__init__.py",
        "rules/pack.yaml",
        "git tag -a v",
        "python -m build",
        "CHANGELOG.md",
    ):
        assert step in text
