"""Files a process keeps between runs in this user's private cache folder, each authenticated before use.

The folder is `$XDG_CACHE_HOME/compliance-0908` (or `COMPLIANCE_CACHE_DIR`; `COMPLIANCE_PACK_CACHE=off`
disables every cache). An entry is only ever read (1) from a folder owned by this user that no one else may
write to, (2) when its file is owned by this user, and (3) after its HMAC-SHA256 under a secret kept in that
folder (mode 0600, created on first use) matches its name and bytes: a file copied from elsewhere (another
machine, another user, a restored CI cache without the secret) is never used, and a torn or corrupted one is
written again. Whoever can write this user's cache folder and read its secret can already change this user's
`__pycache__` or shell profile: the cache adds no new way in. Anything unexpected means "not cached".

Outside the layers (it imports nothing of the package), so that the message catalogues may use it as well as
the service. Users: the rule pack (`compliance.service.pack_cache`), the submission's validator
(`compliance.service.validator_cache`), the parsed message catalogues (`compliance.i18n.catalogue`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path

FORMAT = b"law0908-pack-cache/1\n"
SECRET = "secret"
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    if os.environ.get("COMPLIANCE_PACK_CACHE", "").lower() in {"off", "0", "no", "false"}:
        return None
    env = os.environ.get("COMPLIANCE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory: no cache
            return None
    return Path(base) / "compliance-0908"


@cache
def package_digest() -> bytes:
    """The Python version and the size and modification time of each of the package's modules: an entry made
    by other code than this process runs is never taken for one of its own."""
    digest = hashlib.sha256(sys.version.encode() + b"\0")
    root = str(PACKAGE)
    modules = []
    for folder, dirs, files in os.walk(root):  # plain strings: pathlib costs more than the stat calls here
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        modules += [os.path.join(folder, f) for f in files if f.endswith(".py")]
    for module in sorted(modules):
        st = os.stat(module)
        digest.update(f"{module[len(root) + 1 :]}:{st.st_size}:{st.st_mtime_ns}\0".encode())
    return digest.digest()


def installed(package: str) -> bytes:
    """What identifies an installed package without importing it: its top-level files' names, sizes and times."""
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        return b"-"
    folder = os.path.dirname(spec.origin)
    parts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith((".py", ".so", ".pyd")):
            st = os.stat(os.path.join(folder, name))
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\0".join(parts).encode()


def private_dir(folder: Path, create: bool) -> bool:
    """The folder exists (created 0700 if asked), belongs to this user, and no one else may write to it."""
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def secret_of(folder: Path, create: bool) -> bytes | None:
    path = folder / SECRET
    try:
        if create and not path.exists():
            import secrets  # only to make the key: a warm run reads it, and `secrets` imports `random`

            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(32))
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def _mac(secret: bytes, name: str, payload: bytes) -> bytes:
    """Over the whole name, kind included: the entries of one key (`<key>.pack`, `<key>.plain`...) cannot
    stand in for each other."""
    return hmac.new(secret, name.encode() + b"\0" + payload, hashlib.sha256).digest()


def read_blob(folder: Path, name: str) -> bytes | None:
    """The authenticated bytes of the entry `name` (`<key>.<kind>`), or None."""
    if not private_dir(folder, create=False):
        return None
    secret = secret_of(folder, create=False)
    path = folder / name
    try:
        st = path.stat()
        if secret is None or st.st_uid != os.getuid() or st.st_mode & 0o022:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    head = len(FORMAT)
    mac, payload = data[head : head + 32], data[head + 32 :]
    if not data.startswith(FORMAT) or not hmac.compare_digest(mac, _mac(secret, name, payload)):
        return None
    return payload


def write_blob(folder: Path, name: str, payload: bytes) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    if not private_dir(folder, create=True):
        return
    secret = secret_of(folder, create=True)
    if secret is None:
        return
    mac = _mac(secret, name, payload)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(FORMAT + mac + payload)
        os.replace(tmp, folder / name)
    except OSError:
        tmp.unlink(missing_ok=True)
