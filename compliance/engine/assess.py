"""The pure core: a submission and a rule pack in, an assessment out. No I/O.

The rules run as one generated function (`program`), traces are tuples naming the pack's leaf table, and a
finding is `(rule_id, outcome, severity, trace)`: a `CompactAssessment`. `assess` expands it into the full
`Assessment`; the service stores the compact form and expands on the way out.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import pydantic_core

from compliance.domain.compact import CompactAssessment, PackView, expand, hash_logic, register_view
from compliance.domain.outcomes import Assessment
from compliance.domain.standing import counted
from compliance.engine.derive import Router
from compliance.engine.dump import plain_serializer
from compliance.engine.logic import logic_document, view_of_pack
from compliance.engine.program import Program, generate, namespace_of

if TYPE_CHECKING:
    from compliance.domain.pack import RulePack
    from compliance.domain.submission import Submission


def submission_hash(submission: Submission) -> str:
    """SHA-256 of the submission's canonical JSON: fields in schema order, free-form mappings sorted when
    validated, so the same facts always give the same hash whatever the order they were written in."""
    return (
        "sha256:"
        + hashlib.sha256(plain_serializer(submission.__pydantic_serializer__).to_json(submission)).hexdigest()
    )


class Engine:
    """Holds a pack compiled once; `assess` is then cheap and thread-safe (the only shared mutable state is the
    router's memos of immutable texts).

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
        namespace = namespace_of(self.program, code)
        self._run = namespace["run"]
        self.logic = logic or hash_logic(logic_document(pack, self.program.leaves))
        self.view: PackView = view or view_of_pack(pack, self.logic, self.program.leaves)
        register_view(self.view)
        self._router = Router(pack, checks=(namespace["checks"], self.program.check_leaves))

    def assess(self, submission: Submission) -> Assessment:
        return expand(self.assess_compact(submission), self.view)

    def assess_compact(self, submission: Submission) -> CompactAssessment:
        # The facts as JSON values, then their JSON: the model's own JSON byte for byte (so the hash is the same),
        # and cheaper than the model's JSON parsed back; enums written with no call into Python (`dump`).
        return self.assess_facts(
            plain_serializer(submission.__pydantic_serializer__).to_python(submission, mode="json")
        )

    def assess_facts(self, facts: dict[str, Any]) -> CompactAssessment:
        """The same from a submission's facts (its model dumped in JSON mode), which this adds `derived` to."""
        canonical = pydantic_core.to_json(facts)
        plan = self._router.route(facts)
        findings, outcomes = self._run(facts, self.pack.reference)  # in report order, and counted
        verdict, counts = counted(outcomes)  # no waiver applies at assessment time
        return CompactAssessment(
            project_name=facts["project_name"],
            submission_hash="sha256:" + hashlib.sha256(canonical).hexdigest(),
            pack=self.pack.info,
            logic=self.logic,
            verdict=verdict,
            counts=counts,
            findings=findings,
            formalities=plan,
        )
