"""A loaded rule pack: the rules, the formality triggers and the reference data, all validated."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints

from compliance.domain.base import Frozen
from compliance.domain.basis import Localized, RefStatus
from compliance.domain.outcomes import PackInfo
from compliance.domain.rules import Condition, Rule


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


class Country(Frozen):
    name: str
    source: str = Field(description="Where the listing comes from.")
    verified: bool = Field(description="Whether the listing was checked against the deliberation itself.")


class DoubtfulCountry(Frozen):
    name: str
    reason: str = Field(
        description="Why the country may be on the CNDP's current list though our sources omit it."
    )


class AdequacyList(Frozen):
    """`rules/reference/adequate-countries.yaml`: the Art. 43 list drawn up by the CNDP.

    Three states per country: on our (unverified) list; doubtful (absent from our sources but plausibly on the
    CNDP's current list); any other country is taken as not on it.
    """

    instrument: str
    status: RefStatus
    note: str
    countries: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")], Country]
    doubtful: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")], DoubtfulCountry] = Field(
        default_factory=dict
    )

    def state(self, country: str) -> str:
        if country in self.countries:
            return "listed"
        return "doubtful" if country in self.doubtful else "not_listed"


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

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
