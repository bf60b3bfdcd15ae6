"""Facts the engine derives from a submission before rules run, readable by rules under `derived.`.

They save every rule from re-deriving the same things (all data categories of the project, every foreign
destination wherever it is mentioned, the formality the law requires). Each is `None` when the facts it is
derived from are not stated. Computed, never submitted, they are not held to the size caps of submitted facts
(`bounds.py`): 200 processings derive 200 processing consents.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from compliance.domain.base import Frozen
from compliance.domain.outcomes import Regime
from compliance.domain.vocabulary import DataCategory, TransferMechanism


class ForeignDestination(Frozen):
    country: str = Field(description="Destination country code (never MA).")
    sources: list[str] = Field(
        description="Where it appears: transfers, processors, inference, facial_recognition."
    )
    on_adequacy_list: bool = Field(
        description="Whether the country is on the Art. 43 list held as reference data."
    )
    list_verified: bool = Field(description="Whether that listing is verified against the deliberation.")
    list_state: Literal["listed", "not_listed", "doubtful"] = Field(
        default="not_listed",
        description="On our unverified list; doubtful (absent from our sources but plausibly on the CNDP's current "
        "list); or not on it.",
    )
    declared_transfer: bool = Field(description="Whether a `transfers` entry describes this destination.")
    mechanism: TransferMechanism | None = Field(default=None, description="Ground stated in `transfers`.")
    exception_justification: str | None = Field(
        default=None, description="Justification of an Art. 44 ground."
    )
    notified_to_cndp: bool | None = Field(default=None, description="Whether the transfer was notified.")
    declared_to_cndp: bool | None = Field(
        default=None, description="Whether the declaration lists it (Art. 15(e))."
    )
    covered_by_cndp: bool = Field(
        description="A CNDP act covers the destination: its transfer's own authorisation number, or an Art. 44(3) "
        "authorisation claimed for it with the project's transfer authorisation number on file."
    )


class ProcessingConsent(Frozen):
    """The consent that applies to a processing based on consent: its own, or the project-wide one."""

    processing: str | None = Field(default=None, description="Id of the processing.")
    own: bool = Field(description="Whether the processing states a consent of its own.")
    mechanism: str | None = None
    recorded: bool | None = None
    per_purpose: bool | None = None
    separate_from_terms: bool | None = None
    withdrawable: bool | None = None
    purposes_without_consent: list[str] | None = Field(
        default=None,
        description="Purposes of the processing the consent does not name (null when the consent names none).",
    )


class AuthorisationCover(Frozen):
    """For each Art. 12(1) ground: whether an authorisation on file covers it (true), none does (false), or it
    depends on a scope or date not stated (null)."""

    sensitive_data: bool | None = None
    health_data: bool | None = None
    reuse_other_purpose: bool | None = None
    genetic_data: bool | None = None
    offences: bool | None = None
    cin_number: bool | None = None
    interconnection: bool | None = None
    biometrics: bool | None = None


class Derived(Frozen):
    data_categories: list[DataCategory] | None = Field(
        default=None, description="Every data category of every processing (None if none is stated)."
    )
    sensitive_categories: list[DataCategory] | None = Field(
        default=None, description="The sensitive ones among them (Art. 1(3))."
    )
    biometric_categories: list[DataCategory] | None = Field(
        default=None, description="The biometric ones among them (CNDP practice)."
    )
    foreign_destinations: list[ForeignDestination] = Field(
        default_factory=list,
        description="Every foreign country personal data reach, from any part of the project.",
    )
    required_regime: Regime | None = Field(
        default=None,
        description="Formality the law requires: authorisation, declaration, none; null when it depends on facts "
        "not stated.",
    )
    legal_regime: Regime | None = Field(
        default=None,
        description="Formality required by the verified Art. 12 grounds alone (authorisation, declaration, none); "
        "null when a fact deciding a verified ground is not stated. CNDP practice is left out.",
    )
    authorisation_triggers: list[str] = Field(
        default_factory=list, description="Ids of the triggers that apply."
    )
    legal_authorisation_triggers: list[str] = Field(
        default_factory=list,
        description="Those of them resting on a verified or inferred basis: the only ones a rule may fail on.",
    )
    has_cndp_act: bool = Field(description="A declaration receipt or an authorisation is on file.")
    has_authorisation: bool = Field(
        description="Some authorisation exists, whatever its scope: an authorisation on file, a special law, or a "
        "request deemed granted (Decree Art. 28)."
    )
    authorisation_cover: AuthorisationCover = Field(
        default_factory=AuthorisationCover,
        description="Per Art. 12(1) ground, whether an authorisation's scope covers it.",
    )
    has_receipt: bool = Field(
        default=False, description="A declaration receipt is on file (`cndp.receipt_number` or an act)."
    )
    receipt_on: date | None = Field(
        default=None, description="The earliest date of a declaration receipt on file."
    )
    uncovered_authorisation_triggers: list[str] | None = Field(
        default=None,
        description="The verified Art. 12(1) grounds that apply and that no authorisation covers (by its grounds or "
        "processings); null when none is certainly uncovered but one depends on a scope or date not stated.",
    )
    authorised_on: date | None = Field(
        default=None,
        description="The day every verified ground that applies was covered by an authorisation (a request deemed "
        "granted counts from the end of the Decree Art. 28 period); null when it cannot be said.",
    )
    automated_marketing_channels: list[str] | None = Field(
        default=None,
        description="Prospection channels that Art. 10 covers (e-mail, SMS, WhatsApp, automated calls).",
    )
    undeclared_purposes: list[str] | None = Field(
        default=None,
        description="Purposes of the processings that the declaration does not state (Art. 15(b)); null when "
        "either side is not stated and nothing undeclared was found.",
    )
    undeclared_data_categories: list[DataCategory] | None = Field(
        default=None, description="Data categories processed but not declared (Art. 15(c))."
    )
    undeclared_data_subjects: list[str] | None = Field(
        default=None, description="Categories of persons concerned but not declared (Art. 15(c))."
    )
    undeclared_recipients: list[str] | None = Field(
        default=None,
        description="Recipients of the processings and third parties receiving disclosures, not declared "
        "(Art. 15(d)).",
    )
    undeclared_processors: list[str] | None = Field(
        default=None, description="Processors not named in the declaration (Art. 15(i))."
    )
    declared_controller_matches: bool | None = Field(
        default=None,
        description="Whether the controller named in the declaration is the controller (Art. 15(a)).",
    )
    declared_representative_matches: bool | None = Field(
        default=None,
        description="Whether the representative named in the declaration is the one in Morocco (Art. 15(a)); null "
        "when either is not stated.",
    )
    processing_consents: list[ProcessingConsent] = Field(
        default_factory=list,
        description="For each processing based on consent, the consent that applies to it.",
    )
    unconsented_marketing_channels: list[str] | None = Field(
        default=None,
        description="Automated prospection channels used that no consent record covers; null when the records "
        "are not stated, or a record lacks its proof.",
    )
    marketing_consent_from_lists: bool | None = Field(
        default=None,
        description="Whether a consent record comes with a bought, scraped or partner contact list.",
    )
    ai_uses_personal_data: bool | None = Field(
        default=None, description="Training data or prompts carry personal data."
    )
