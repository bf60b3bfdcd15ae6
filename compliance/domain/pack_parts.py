"""The parts of a rule pack an assessment reads besides its program, free of the rule language
(`compliance.domain.rules`): the pack cache keeps them apart from the rules, so that a check with a warm cache
never imports the condition models (see `compliance.service.pack_cache`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from compliance.domain.base import Frozen
from compliance.domain.basis import RefStatus
from compliance.domain.plain_forms import Listing, TriggerHead

__all__ = [
    "AdequacyList",
    "Country",
    "DoubtfulCountry",
    "TriggerHead",
]  # `TriggerHead` lives in `plain_forms`


class Country(Frozen):
    name: str
    source: str = Field(description="Where the listing comes from.")
    verified: bool = Field(description="Whether the listing was checked against the deliberation itself.")


class DoubtfulCountry(Frozen):
    name: str
    reason: str = Field(
        description="Why the country may be on the CNDP's current list though our sources omit it."
    )


class AdequacyList(Frozen, Listing):
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
