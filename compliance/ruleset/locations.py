"""Where a rule pack is, and the error of one that cannot be loaded: what a command needs to find the pack (and
to say why it cannot be loaded) without importing the loader, which a warm pack cache never runs."""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST = "pack.yaml"
PACKAGED_RULES = "_rules"  # where the wheel carries rules/ (pyproject: hatch force-include)
PACKAGED_FEATURES = "_features"  # ... and features/


class RulePackError(ValueError):
    """A rule pack that cannot be loaded. `problems` lists every error found, each naming its file."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def _packaged(name: str) -> Path | None:
    """A folder shipped inside the installed `compliance` package, if it is on the file system."""
    import importlib.resources  # only for an installed wheel without a checkout's rules/

    folder = importlib.resources.files("compliance") / name
    return folder if isinstance(folder, Path) and folder.is_dir() else None


def default_rules_dir() -> Path:
    """The pack shipped with the project: `rules/` of a checkout, else the copy inside the installed wheel."""
    env = os.environ.get("COMPLIANCE_RULES_DIR")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if (checkout / MANIFEST).is_file():
        return checkout
    packaged = _packaged(PACKAGED_RULES)
    return packaged if packaged is not None else checkout


def default_features_dir(rules_dir: Path) -> Path | None:
    """The feature texts beside a pack: `features/` next to `rules/`, or `_features` next to `_rules`."""
    name = PACKAGED_FEATURES if rules_dir.name == PACKAGED_RULES else "features"
    candidate = rules_dir.parent / name
    return candidate if candidate.is_dir() else None
