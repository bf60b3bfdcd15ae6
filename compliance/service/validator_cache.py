"""Models' validators and serializers kept between runs, so a `compliance check` does not build them each time.

Building the validator of `Submission` (pydantic generating a core schema from some 90 annotated classes) and of
the few models an assessment makes takes longer than reading, assessing and reporting a submission together.
What pydantic builds, pydantic-core's `SchemaValidator` and `SchemaSerializer`, is remade from its core schema
and configuration in about a millisecond, and pickles as those. One change makes them pickle: the schema's
`metadata` entries, which only pydantic's JSON Schema generation reads and which hold local functions, are left
out; validating and serialising never read them.

When it builds them, it also writes the submission's validator in plain Python
(`compliance.service.plain_submission`), which a warm `compliance check` of a valid file runs instead.

The serializer the engine dumps submissions with (`compliance.engine.dump`: its enums as plain strings) is kept
beside the model's.

`prepare()` gives each model of `MODELS` that pydantic has not built yet the validator and serializer kept in
the private cache folder (`compliance.private_cache`: HMAC-checked before anything is unpickled), one entry
named by the package version, pydantic's and pydantic-core's versions and the package's modules (sizes and
modification times): a changed model is another entry. The model stays otherwise as pydantic left it, unbuilt:
anything else asked of it (its JSON Schema, a model that contains it being built) builds it then, as before,
which replaces the two with equal ones. Anything unexpected leaves pydantic to build the models as it always
did (and writes the entry for the next run).
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from importlib import import_module
from typing import Any

import pydantic
import pydantic_core
from pydantic import BaseModel
from pydantic_core import SchemaSerializer, SchemaValidator

from compliance import __version__
from compliance.engine.dump import keep, plain_of, remade
from compliance.private_cache import FORMAT, cache_dir, package_digest, read_blob, write_blob
from compliance.service.plain_submission import load_validator, write_validator

# The models an assessment builds, from the submission to the report (found by tracing pydantic's builds of
# `compliance check` over every example, format and language).
MODELS = (
    "compliance.domain.submission:Submission",
    "compliance.domain.derived:Derived",
    "compliance.domain.derived:ForeignDestination",
    "compliance.domain.derived:AuthorisationCover",
    "compliance.domain.basis:Localized",
    "compliance.domain.outcomes:TransferFiling",
    "compliance.domain.outcomes:FormalityPlan",
    "compliance.domain.outcomes:Assessment",
    "compliance.domain.outcomes:PackInfo",
    "compliance.domain.outcomes:PenaltyExposure",
)

SUBMISSION = MODELS[0]

# The models the engine dumps with `compliance.engine.dump`'s serializer, kept too.
PLAIN = ("compliance.domain.submission:Submission",)


def model_of(name: str) -> type[BaseModel]:
    module, _, attr = name.partition(":")
    model: type[BaseModel] = getattr(import_module(module), attr)
    return model


def _without_metadata(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _without_metadata(v) for k, v in schema.items() if k != "metadata"}
    if isinstance(schema, list):
        return [_without_metadata(v) for v in schema]
    return schema


def models_key() -> str:
    digest = hashlib.sha256(FORMAT + b"models\0")
    for part in (__version__, pydantic.VERSION, pydantic_core.__version__, *MODELS):
        digest.update(part.encode() + b"\0")
    digest.update(package_digest())
    return digest.hexdigest()


def _built() -> bytes | None:
    """Every model built by pydantic, their validators and serializers pickled, each model's apart (a warm check
    of a file read without pydantic unpickles all but the submission's); None if one does not pickle."""
    kept = {}
    try:
        for name in MODELS:
            model = model_of(name)
            model.model_rebuild()
            serializer = remade(model.__pydantic_serializer__, SchemaSerializer, _without_metadata)
            plain = plain_of(serializer) if name in PLAIN else None
            validator = remade(model.__pydantic_validator__, SchemaValidator, _without_metadata)
            kept[name] = pickle.dumps((validator, serializer, plain), protocol=pickle.HIGHEST_PROTOCOL)
        return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a validator that calls a local function cannot be kept
        return None


Kept = tuple[SchemaValidator, SchemaSerializer, SchemaSerializer | None]


def _kept(payload: bytes) -> dict[str, bytes] | None:
    try:
        pairs = pickle.loads(payload)  # authenticated by read_blob
    except Exception:  # written by another version of a dependency: build them again
        return None
    if not isinstance(pairs, dict) or set(pairs) != set(MODELS):
        return None
    if not all(isinstance(kept, bytes) for kept in pairs.values()):
        return None
    return pairs


def _unpickled(kept: bytes) -> Kept | None:
    try:
        found = pickle.loads(kept)  # authenticated with the entry
    except Exception:
        return None
    return found if isinstance(found, tuple) and len(found) == 3 else None


@cache
def prepare(submission: bool = True) -> None:
    """Give the models their kept validators and serializers, or build them and keep them for the next run.
    Without `submission`, the others only: a file read without pydantic needs no `Submission`."""
    folder = cache_dir()
    if folder is None:
        return
    name = f"{models_key()}.models"
    payload = read_blob(folder, name)
    pairs = _kept(payload) if payload is not None else None
    if pairs is None:
        built = _built()
        if built is not None:
            write_blob(folder, name, built)
            # built, the submission's core schema is at hand: its plain validator for the next warm checks
            write_validator(model_of(SUBMISSION).__pydantic_core_schema__)
        return
    for model_name, kept in pairs.items():
        if model_name == SUBMISSION and not submission:
            continue
        found = _unpickled(kept)
        if found is None:  # pydantic builds this one when it is first used
            continue
        validator, serializer, plain = found
        model = model_of(model_name)
        if not model.__pydantic_complete__:
            model.__pydantic_validator__ = validator
            model.__pydantic_serializer__ = serializer
            if plain is not None:
                keep(serializer, plain)
    if submission and load_validator() is None:  # an entry lost on its own: written again (once a process)
        write_validator(model_of(SUBMISSION).__pydantic_core_schema__)
