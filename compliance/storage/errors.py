"""Errors every repository raises, whatever keeps the data."""

from __future__ import annotations

from pathlib import Path

from compliance.i18n.said import Said, said


class StoreError(Exception):
    """The store cannot serve the call; the message is safe to show (it never holds submitted values)."""


class StoreCorrupted(StoreError):
    """A store file cannot be read. Its bytes were copied to the quarantine folder; nothing was replaced."""

    def __init__(self, path: Path, reason: str | Said, quarantined: Path | None) -> None:
        self.path = path
        self.reason = reason
        self.quarantined = quarantined
        if quarantined is None:
            super().__init__(said("store_corrupted", path=path, reason=reason))
        else:
            super().__init__(said("store_corrupted_kept", path=path, reason=reason, kept=quarantined))


class BackupFailed(StoreError):
    """A backup that would not restore what the store holds: the copy is refused, naming what it lacks."""


class StoreLocked(StoreError):
    """Another process holds the store (a second server, or a second worker)."""


class AlreadyExists(StoreError):
    """An organisation or key id that is already taken."""
