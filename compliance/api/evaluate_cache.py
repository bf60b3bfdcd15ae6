"""Memo of recent dry runs: a CI pipeline re-evaluates the same file on every run.

The assessment is a pure function of the rule pack (fixed for the life of the process) and the submitted
facts, so an identical body asked in the same format gets the same bytes back without being assessed
again. Bounded in entries; only successful answers are kept.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

MAX_ENTRIES = 128
MAX_ENTRY_BYTES = 2 * 1024 * 1024


class EvaluateCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, str | bytes] = OrderedDict()

    @staticmethod
    def key(raw: bytes, *parts: str) -> str:
        digest = hashlib.sha256(raw)
        for part in parts:
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()

    def get(self, key: str) -> str | bytes | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: str, text: str | bytes) -> None:
        if len(text) > MAX_ENTRY_BYTES:
            return
        self._entries[key] = text
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
