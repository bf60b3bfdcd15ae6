"""Blocks of a submission about security, the AI system, sensitive data and workplace monitoring."""

from __future__ import annotations

from datetime import date

from compliance.domain.facts import CountryCode, Days, Facts, ShortText, fact
from compliance.domain.vocabulary import (
    Art21Ground,
    Dialect,
    ErasureFromModels,
    GeolocationPurpose,
    LegalBasis,
    TemplateStorage,
    TrainingSource,
    VoiceInference,
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
