"""The rule packs that stored assessments name, kept by the hash of their logic (content-addressed).

A compact assessment names its pack by the SHA-256 of the pack's logic document (conditions, severities,
references, penalties, the leaf table of traces). Each logic a service has assessed with is kept here with its
texts, so an assessment stays readable after the pack changes. The file's name is the hash of its logic, checked
on every read; the texts are the latest ones seen for that logic, so a translation fix reaches old assessments.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any, Protocol

from compliance.domain.compact import hash_logic
from compliance.storage.atomic_files import atomic_write, fsync_dir, private_dir

_NAME = re.compile(r"^sha256:([0-9a-f]{64})$")
PACKS_DIR = "packs"  # of the data folder


class PackRepository(Protocol):
    def put(self, logic: dict[str, Any], texts: dict[str, Any]) -> str:
        """Keep a pack's logic and texts; returns the logic's hash."""

    def get(self, logic_hash: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The logic and texts of a pack, None when none is kept or the kept one does not match its hash."""


def pack_document(logic: dict[str, Any], texts: dict[str, Any]) -> bytes:
    """A pack as kept: its logic and texts, one canonical JSON document."""
    return json.dumps({"logic": logic, "texts": texts}, ensure_ascii=False, sort_keys=True).encode()


def read_pack_document(data: bytes | str, logic_hash: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The logic and texts of a kept document, None unless it parses and its logic has that hash."""
    try:
        doc = json.loads(data)
        logic, texts = doc["logic"], doc["texts"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(logic, dict) or not isinstance(texts, dict) or hash_logic(logic) != logic_hash:
        return None
    return logic, texts


class MemoryPacks:
    def __init__(self) -> None:
        self._packs: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}

    def put(self, logic: dict[str, Any], texts: dict[str, Any]) -> str:
        name = hash_logic(logic)
        self._packs[name] = (logic, texts)
        return name

    def get(self, logic_hash: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        return self._packs.get(logic_hash)


class FilePacks:
    """`<data>/packs/<hex of the logic hash>.json`, written atomically, never trusted without its hash."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()

    def _path(self, logic_hash: str) -> Path | None:
        m = _NAME.match(logic_hash)
        return self.folder / f"{m.group(1)}.json" if m else None

    def put(self, logic: dict[str, Any], texts: dict[str, Any]) -> str:
        name = hash_logic(logic)
        path = self._path(name)
        assert path is not None
        data = pack_document(logic, texts)
        with self._lock:
            if path.is_file() and path.read_bytes() == data:
                return name
            if not self.folder.is_dir():
                private_dir(self.folder)
                fsync_dir(self.folder.parent)
            atomic_write(path, data)
        return name

    def get(self, logic_hash: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        path = self._path(logic_hash)
        if path is None or not path.is_file():
            return None
        return read_pack_document(path.read_bytes(), logic_hash)
