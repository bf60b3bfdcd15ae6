"""The submission: one AI project described by its facts.

Every fact is optional and ``None`` means *not stated*, never *no*: the engine answers ``needs_info`` when a
rule needs a fact that is missing. An empty list means "stated: none".
"""

from __future__ import annotations

import datetime as _dt
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, StringConstraints, field_validator
from pydantic_core import CoreSchema

from compliance.domain.bounds import MAX_PROCESSINGS, cap_sizes
from compliance.domain.upgrade import SCHEMA_VERSION
from compliance.domain.vocabulary import (
    Art21Ground,
    AuthorisationGround,
    BalancingConclusion,
    CndpActKind,
    CollectionSource,
    ConsentMechanism,
    ContactSource,
    ControllerKind,
    DataCategory,
    DataSubject,
    DecisionEffect,
    Dialect,
    ErasureFromModels,
    Formality,
    FormCode,
    GeolocationPurpose,
    HealthPurpose,
    InformationExemption,
    InformationPlan,
    Language,
    LegalBasis,
    MarketingChannel,
    NoticeItem,
    RecipientRole,
    RequestDecision,
    Sector,
    TemplateStorage,
    TrainingSource,
    TransferMechanism,
    VoiceInference,
)

__all__ = ["SCHEMA_VERSION"]

CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. MA, FR, US."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Days = Annotated[int, Field(ge=0, le=36500)]


