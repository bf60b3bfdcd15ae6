"""A valid submission file read into the engine's facts without pydantic, for a warm `compliance check`.

The submission's validator is written once as plain Python from the model's pydantic-core schema
(`compliance.domain.validator_source`), compiled, and kept in the private cache folder beside the models'
validators (`compliance.service.validator_cache` writes it when it builds them; HMAC-checked like every entry).
`read_facts` then reads a file as `read_submission` does and gives the facts `Submission` dumps in JSON mode,
or None whenever it is not sure: a missing entry, a file that is not plain valid data, anything the generated
code does not accept. The caller then reads the file with `read_submission`, which validates it with pydantic
and words any problem in the reader's language, as before.

The entry's key names what the generated code depends on: the package's modules (the models), the installed
pydantic and pydantic-core (found and stat-ed, not imported: this path imports neither), and Python.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from compliance import __version__
from compliance.domain.upgrade import upgrade
from compliance.private_cache import FORMAT, cache_dir, installed, package_digest, read_blob, write_blob

MAX_SUBMISSION_BYTES = 1024 * 1024  # 1 MiB: a real submission is a few kilobytes.

Facts = dict[str, Any]


class DuplicateKey(ValueError):
    pass


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON, like our YAML, refuses a key given twice instead of silently keeping the last value."""
    out = dict(pairs)  # in C; a key given twice leaves fewer entries than pairs
    if len(out) != len(pairs):
        raise DuplicateKey
    return out


def reads_as_json(text: str, json_only: bool) -> bool:
    """Whether a submission's text is read as JSON (a `.json` file, a JSON body, or a text opening with `{`);
    YAML otherwise."""
    return json_only or text.lstrip().startswith("{")


def whole_numbers(data: Any) -> Any:
    """`365.0` is the whole number 365, as JSON Schema's `integer` says (the published schema accepts it), so
    strict validation gets it as one; `365.5` stays a number that is not whole, and is refused."""
    if isinstance(data, float) and data.is_integer() and abs(data) < 2**63:
        return int(data)
    if isinstance(data, dict):
        return {k: whole_numbers(v) for k, v in data.items()}
    if isinstance(data, list):
        return [whole_numbers(v) for v in data]
    return data


def strict_payload(data: dict[str, Any]) -> str:
    """The JSON text strict validation reads: upgraded, whole numbers as integers. Raises TypeError or
    ValueError for what JSON cannot hold."""
    return json.dumps(whole_numbers(upgrade(data)), ensure_ascii=False, allow_nan=False)


def validator_key() -> str:
    digest = hashlib.sha256(FORMAT + b"submission validator\0" + __version__.encode() + b"\0")
    for package in ("pydantic", "pydantic_core"):
        digest.update(installed(package) + b"\0")
    digest.update(package_digest())
    return digest.hexdigest()


def write_validator(schema: Mapping[str, Any]) -> None:
    """Write the entry from `Submission`'s core schema; nothing when the schema holds what the generator does
    not write (then every check takes pydantic's way) or when there is no cache folder."""
    from compliance.domain.validator_source import Unsupported, source_of

    folder = cache_dir()
    if folder is None:
        return
    try:
        source = source_of(schema)
    except Unsupported:
        return
    code = compile(source, "<submission validator>", "exec")
    write_blob(folder, f"{validator_key()}.validator", marshal.dumps(code))
    load_validator.cache_clear()  # this process may read the next files with it


@cache
def load_validator() -> Callable[[Any], Facts | None] | None:
    """The generated `validate`, from its entry; None without one."""
    folder = cache_dir()
    if folder is None:
        return None
    payload = read_blob(folder, f"{validator_key()}.validator")
    if payload is None:
        return None
    try:
        namespace: dict[str, Any] = {"__name__": "compliance.generated.submission_validator"}
        exec(marshal.loads(payload), namespace)  # authenticated by read_blob, written by write_validator
        validate: Callable[[Any], Facts | None] = namespace["validate"]
    except Exception:
        return None
    return validate


def _text(path: Path) -> str | None:
    """The file's text when `read_submission` would read it without complaint; None otherwise."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SUBMISSION_BYTES:
            return None
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if len(raw) > MAX_SUBMISSION_BYTES or b"\x00" in raw or not text.strip():
        return None
    return text


def read_facts(path: Path) -> Facts | None:
    """The facts of a valid submission file, or None when pydantic has to read it (see the docstring)."""
    validate = load_validator()
    if validate is None:
        return None
    text = _text(path)
    if text is None:
        return None
    try:
        if reads_as_json(text, path.suffix.lower() == ".json"):
            data = json.loads(text, object_pairs_hook=no_duplicate_keys)
        else:
            from compliance.strictyaml import load_yaml

            data = load_yaml(text)
        if not isinstance(data, dict):
            return None
        payload = strict_payload(data)
        payload.encode("utf-8")  # a lone surrogate: pydantic reads the payload as UTF-8 and refuses it
        return validate(json.loads(payload))
    except Exception:  # anything unusual is pydantic's to say
        return None
