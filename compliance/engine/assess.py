"""The pure core: a submission and a rule pack in, an assessment out. No I/O.

The rules run as one generated function (`program`), traces are tuples naming the pack's leaf table, and a
finding is `(rule_id, outcome, severity, trace)`: a `CompactAssessment`. `assess` expands it into the full
`Assessment`; the service stores the compact form and expands on the way out.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pydantic_core

from compliance.domain.compact import CompactAssessment, PackView, expand, hash_logic, register_view
from compliance.domain.outcomes import OUTCOME_ORDER, Assessment
from compliance.domain.pack import RulePack
from compliance.domain.rules import Severity
from compliance.domain.standing import tally
from compliance.domain.submission import Submission
from compliance.engine.derive import Router
from compliance.engine.logic import logic_document, view_of_pack
from compliance.engine.program import Program, generate, load

_OUTCOME_ORDER = {o.value: rank for o, rank in OUTCOME_ORDER.items()}  # by value: findings are tuples here
_SEVERITY_RANK = {s.value: s.rank for s in Severity}


def submission_hash(submission: Submission) -> str:
    """SHA-256 of the submission's canonical JSON: fields in schema order, free-form mappings sorted when
    validated, so the same facts always give the same hash whatever the order they were written in."""
    return "sha256:" + hashlib.sha256(submission.__pydantic_serializer__.to_json(submission)).hexdigest()


class Engine:
    """Holds a pack compiled once; `assess` is then cheap and thread-safe (no shared mutable state).

    `program` and `code` come from the pack cache when it holds them (see `compliance.ruleset.cache`)."""

    def __init__(
        self,
        pack: RulePack,
        program: Program | None = None,
        code: Any = None,
        logic: str | None = None,
        view: PackView | None = None,
    ) -> None:
        self.pack = pack
        self.program = program or generate(pack)
        self._run = load(self.program, code)
        self.logic = logic or hash_logic(logic_document(pack, self.program.leaves))
        self.view: PackView = view or view_of_pack(pack, self.logic, self.program.leaves)
        register_view(self.view)
        self._router = Router(pack)
        # Findings sort by outcome, then severity (worst first), then rule id: one integer key per finding.
        ids = sorted(self.view.rules)  # the view has every rule: a cached pack's rules stay pickled
        self._id_rank = {rule_id: i for i, rule_id in enumerate(ids)}
        self._width = len(ids) + 1

    def assess(self, submission: Submission) -> Assessment:
        return expand(self.assess_compact(submission), self.view)

    def assess_compact(self, submission: Submission) -> CompactAssessment:
        canonical = submission.__pydantic_serializer__.to_json(submission)
        facts = pydantic_core.from_json(canonical)  # the same dict as model_dump(mode="json"), in a third
        _, plan = self._router.derive(facts)
        findings = self._run(facts, self.pack.reference)
        rank, width, order, sev = self._id_rank, self._width, _OUTCOME_ORDER, _SEVERITY_RANK
        findings.sort(key=lambda f: (order[f[1]] * 4 + 3 - sev[f[2]]) * width + rank[f[0]])
        verdict, counts = tally([f[1] for f in findings])  # no waiver applies at assessment time
        return CompactAssessment(
            project_name=submission.project_name,
            submission_hash="sha256:" + hashlib.sha256(canonical).hexdigest(),
            pack=self.pack.info,
            logic=self.logic,
            verdict=verdict,
            counts=counts,
            findings=findings,
            formalities=plan,
        )
