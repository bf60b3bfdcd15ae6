"""A submission's facts assessed into a compact assessment, with no pydantic model: the lean engine's core,
which `compliance.engine.assess.Engine` runs with the models, and a warm text `check` with the plain forms of a
cached pack (`PlainPack`, kept in the pack cache; see `compliance.service.pack_cache`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from compliance.domain.compact_form import CompactAssessment, PackView, expand_into
from compliance.domain.grades import counted
from compliance.domain.plain_forms import (
    PlainAdequacy,
    PlainAssessment,
    PlainFinding,
    PlainPackInfo,
    TriggerHead,
)
from compliance.engine.program import Program, namespace_of
from compliance.engine.route import PLAIN_FORMS, Kinds, LeanRouter

Route = Callable[[dict[str, Any]], Any]


def assess_facts(
    facts: dict[str, Any],
    run: Callable[..., Any],
    route: Route,
    reference: Any,
    info: Any,
    logic: str,
    canonical: Callable[[Any], bytes],
) -> CompactAssessment:
    """A submission's facts (its model dumped in JSON mode, to which `route` adds `derived`) assessed:
    `canonical` writes the facts' JSON, whose SHA-256 is the submission's hash."""
    digest = hashlib.sha256(canonical(facts)).hexdigest()
    plan = route(facts)
    findings, outcomes = run(facts, reference)  # in report order, and counted
    verdict, counts = counted(outcomes)  # no waiver applies at assessment time
    return CompactAssessment(
        project_name=facts["project_name"],
        submission_hash="sha256:" + digest,
        pack=info,
        logic=logic,
        verdict=verdict,
        counts=counts,
        findings=findings,
        formalities=plan,
    )


def plain_json(facts: Any) -> bytes:
    """The facts' JSON as pydantic-core writes it (`to_json`), for the facts the plain submission validator
    gives: strings, integers, booleans, nulls, lists and string-keyed mappings, never a float. For those both
    write the same bytes (no spaces, non-ASCII as UTF-8, the same escapes); tests/core/test_plain_check.py
    compares them."""
    return json.dumps(facts, ensure_ascii=False, separators=(",", ":")).encode()


class PlainPack:
    """What a warm text `check` reads of a cached pack, in plain forms: its info, reference data, Art. 43 list,
    formality triggers without their conditions, the view findings are expanded with, and what the models
    say of the derived facts (`blank`: each at its default, in order; `cover_fields`) and of the vocabulary
    (`kinds`). Not a dataclass: a
    warm check defines it, and a dataclass costs a millisecond to define."""

    __slots__ = ("adequacy", "blank", "cover_fields", "info", "kinds", "reference", "trigger_heads", "view")

    def __init__(
        self,
        info: PlainPackInfo,
        reference: dict[str, Any],
        adequacy: PlainAdequacy,
        trigger_heads: list[TriggerHead],
        view: PackView,
        blank: dict[str, Any],
        cover_fields: list[str],
        kinds: Kinds,
    ) -> None:
        self.info = info
        self.reference = reference
        self.adequacy = adequacy
        self.trigger_heads = trigger_heads
        self.view = view
        self.blank = blank
        self.cover_fields = cover_fields
        self.kinds = kinds


class PlainEngine:
    """The lean engine on a `PlainPack` and its compiled program: plain assessments, no model."""

    def __init__(self, plain: PlainPack, program: Program, code: Any, logic: str) -> None:
        namespace = namespace_of(program, code)
        self.plain = plain
        self.logic = logic
        self._run = namespace["run"]
        checks = (namespace["checks"], program.check_leaves)
        self._router = LeanRouter(
            plain.trigger_heads,
            plain.adequacy,
            PLAIN_FORMS,
            plain.blank,
            plain.cover_fields,
            plain.kinds,
            lambda: checks,
        )

    def assess_facts(self, facts: dict[str, Any]) -> PlainAssessment:
        reference = self.plain.reference
        compact = assess_facts(
            facts,
            self._run,
            lambda f: self._router.route(f, reference),
            reference,
            self.plain.info,
            self.logic,
            plain_json,
        )
        return expand_into(compact, self.plain.view, PlainFinding, PlainAssessment)