class Facts(BaseModel):
    """Base of every block: unknown keys are errors, values are validated strictly, and every list, text and
    integer is capped (`bounds.py`) unless its field states a tighter limit."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        cap_sizes(schema)
        return schema


def fact(description: str) -> Any:
    """A stated-or-not fact: defaults to None, which means 'not stated'."""
    return Field(default=None, description=description)


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


class ChannelConsent(Facts):
    """The prior consent to prospection through one channel (Art. 10)."""

    channel: MarketingChannel | None = fact("The channel consented to.")
    source: ContactSource | None = fact("Where the contact details and the consent were collected.")
    collected_on: date | None = fact("When the consent was collected.")
    proof: Text | None = fact("How the consent is proven: the form, the log, the recording.")


class DirectMarketing(Facts):
    exists: bool | None = fact("Whether the project sends prospection messages (Art. 10).")
    channels: list[MarketingChannel] | None = fact("Channels used for prospection.")
    contacts_source: list[TrainingSource] | None = fact("Where the contact details come from.")
    prior_consent_per_channel: bool | None = fact(
        "Whether prior consent was obtained for each automated channel (an attestation; the records go in "
        "consented_channels)."
    )
    consented_channels: list[ChannelConsent] | None = fact(
        "The prior consents per channel, with their source, date and proof (Art. 10)."
    )
    optout_offered_at_collection: bool | None = fact(
        "For e-mail under the customer exception: whether a free and simple way to refuse was offered when the "
        "address was collected (Art. 10)."
    )
    soft_optin_email: bool | None = fact(
        "Whether e-mail relies on the customer exception: address collected at a sale, from the person."
    )
    prior_consent_other_channels: bool | None = fact(
        "When e-mail relies on the customer exception: whether prior consent was obtained for every other "
        "automated channel used (SMS, WhatsApp, automated calls, voice bots, fax, push)."
    )
    analogous_products_only: bool | None = fact(
        "Whether e-mails only promote analogous products of the same entity."
    )
    optout_each_message: bool | None = fact("Whether every message carries a free, simple way to refuse.")
    sender_identified: bool | None = fact("Whether every message identifies the sender.")
    subject_matches_offer: bool | None = fact("Whether the subject line matches the offer.")


class DeclaredContent(Facts):
    """What the filed declaration states, item by item (Art. 15), compared with the facts of the project."""

    controller: ShortText | None = fact("Controller named in the declaration (Art. 15(a)).")
    representative: ShortText | None = fact(
        "Representative in Morocco named in the declaration (Art. 15(a))."
    )
    purposes: list[Text] | None = fact("Purposes stated in the CNDP declaration.")
    data_subjects: list[DataSubject] | None = fact(
        "Categories of persons stated in the declaration (Art. 15(c))."
    )
    data_categories: list[DataCategory] | None = fact("Data categories stated in the declaration.")
    recipients: list[ShortText] | None = fact("Recipients stated in the declaration.")
    transfers: list[CountryCode] | None = fact("Foreign countries stated in the declaration (Art. 15(e)).")
    processors: list[ShortText] | None = fact("Processors stated in the declaration.")
    retention_days: Days | None = fact("Retention period stated in the declaration (Art. 15(f)).")
    security: bool | None = fact("Whether the declaration describes the security measures (Art. 15(h)).")
    rights_service: ShortText | None = fact(
        "The department where rights are exercised, as stated in the declaration (Art. 15(g))."
    )
    interconnections: bool | None = fact(
        "Whether the declaration states the interconnections or other alignments of files (Art. 15(i))."
    )
    cessions: bool | None = fact(
        "Whether the declaration states the cessions of data to third parties (Art. 15(i))."
    )


ReceiptNumber = Annotated[str, StringConstraints(min_length=1, max_length=64)]
ProcessingId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,64}$")]


class CndpAct(Facts):
    """A CNDP act with its scope. A rule that needs an act passes only when an act's scope covers what triggers
    it; an act whose scope is not stated leaves the rule asking."""

    kind: CndpActKind | None = fact("What the act is.")
    number: ReceiptNumber | None = fact("Its number, e.g. D-W-85/2015, A-PO-23/2024.")
    date: _dt.date | None = fact("Its date (for a notification: the date it was filed).")
    processings: list[ProcessingId] | None = fact("Ids of the processings of this submission the act covers.")
    purposes: list[Text] | None = fact("Purposes the act covers.")
    grounds: list[AuthorisationGround] | None = fact(
        "For an authorisation: the Art. 12(1) grounds it was granted for (CIN number, sensitive data, re-use for "
        "another purpose...)."
    )
    destinations: list[CountryCode] | None = fact(
        "For a transfer authorisation or notification: the destination countries it covers."
    )


class AuthorisationRequest(Facts):
    """An authorisation request filed with the CNDP and not (yet) answered by an act on file."""

    filed_date: date | None = fact("Date the request was filed.")
    extension_notified: bool | None = fact(
        "Whether the CNDP notified a reasoned extension of its two-month time limit (Decree Art. 28)."
    )
    decision: RequestDecision | None = fact("Where the request stands.")
    processings: list[ProcessingId] | None = fact("Ids of the processings the request covers.")
    grounds: list[AuthorisationGround] | None = fact("The Art. 12(1) grounds the request is for.")


class Cndp(Facts):
    formality: Formality | None = fact("The CNDP formality the controller has completed or filed.")
    forms_filed: list[FormCode] | None = fact("CNDP forms filed.")
    receipt_number: ReceiptNumber | None = fact("Number of the declaration receipt (récépissé).")
    receipt_date: date | None = fact("Date of the declaration receipt.")
    authorisation_number: ReceiptNumber | None = fact(
        "Number of a CNDP authorisation covering the whole project as described in this submission (every "
        "processing and purpose); an authorisation with a narrower scope goes in `acts`."
    )
    authorisation_date: date | None = fact("Date of the CNDP authorisation.")
    transfer_authorisation_number: ReceiptNumber | None = fact(
        "Number of the CNDP transfer authorisation (F118)."
    )
    transfer_authorisation_date: date | None = fact("Date of the CNDP transfer authorisation.")
    declared: DeclaredContent | None = fact("What the filed declaration states (Art. 15).")
    last_update_date: date | None = fact("Date the declaration was last updated.")
    go_live_date: date | None = fact("Date processing starts or started.")
    documentation_pack: bool | None = fact(
        "Whether declarations, contracts and registers are kept ready for a CNDP control (Art. 30)."
    )
    changes_notified: bool | None = fact(
        "Whether every change to the declared items (purposes, data, recipients, processors, transfers, "
        "retention, security, interconnections) was notified to the CNDP without delay (Art. 15)."
    )
    acquired_files_declared: bool | None = fact(
        "Whether data files bought, licensed or received from others are covered by the controller's own "
        "CNDP declaration or authorisation, not only by the supplier's (Art. 15, acquirer of a file)."
    )
    statutory_authorisation: ShortText | None = fact(
        "The special law that authorises the processing and sets its conditions, in place of a CNDP "
        "authorisation (Art. 12 'unless special laws provide otherwise', Art. 21)."
    )
    statutory_authorisation_grounds: list[AuthorisationGround] | None = fact(
        "The Art. 12(1) grounds the special law clearly covers; left out, its scope is unclear and asked."
    )
    acts: list[CndpAct] | None = fact(
        "CNDP acts on file with their scope: receipts, authorisations, transfer authorisations, transfer "
        "notifications."
    )
    authorisation_requests: list[AuthorisationRequest] | None = fact(
        "Authorisation requests filed and not answered by an act on file (Decree Art. 28)."
    )


class Transfer(Facts):
    country: CountryCode | None = fact("Destination country.")
    recipient: ShortText | None = fact("Who receives the data abroad.")
    recipient_role: RecipientRole | None = fact("Whether the recipient is a processor or a controller.")
    purpose: Text | None = fact("Why data go there.")
    data_categories: list[DataCategory] | None = fact("Categories transferred.")
    mechanism: TransferMechanism | None = fact(
        "The ground relied on (Art. 43 list or an Art. 44 derogation); 'none' states that there is no ground."
    )
    exception_justification: Text | None = fact("Why the Art. 44 derogation applies.")
    agreement_reference: ShortText | None = fact("The international agreement relied on (Art. 44(2)).")
    contractual_clauses: bool | None = fact("Whether contractual clauses protect the data.")
    bcr: bool | None = fact("Whether binding internal company rules protect the data.")
    notified_to_cndp: bool | None = fact("Whether the transfer was notified to the CNDP (Decree Art. 46).")
    cndp_authorisation_number: ReceiptNumber | None = fact(
        "Number of the CNDP transfer authorisation (F118) covering this destination."
    )
    declared: bool | None = fact("Whether the transfer appears in the CNDP declaration (Art. 15(e)).")


class Processor(Facts):
    name: ShortText | None = fact("Name of the processor (sous-traitant).")
    service: ShortText | None = fact("What it does: hosting, LLM API, annotation, analytics, support.")
    country: CountryCode | None = fact("Where it processes the data.")
    countries: list[CountryCode] | None = fact(
        "Every country it processes the data in, when it serves from several (each is judged as a destination)."
    )
    written_contract: bool | None = fact("Whether a written contract binds it (Art. 23).")
    instructions_only: bool | None = fact(
        "Whether it acts only on the controller's instructions (Art. 23, 25)."
    )
    security_obligations: bool | None = fact("Whether it is bound by the same security obligations.")
    subprocessors_disclosed: bool | None = fact("Whether its own subprocessors are disclosed.")
    due_diligence_date: date | None = fact(
        "Date the controller last checked that the processor offers sufficient guarantees (Art. 23(2))."
    )


class Security(Facts):
    encryption_at_rest: bool | None = fact("Data encrypted at rest.")
    encryption_in_transit: bool | None = fact("Data encrypted in transit.")
    access_control: bool | None = fact("Role-based access limited to authorised persons.")
    mfa: bool | None = fact("Multi-factor authentication for staff access.")
    access_logging: bool | None = fact("Log of who entered or changed what and when (Art. 24).")
    physical_controls: bool | None = fact("Control of entry to premises and equipment.")
    media_controls: bool | None = fact("Control of data media (copies, removal, destruction).")
    input_controls: bool | None = fact("Control of data input and insertion.")
    use_controls: bool | None = fact(
        "Prevention of the use of processing systems by unauthorised persons through data-transmission "
        "equipment (Art. 24)."
    )
    transmission_controls: bool | None = fact("Verification of the recipients of transmissions.")
    transport_controls: bool | None = fact("Protection of data during transport of media.")
    backups: bool | None = fact("Backups with restoration tested.")
    pseudonymisation: bool | None = fact("Identifiers pseudonymised where the purpose allows.")
    incident_procedure: bool | None = fact("A procedure to handle security incidents.")
    staff_confidentiality: bool | None = fact("Staff bound by confidentiality (Art. 26).")
    risk_assessment_date: date | None = fact(
        "Date of the last documented security risk assessment (the measures must match the risks, Art. 23(1))."
    )
    legal_request_procedure: bool | None = fact("A procedure for disclosures required by law (Art. 26 §2).")


class Anonymisation(Facts):
    method: ShortText | None = fact("How training data are anonymised.")
    reidentification_test: bool | None = fact(
        "Whether a re-identification test backs the anonymisation claim."
    )
    reidentified_in_test: bool | None = fact(
        "Whether the re-identification test managed to single out or re-identify people (Art. 1(1))."
    )


class Training(Facts):
    uses_personal_data: bool | None = fact("Whether training, fine-tuning or RAG data include personal data.")
    sources: list[TrainingSource] | None = fact("Where training data come from.")
    legal_basis: LegalBasis | None = fact(
        "The Art. 4 ground for training; 'none' states that training rests on no ground."
    )
    collected_for_training: bool | None = fact("Whether the data were collected for the purpose of training.")
    original_purpose_compatible: bool | None = fact(
        "Whether training is compatible with the purpose the data were collected for (Art. 3(1)(b))."
    )
    dataset_register: bool | None = fact(
        "A register of datasets with source, basis and person-level lineage."
    )
    licences_documented: bool | None = fact(
        "Whether dataset licences and terms of acquisition are documented."
    )
    sensitive_data_excluded: bool | None = fact("Whether sensitive data are filtered out at ingestion.")
    scraping_respects_optouts: bool | None = fact("Whether scraping honours robots rules and opt-outs.")
    anonymisation: Anonymisation | None = fact("Anonymisation of training data.")


class Inference(Facts):
    provider: ShortText | None = fact("Model provider called at inference, e.g. Mistral AI.")
    model: ShortText | None = fact("Model name.")
    self_hosted: bool | None = fact("Whether the model runs on the controller's own infrastructure.")
    provider_country: CountryCode | None = fact("Country where the provider is established.")
    hosting_country: CountryCode | None = fact("Country where the inference endpoint processes the data.")
    hosting_countries: list[CountryCode] | None = fact(
        "Every country the endpoint may serve from (several regions, failover): each is judged as a destination."
    )
    hosting_region: ShortText | None = fact("Provider region name, e.g. eu-west.")
    prompts_contain_personal_data: bool | None = fact(
        "Whether prompts sent to the model carry personal data."
    )
    pii_redaction_before_call: bool | None = fact(
        "Whether personal data are removed before the call (verified)."
    )
    api_data_retention_days: Days | None = fact("How long the provider keeps inputs and outputs.")
    zero_data_retention: bool | None = fact("Whether a zero-retention setting is in force.")
    provider_trains_on_inputs: bool | None = fact("Whether the provider may train on the inputs.")
    provider_training_consent: bool | None = fact(
        "Whether the persons gave prior consent to the provider re-using their inputs for its own purposes "
        "(Art. 4 §2)."
    )
    provider_reuse_legal_basis: LegalBasis | None = fact(
        "When the provider re-uses inputs without the persons' consent: the Art. 4 ground the controller relies "
        "on for that disclosure; 'none' states there is no ground."
    )
    provider_reuse_purpose_linked: bool | None = fact(
        "Whether the provider's re-use is directly linked to the legitimate functions of both the controller "
        "and the provider (Art. 4 §2)."
    )
    provider_reuse_exception_confirmed: bool | None = fact(
        "Whether counsel or the CNDP confirmed in writing that the Art. 4 ground relied on covers the provider's "
        "re-use without consent (the scope of the exceptions over disclosures is not settled)."
    )
    dpa_signed: bool | None = fact("Whether a data-processing agreement is signed with the provider.")


class Logging(Facts):
    prompts_logged: bool | None = fact("Whether prompts are logged.")
    outputs_logged: bool | None = fact("Whether model outputs are logged.")
    retention_days: Days | None = fact("How long logs are kept, in days.")
    indefinite: bool | None = fact("True when logs are kept with no end date.")
    pii_redaction: bool | None = fact("Whether personal data are redacted in logs.")
    access_restricted: bool | None = fact("Whether access to logs is restricted.")


class Voice(Facts):
    collects_voice: bool | None = fact("Whether voice recordings are collected.")
    speaker_identification: bool | None = fact("Whether voices are used to identify or verify speakers.")
    voice_cloning: bool | None = fact("Whether a person's voice is synthesised.")
    cloning_consent: bool | None = fact("Whether the person whose voice is cloned expressly consented.")
    dialects: list[Dialect] | None = fact("Languages and dialects processed.")
    infers: list[VoiceInference] | None = fact("What the system infers from voice.")
    audio_deleted_after_transcription: bool | None = fact("Whether raw audio is deleted once transcribed.")


class FacialRecognition(Facts):
    used: bool | None = fact("Whether faces are used to identify or authenticate people.")
    purpose: ShortText | None = fact("What facial recognition is used for.")
    template_storage: TemplateStorage | None = fact("Where face templates are stored.")
    hosting_country: CountryCode | None = fact("Country where templates are stored or matched.")
    alternative_offered: bool | None = fact("Whether people can use a non-biometric alternative.")


class AI(Facts):
    generative: bool | None = fact(
        "Whether the system generates free text, speech or images (as a language model does), rather than "
        "scores, labels or decisions."
    )
    training: Training | None = fact("Training, fine-tuning and retrieval data.")
    inference: Inference | None = fact("The model called at run time.")
    logging: Logging | None = fact("Prompt and output logs.")
    memorisation_tests: bool | None = fact("Whether the model is tested for memorised personal data.")
    memorised_personal_data_found: bool | None = fact(
        "Whether those tests found the model reproducing personal data from its training set."
    )
    impact_assessment: bool | None = fact(
        "Whether a documented privacy and AI impact assessment exists (best practice: the law has no DPIA duty)."
    )
    output_pii_filter: bool | None = fact("Whether outputs are filtered for personal data.")
    leakage_tests: bool | None = fact("Whether prompt-injection and data-exfiltration tests were run.")
    outputs_about_individuals: bool | None = fact(
        "Whether the system generates statements about real people."
    )
    output_correction_channel: bool | None = fact(
        "Whether a person can have a statement about them corrected."
    )
    output_grounding: bool | None = fact("Whether outputs about people are grounded in cited sources.")
    rag_sources_personal: bool | None = fact("Whether retrieval sources hold personal data.")
    voice: Voice | None = fact("Voice and speech processing.")
    facial_recognition: FacialRecognition | None = fact("Facial recognition.")
    erasure_from_models: ErasureFromModels | None = fact("How a person's data are removed from models.")
    explanation_method: ShortText | None = fact("How model decisions are explained.")
    ai_disclosed_to_users: bool | None = fact("Whether people are told they interact with an AI.")


class Sandbox(Facts):
    participant: bool | None = fact(
        "Whether the project takes part in a CNDP-supervised sandbox (context only)."
    )
    reference: ShortText | None = fact("Reference of the sandbox admission.")


class SensitiveData(Facts):
    art21_ground: Art21Ground | None = fact(
        "The ground relied on to process sensitive data (Art. 21): express consent, the controller's legal or "
        "statutory functions, vital interest, data manifestly made public by the person, or a legal claim; "
        "'none' states that no Art. 21 ground applies."
    )


class VideoSurveillance(Facts):
    used: bool | None = fact(
        "Whether cameras film people (video surveillance or computer vision on premises)."
    )
    workplace_or_shared_premises: bool | None = fact(
        "Whether cameras film a workplace or shared private premises (scope of CNDP Deliberation 350-2013)."
    )
    security_purpose_only: bool | None = fact(
        "Whether the only purpose is the security of goods and persons."
    )
    cameras_in_prohibited_areas: bool | None = fact(
        "Whether any camera films places of worship, union rooms, toilets, or staff break or meeting rooms."
    )
    retention_days: Days | None = fact("How long recordings are kept, in days.")
    signage_with_receipt_number: bool | None = fact(
        "Whether signs state the controller, the surveillance, its purpose, the rights contact and the CNDP "
        "receipt number."
    )


class EmployeeMonitoring(Facts):
    geolocation: bool | None = fact("Whether employees or their work vehicles are geolocated.")
    geolocation_purposes: list[GeolocationPurpose] | None = fact("What the geolocation is used for.")
    tracking_outside_working_time: bool | None = fact(
        "Whether geolocation stays active outside working time or continuously."
    )
    biometric_attendance: bool | None = fact("Whether attendance or access control uses biometrics.")
    staff_informed_individually: bool | None = fact("Whether each employee is informed individually.")


class Submission(Facts):
    """An AI project described once: the input of every assessment."""

    schema_version: Literal["1.1"] = Field(
        description="Version of this submission format. A submission in format 1.0 is accepted and upgraded on "
        "read (see compliance/domain/upgrade.py)."
    )
    project_name: ShortText = Field(description="Name of the AI project.")
    description: Text | None = fact("What the project does, in one or two sentences.")
    processes_personal_data: bool | None = fact(
        "Whether the project processes any information about identifiable people, including voice, images, "
        "identifiers and free-text prompts (Art. 1(1))."
    )
    live: bool | None = fact("Whether processing has started (false: pre-launch).")
    sectors: list[Sector] | None = fact("Sectors the project serves.")
    controller: Controller | None = fact("Who decides the purposes and means (Art. 1).")
    processings: Annotated[list[Processing], Field(max_length=MAX_PROCESSINGS)] | None = fact(
        "Each processing of personal data."
    )
    consent: Consent | None = fact("How consent is obtained, when it is the ground.")
    information_notice: InformationNotice | None = fact("The notice given to persons (Art. 5).")
    indirect_collection: IndirectCollection | None = fact("Data not collected from the persons themselves.")
    rights: Rights | None = fact("How the rights of Art. 7-9 are honoured.")
    automated_decisions: AutomatedDecisions | None = fact(
        "Decisions about people taken by the system (Art. 11)."
    )
    direct_marketing: DirectMarketing | None = fact("Prospection messages (Art. 10).")
    cndp: Cndp | None = fact("CNDP formalities completed.")
    transfers: list[Transfer] | None = fact("Transfers of personal data abroad (Art. 43-44).")
    processors: list[Processor] | None = fact("Processors acting for the controller (Art. 23).")
    security: Security | None = fact("Security measures (Art. 23-24).")
    sensitive: SensitiveData | None = fact("How sensitive data are processed lawfully (Art. 21).")
    ai: AI | None = fact("The AI block: training, inference, logs, memorisation, voice, faces.")
    video_surveillance: VideoSurveillance | None = fact(
        "Cameras filming people (CNDP Deliberation 350-2013)."
    )
    employee_monitoring: EmployeeMonitoring | None = fact(
        "Monitoring of employees: geolocation, biometric attendance (CNDP deliberations)."
    )
    cndp_sandbox: Sandbox | None = fact("Participation in a CNDP-supervised sandbox (context only).")
