"""Blocks of a submission about the controller and each processing: purposes, grounds, retention, notice, rights."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from compliance.domain.facts import CountryCode, Days, Facts, ShortText, Text, fact
from compliance.domain.vocabulary import (
    BalancingConclusion,
    CollectionSource,
    ConsentMechanism,
    ControllerKind,
    DataCategory,
    DataSubject,
    DecisionEffect,
    HealthPurpose,
    InformationExemption,
    InformationPlan,
    Language,
    LegalBasis,
    NoticeItem,
)


class Representative(Facts):
    name: ShortText | None = fact("Name of the representative established in Morocco (Art. 2(3)).")
    notified_to_cndp: bool | None = fact("Whether the representative was notified to the CNDP.")


class PrivacyOwner(Facts):
    name: ShortText | None = fact("Person accountable for personal-data compliance.")
    role: ShortText | None = fact("Their role in the organisation.")


class Controller(Facts):
    name: ShortText | None = fact("Legal name of the controller (responsable du traitement).")
    legal_form: ShortText | None = fact("Legal form, e.g. SARL, SA, association.")
    rc_number: ShortText | None = fact("Commercial-register (RC) number.")
    kind: ControllerKind | None = fact("What kind of body the controller is (matters for Art. 22 and 49).")
    country: CountryCode | None = fact("Country where the controller is established.")
    established_in_morocco: bool | None = fact(
        "Whether the controller has an establishment in Morocco (Art. 2(2)(a))."
    )
    uses_means_in_morocco: bool | None = fact(
        "Whether processing means located in Morocco are used, beyond mere transit (Art. 2(2)(b))."
    )
    representative_in_morocco: Representative | None = fact(
        "Representative in Morocco of a foreign controller."
    )
    health_professional_under_secrecy: bool | None = fact(
        "Whether the processing is carried out by a health professional bound by professional secrecy (Art. 22)."
    )
    nonprofit_members_exemption: bool | None = fact(
        "For a non-profit religious, philosophical, political, trade-union, cultural or sports body: whether its "
        "sensitive data match its object, concern only its members or regular contacts, and are not disclosed to "
        "third parties without their express consent (Art. 12(1)(a) exemption)."
    )
    privacy_owner: PrivacyOwner | None = fact("Accountable owner of data-protection compliance.")


class Retention(Facts):
    period_days: Days | None = fact("How long identifying data are kept, in days.")
    indefinite: bool | None = fact("True when data are kept with no end date.")
    per_category: dict[DataCategory, Days] | None = fact("Retention in days per data category.")

    @field_validator("per_category")
    @classmethod
    def _canonical_order(cls, value: dict[DataCategory, int] | None) -> dict[DataCategory, int] | None:
        """Sorted keys, so that the submission hash does not depend on the order they were written in."""
        return None if value is None else dict(sorted(value.items()))

    deletion_mechanism: Text | None = fact(
        "How deletion or anonymisation is enforced at the end of the period."
    )
    extended_for_research: bool | None = fact(
        "Whether data are kept beyond the purpose for historical, statistical or scientific use, "
        "including 'for future model training' (Art. 3(2))."
    )
    extended_retention_authorisation: ShortText | None = fact(
        "Reference of the CNDP authorisation for extended retention (Art. 3(2))."
    )


class ThirdPartyDisclosure(Facts):
    recipient: ShortText | None = fact("Who receives the data.")
    purpose: Text | None = fact("Why the data are disclosed.")
    consent_obtained: bool | None = fact(
        "Whether the persons gave prior consent to the disclosure (Art. 4 §2)."
    )
    legal_basis: LegalBasis | None = fact(
        "The Art. 4 ground relied on when consent was not obtained; 'none' states there is no ground."
    )
    exception_confirmed: bool | None = fact(
        "Whether counsel or the CNDP confirmed in writing that the Art. 4 ground relied on covers this disclosure "
        "without consent (the scope of the exceptions over disclosures is not settled)."
    )
    purpose_linked_to_functions: bool | None = fact(
        "Whether the purpose is directly linked to the legitimate functions of both parties (Art. 4 §2)."
    )
    includes_models: bool | None = fact(
        "Whether trained models or embeddings derived from personal data are shared."
    )


class CollectionChannel(Facts):
    channel: ShortText | None = fact("The collection point, e.g. mobile app, chatbot, call centre, camera.")
    online: bool | None = fact(
        "Whether collection happens over an open network such as the internet (Art. 5(4))."
    )
    disclosed_to_person: bool | None = fact(
        "Whether the person knows data are collected there (no covert collection)."
    )


class Consent(Facts):
    mechanism: ConsentMechanism | None = fact("How consent is collected.")
    express: bool | None = fact("Whether consent is express (required for sensitive data, Art. 21).")
    recorded: bool | None = fact("Whether consent is recorded as evidence.")
    timestamped: bool | None = fact("Whether each consent record carries a date and time.")
    withdrawable: bool | None = fact("Whether the person can withdraw consent as easily as giving it.")
    per_purpose: bool | None = fact("Whether consent is asked separately for each purpose.")
    separate_from_terms: bool | None = fact("Whether consent is separate from the terms and conditions.")
    purposes: list[Text] | None = fact(
        "The purposes the persons consented to; a purpose of the processing missing here has no consent of its own."
    )


class LegitimateInterestTest(Facts):
    """The balancing test of Art. 4(e): the interest, its necessity, the impact on the persons, the safeguards and
    the conclusion. A written text alone does not show the balance was struck."""

    interest: Text | None = fact("The interest pursued by the controller or the recipient.")
    necessity: Text | None = fact(
        "Why the processing is necessary for it, and why less intrusive means fall short."
    )
    within_reasonable_expectations: bool | None = fact(
        "Whether the persons can reasonably expect this use of their data, given how they were collected."
    )
    concerns_minors: bool | None = fact("Whether minors' data are processed on this ground.")
    profiling: bool | None = fact("Whether the processing profiles or evaluates the persons.")
    scraped_or_bought_data: bool | None = fact(
        "Whether the data were scraped, bought or received from others."
    )
    large_scale: bool | None = fact("Whether many persons or much data per person are concerned.")
    safeguards: Text | None = fact("The safeguards: minimisation, pseudonymisation, retention, information.")
    opt_out_offered: bool | None = fact(
        "Whether the persons can object simply, before and during the processing."
    )
    conclusion: BalancingConclusion | None = fact(
        "The test's conclusion: the interest prevails, or the persons' interests or rights prevail."
    )


class Processing(Facts):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,64}$")] | None = fact(
        "Short identifier of the processing, unique in the submission."
    )
    name: ShortText | None = fact("Name of the processing as it would appear in a CNDP declaration.")
    purposes: list[Text] | None = fact("Determined, explicit purposes of the processing (Art. 3(1)(b)).")
    purpose_description: Text | None = fact(
        "Concrete account of the purposes: what is done with which data, for whom and to what end; asked when "
        "the listed purposes are only general wording such as 'improve our services' (Art. 3(1)(b))."
    )
    legal_basis: LegalBasis | None = fact(
        "The Art. 4 ground for this processing; 'none' states that the processing rests on no ground."
    )
    consent: Consent | None = fact(
        "The consent collected for this processing, when it differs from the project-wide `consent` (a new "
        "purpose needs its own consent)."
    )
    legal_basis_reference: Text | None = fact(
        "Evidence behind the ground: the statute, the contract, the public mandate or the situation."
    )
    legitimate_interest_assessment: Text | None = fact(
        "Reference of the written balancing document when the ground is legitimate interest (the structured test "
        "goes in legitimate_interest_test)."
    )
    legitimate_interest_test: LegitimateInterestTest | None = fact(
        "The structured balancing test when the ground is legitimate interest (Art. 4(e))."
    )
    data_categories: list[DataCategory] | None = fact("Categories of personal data processed.")
    data_categories_justified: bool | None = fact(
        "Whether each category is documented as necessary for a stated purpose (Art. 3(1)(c))."
    )
    data_subjects: list[DataSubject] | None = fact("Categories of persons whose data are processed.")
    estimated_data_subjects: Annotated[int, Field(ge=0)] | None = fact(
        "Approximate number of persons concerned."
    )
    recipients: list[ShortText] | None = fact("Recipients or categories of recipients.")
    third_party_disclosures: list[ThirdPartyDisclosure] | None = fact(
        "Disclosures to third parties (Art. 4 §2)."
    )
    retention: Retention | None = fact("How long data are kept (Art. 3(1)(e)).")
    source: CollectionSource | None = fact("Whether data come from the persons themselves or from elsewhere.")
    collection_channels: list[CollectionChannel] | None = fact("Where and how data are collected.")
    reuses_data_from: list[ShortText] | None = fact(
        "Other processings or files whose data are re-used here for a new purpose."
    )
    reuse_compatible: bool | None = fact(
        "Whether the re-use is compatible with the purpose the data were collected for (Art. 3(1)(b))."
    )
    reuse_started: date | None = fact("Date the re-use of data for this processing started or will start.")
    interconnects_files: bool | None = fact(
        "Whether this processing links files whose main purposes differ (for public-service legal persons: "
        "different public-interest purposes), held by other controllers or by the controller itself "
        "(Art. 1(11), 12(1)(f)). Linking files kept for the same main purpose is not this case: answer false."
    )
    health_purposes: list[HealthPurpose] | None = fact(
        "For health or genetic data: what they are used for (Art. 12(1)(c), 22)."
    )


class InformationNotice(Facts):
    exists: bool | None = fact("Whether an information notice exists (Art. 5).")
    provided_before_collection: bool | None = fact("Whether it is given before data are collected.")
    location: list[ShortText] | None = fact(
        "Where the notice is shown (app screen, form, website page, voice prompt)."
    )
    languages: list[Language] | None = fact("Languages the notice is available in.")
    includes: list[NoticeItem] | None = fact("Items the notice states.")


class IndirectCollection(Facts):
    exists: bool | None = fact("Whether data are obtained from someone other than the person (Art. 5(3)).")
    sources: list[ShortText] | None = fact("Where indirectly collected data come from.")
    info_plan: InformationPlan | None = fact("When the persons are informed (Art. 5(3)).")
    cndp_notified_of_impossibility: bool | None = fact(
        "Whether the CNDP was told that informing the persons is impossible, and why (Art. 6(b))."
    )
    exemption: InformationExemption | None = fact(
        "An Art. 6 case where informing is not required: national defence, State security or crime "
        "prevention (6(a)), a law that expressly provides for the recording or communication (6(c)), "
        "exclusively journalistic, artistic or literary purposes (6(d)); 'none' states that none applies."
    )
    exemption_reference: Text | None = fact(
        "What backs the exemption: the law that provides for the recording, the mandate, the editorial purpose."
    )


class Rights(Facts):
    access_channel: ShortText | None = fact("Where a person asks for access to their data (Art. 7).")
    access_channel_offered: bool | None = fact(
        "Whether any channel exists where a person can ask for access; false states that there is none "
        "(then leave access_channel out). Left out: not stated."
    )
    identity_check: bool | None = fact("Whether the requester's identity is checked.")
    access_sla_days: Days | None = fact("Days taken to answer an access request.")
    access_delay_granted_by_cndp: bool | None = fact(
        "Whether the CNDP granted the controller extra time to answer access requests (Art. 7)."
    )
    free_of_charge: bool | None = fact("Whether exercising the rights is free.")
    export_with_origin: bool | None = fact("Whether the data can be given with their origin (Art. 7(b)).")
    rectification_sla_days: Days | None = fact(
        "Days taken to rectify, erase or lock data (Art. 8: ten clear days)."
    )
    propagates_to_recipients: bool | None = fact(
        "Whether corrections are passed on to recipients (Art. 8(b))."
    )
    opposition_channel: ShortText | None = fact("Where a person objects to the processing (Art. 9).")
    opposition_channel_offered: bool | None = fact(
        "Whether any channel exists where a person can object; false states that there is none (then leave "
        "opposition_channel out). Left out: not stated."
    )
    opposition_requires_justification: bool | None = fact(
        "Whether an objection to prospection must be justified (it must not, Art. 9)."
    )
    marketing_suppression_list: bool | None = fact("Whether objectors are kept on a suppression list.")
    logic_explanation_available: bool | None = fact(
        "Whether the logic of automated processing can be explained to the person (Art. 7(c))."
    )


class AutomatedDecisions(Facts):
    exists: bool | None = fact("Whether the system makes or drives decisions about people.")
    effect: DecisionEffect | None = fact("The strongest effect such a decision has on the person.")
    profiling: bool | None = fact(
        "Whether decisions rest on a profile or an evaluation of personality (Art. 11)."
    )
    sole_basis: bool | None = fact("Whether the decision is taken on the automated result alone.")
    human_review: bool | None = fact(
        "Whether a human with authority reviews each decision before it applies."
    )
    reviewer_can_override: bool | None = fact("Whether the human reviewer can change the outcome.")
    contest_or_observations: bool | None = fact("Whether the person can present observations or contest.")
    contract_context: bool | None = fact("Whether decisions are taken to conclude or perform a contract.")
    grants_request_only: bool | None = fact("Whether the automated path can only grant the person's request.")
    used_by_courts_or_for_judicial_assessment: bool | None = fact(
        "Whether outputs serve a court decision assessing a person's behaviour (Art. 11 §1)."
    )
