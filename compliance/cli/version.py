"""`compliance --version`: the package's version and the rule pack's (they are released separately)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from compliance import __version__
from compliance.cli.help_texts import tr


def version_text(lang: str = "en") -> str:
    """'compliance 0.1.0 (rule pack law-09-08-ai 0.1.0)'; read from the manifest only, without loading rules."""
    from compliance.ruleset.locations import MANIFEST, default_rules_dir
    from compliance.strictyaml import YamlError, load_yaml  # for this option only: every command has it

    manifest = default_rules_dir() / MANIFEST
    try:
        data = load_yaml(manifest.read_text(encoding="utf-8"))
        pack = tr(lang, "rule pack {id} {version}", id=data["id"], version=data["version"])
    except (OSError, YamlError, KeyError, TypeError):
        pack = tr(lang, "rule pack not found at {folder}", folder=manifest.parent)
    return f"compliance {__version__} ({pack})"


class VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help=kwargs.get("help"))

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(version_text(getattr(parser, "lang", "en")) + "\n")
        parser.exit(0)
