"""Errors every repository raises, whatever keeps the data."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store cannot serve the call; the message is safe to show (it never holds submitted values)."""


class StoreCorrupted(StoreError):
    """A store file cannot be read. Its bytes were copied to the quarantine folder; nothing was replaced."""

    def __init__(self, path: Path, reason: str, quarantined: Path | None) -> None:
        self.path = path
        self.reason = reason
        self.quarantined = quarantined
        kept = f"; its bytes were copied to {quarantined}" if quarantined else ""
        super().__init__(
            f"{path}: {reason}{kept}. The file was left in place and nothing was replaced: restore it "
            "from a backup, or move it away if its data may be dropped, then start again."
        )


class StoreLocked(StoreError):
    """Another process holds the store (a second server, or a second worker)."""


class AlreadyExists(StoreError):
    """An organisation or key id that is already taken."""
