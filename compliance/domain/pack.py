"""A loaded rule pack: the rules, the formality triggers and the reference data, all validated.

What an assessment reads of it without the rule language lives in `compliance.domain.pack_parts` (re-exported).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints

from compliance.domain.base import Frozen
from compliance.domain.basis import Localized, RefStatus
from compliance.domain.outcomes import PackInfo
from compliance.domain.pack_parts import AdequacyList, Country, DoubtfulCountry, TriggerHead
from compliance.domain.rules import Condition, Rule

__all__ = [
    "AdequacyList",
    "Country",
    "DoubtfulCountry",
    "FormalityTriggers",
    "Instruments",
    "Named",
    "PackManifest",
    "RulePack",
    "TriggerHead",
    "TriggerSpec",
]


class PackManifest(Frozen):
    """`rules/pack.yaml`."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    law_version: str = Field(description="The texts the pack reflects.")
    description: Localized


class Named(Localized):
    """A name every reader reads in their language: French, Arabic and English all required."""

    ar: Annotated[str, StringConstraints(min_length=1)]


class Instruments(Frozen):
    """`rules/reference/instruments.yaml`: the name of every instrument a rule cites, in each language."""

    instruments: dict[str, Named] = Field(min_length=1)


class TriggerSpec(Frozen):
    """A reason that puts processing on the prior-authorisation track (Art. 12(1) and CNDP practice)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    article: str
    status: RefStatus
    regime: Literal["authorisation"] = "authorisation"
    reason: Localized
    condition: Condition


class FormalityTriggers(Frozen):
    """`rules/reference/formality-triggers.yaml`."""

    triggers: list[TriggerSpec] = Field(min_length=1)


class RulePack(Frozen):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    info: PackInfo
    manifest: PackManifest
    rules: list[Rule]
    triggers: list[TriggerSpec]
    adequacy: AdequacyList
    reference: dict[str, dict[str, dict[str, Any]]] = Field(
        description="Every reference dataset, by name, as plain data for the `ref` condition."
    )
    sources: dict[str, str] = Field(default_factory=dict, description="Rule id -> file it was loaded from.")
    root: str | None = Field(default=None, description="Folder the pack was loaded from.")

    @property
    def trigger_heads(self) -> list[TriggerHead]:
        """The formality triggers without their conditions: what an assessment shows of them."""
        return [TriggerHead(t.id, t.article, t.status, t.reason) for t in self.triggers]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
