"""The exit codes of every command, one enumeration for all (a pipeline gates on them)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """Nothing at or above the threshold fails; a verification passed."""
    FAIL = 1
    """A finding at or above the threshold fails; a verification found an alteration."""
    NEEDS_INFO = 2
    """Only missing facts at or above the threshold stand between the project and a pass."""
    INVALID = 3
    """The input or the command is invalid."""
