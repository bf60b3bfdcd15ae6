"""The private cache's entries are authenticated by their whole name and bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

from compliance.private_cache import read_blob, write_blob


def test_an_entry_reads_back_only_under_its_own_name_and_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    write_blob(folder, "k1.pack", b"the models")
    write_blob(folder, "k1.plain", b"the plain forms")
    assert read_blob(folder, "k1.pack") == b"the models"
    assert read_blob(folder, "k1.plain") == b"the plain forms"

    # Another kind of the same key cannot stand in for it: swapped files are refused, not unpickled.
    shutil.copyfile(folder / "k1.pack", folder / "k1.other")
    (folder / "k1.other").chmod(0o600)
    assert read_blob(folder, "k1.other") is None
    pack, plain = (folder / "k1.pack").read_bytes(), (folder / "k1.plain").read_bytes()
    (folder / "k1.pack").write_bytes(plain)
    (folder / "k1.plain").write_bytes(pack)
    assert read_blob(folder, "k1.pack") is None and read_blob(folder, "k1.plain") is None

    # Nor another key's entry, nor a changed byte.
    write_blob(folder, "k2.pack", b"the models")
    shutil.copyfile(folder / "k2.pack", folder / "k3.pack")
    assert read_blob(folder, "k3.pack") is None
    data = bytearray((folder / "k2.pack").read_bytes())
    data[-1] ^= 1
    (folder / "k2.pack").write_bytes(bytes(data))
    assert read_blob(folder, "k2.pack") is None
