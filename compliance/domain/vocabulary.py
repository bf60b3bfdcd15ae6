"""Closed vocabularies of the submission format.

Every enumeration is a ``StrEnum`` so that a value reads the same in YAML, JSON and the JSON Schema.
"""

from __future__ import annotations

from enum import StrEnum


class LegalBasis(StrEnum):
    """The grounds of Art. 4: consent, or one of the exceptions (a)-(e); `none` states that no ground is relied
    on (a processing without a ground fails Art. 4). Leaving the fact out means "not stated"."""

    none = "none"
    consent = "consent"
    legal_obligation = "legal_obligation"
    contract = "contract"
    vital_interest = "vital_interest"
    public_interest = "public_interest"
    legitimate_interest = "legitimate_interest"


class DataCategory(StrEnum):
    identification = "identification"
    contact = "contact"
    cin_number = "cin_number"
    passport_number = "passport_number"
    online_identifier = "online_identifier"
    image = "image"
    video = "video"
    voice_recording = "voice_recording"
    voiceprint = "voiceprint"
    face_template = "face_template"
    fingerprint = "fingerprint"
    other_biometric = "other_biometric"
    health = "health"
    genetic = "genetic"
    racial_ethnic_origin = "racial_ethnic_origin"
    political_opinion = "political_opinion"
    religious_belief = "religious_belief"
    philosophical_belief = "philosophical_belief"
    trade_union = "trade_union"
    offences_convictions = "offences_convictions"
    location = "location"
    financial = "financial"
    behavioural = "behavioural"
    minors_data = "minors_data"
    employee_data = "employee_data"
    free_text_prompts = "free_text_prompts"


class DataSubject(StrEnum):
    customers = "customers"
    prospects = "prospects"
    users = "users"
    employees = "employees"
    job_applicants = "job_applicants"
    patients = "patients"
    minors = "minors"
    students = "students"
    citizens = "citizens"
    members = "members"
    visitors = "visitors"
    farmers = "farmers"
    public_figures = "public_figures"
    social_media_users = "social_media_users"
    other = "other"


class CollectionSource(StrEnum):
    direct = "direct"
    indirect = "indirect"
    both = "both"


class ConsentMechanism(StrEnum):
    unticked_checkbox = "unticked_checkbox"
    signed_form = "signed_form"
    bundled_tos = "bundled_tos"
    pre_ticked = "pre_ticked"
    implied = "implied"
    verbal = "verbal"
    none = "none"


class NoticeItem(StrEnum):
    controller_identity = "controller_identity"
    representative = "representative"
    purposes = "purposes"
    recipients = "recipients"
    mandatory_optional = "mandatory_optional"
    consequences_of_refusal = "consequences_of_refusal"
    access_rectification_rights = "access_rectification_rights"
    opposition_right = "opposition_right"
    cndp_receipt_reference = "cndp_receipt_reference"
    open_network_warning = "open_network_warning"
    retention = "retention"
    transfers = "transfers"
    ai_disclosure = "ai_disclosure"


class Language(StrEnum):
    """Languages and dialects by their ISO 639 code, one vocabulary for notices and for voice (the member
    names are what an error message suggests when a name is written instead of the code)."""

    arabic = "ar"  # Standard Arabic
    darija = "ary"  # Moroccan Arabic
    hassaniya = "mey"
    tamazight = "zgh"  # Standard Moroccan Tamazight
    french = "fr"
    english = "en"
    spanish = "es"


class InformationExemption(StrEnum):
    """The cases of Art. 6 where the persons need not be informed, besides impossibility (6(b), see
    `info_plan: impossible`); `none` states that none applies."""

    none = "none"
    defence_security_crime = "defence_security_crime"  # Art. 6(a)
    law_provides_recording = "law_provides_recording"  # Art. 6(c)
    journalistic_artistic_literary = "journalistic_artistic_literary"  # Art. 6(d)


class InformationPlan(StrEnum):
    at_recording = "at_recording"
    at_first_disclosure = "at_first_disclosure"
    impossible = "impossible"
    none = "none"


class MarketingChannel(StrEnum):
    email = "email"
    sms = "sms"
    whatsapp = "whatsapp"
    automated_call = "automated_call"
    voice_bot = "voice_bot"
    fax = "fax"
    push = "push"
    postal = "postal"
    human_call = "human_call"


class ContactSource(StrEnum):
    """Where the contact details a prospection consent was collected with come from."""

    collected_from_person = "collected_from_person"
    bought_list = "bought_list"
    scraped = "scraped"
    partner_list = "partner_list"


class Formality(StrEnum):
    none = "none"
    declaration = "declaration"
    simplified_declaration = "simplified_declaration"
    authorisation = "authorisation"
    simplified_authorisation = "simplified_authorisation"


class CndpActKind(StrEnum):
    """A CNDP act on file: a declaration receipt (Art. 19), an authorisation (Art. 12(1), 21), a transfer
    authorisation (Art. 44(3), form F118) or a transfer notification (Decree Art. 46)."""

    declaration_receipt = "declaration_receipt"
    authorisation = "authorisation"
    transfer_authorisation = "transfer_authorisation"
    transfer_notification = "transfer_notification"


class AuthorisationGround(StrEnum):
    """The grounds that put a processing on the authorisation track (the ids of
    `rules/reference/formality-triggers.yaml`): what an authorisation, a request or a statute covers."""

    sensitive_data = "sensitive-data"
    health_data = "health-data"
    reuse_other_purpose = "reuse-other-purpose"
    genetic_data = "genetic-data"
    offences = "offences"
    cin_number = "cin-number"
    interconnection = "interconnection"
    biometrics = "biometrics"


class BalancingConclusion(StrEnum):
    """What the controller's own legitimate-interest test concluded (Art. 4(e))."""

    interest_prevails = "interest_prevails"
    persons_rights_prevail = "persons_rights_prevail"


class RequestDecision(StrEnum):
    """Where an authorisation request stands. Under Decree Art. 28 the CNDP decides within two months,
    extendable once by a reasoned decision; silence past the limit counts as authorisation."""

    pending = "pending"
    granted = "granted"
    refused = "refused"


class TransferMechanism(StrEnum):
    """Art. 43 (listed country) and the derogations of Art. 44; `none` states that the transfer rests on no
    ground at all (to a country off the list it fails Art. 43-44). Leaving the fact out means "not stated"."""

    none = "none"
    adequacy_list = "adequacy_list"
    express_consent = "express_consent"
    necessity_vital_interest = "necessity_vital_interest"
    necessity_public_interest = "necessity_public_interest"
    necessity_legal_claim = "necessity_legal_claim"
    necessity_contract_with_person = "necessity_contract_with_person"
    necessity_contract_in_person_interest = "necessity_contract_in_person_interest"
    necessity_judicial_assistance = "necessity_judicial_assistance"
    necessity_medical = "necessity_medical"
    international_agreement = "international_agreement"
    cndp_authorisation = "cndp_authorisation"


class RecipientRole(StrEnum):
    processor = "processor"
    controller = "controller"


class ControllerKind(StrEnum):
    private_company = "private_company"
    non_profit = "non_profit"
    public_authority = "public_authority"
    # A legal person managing a public service (Art. 49: may process offence data within its legal remit).
    public_service_legal_person = "public_service_legal_person"
    court = "court"
    auxiliaire_de_justice = "auxiliaire_de_justice"
    copyright_body = "copyright_body"
    health_professional = "health_professional"
    individual = "individual"


class TrainingSource(StrEnum):
    first_party_customers = "first_party_customers"
    user_prompts = "user_prompts"
    web_scraping = "web_scraping"
    social_media = "social_media"
    licensed_dataset = "licensed_dataset"
    public_records = "public_records"
    partner_data = "partner_data"
    synthetic = "synthetic"
    open_dataset = "open_dataset"


class TemplateStorage(StrEnum):
    device = "device"
    individual_card = "individual_card"
    server = "server"
    third_party = "third_party"


class ErasureFromModels(StrEnum):
    none = "none"
    filtering = "filtering"
    retraining = "retraining"
    unlearning = "unlearning"


Dialect = Language  # the languages a voice system processes use the same codes as notices


class VoiceInference(StrEnum):
    health = "health"
    emotion = "emotion"
    ethnicity = "ethnicity"
    age = "age"
    gender = "gender"


class Sector(StrEnum):
    health = "health"
    employment = "employment"
    finance = "finance"
    education = "education"
    public_sector = "public_sector"
    political = "political"
    security = "security"
    agriculture = "agriculture"
    energy = "energy"
    tourism = "tourism"
    retail = "retail"
    telecom = "telecom"
    other = "other"


class DecisionEffect(StrEnum):
    """What an automated decision does to the person (Art. 11)."""

    legal = "legal"
    similarly_significant = "similarly_significant"
    minor = "minor"
    none = "none"


class Art21Ground(StrEnum):
    """The grounds on which sensitive data may be processed (Art. 21); `none` states that none applies (the
    processing of sensitive data then fails Art. 21). Leaving the fact out means "not stated"."""

    none = "none"
    express_consent = "express_consent"
    legal_or_statutory_function = "legal_or_statutory_function"
    vital_interest = "vital_interest"
    made_public_by_person = "made_public_by_person"
    legal_claim = "legal_claim"


class HealthPurpose(StrEnum):
    """What health or genetic data are used for (Art. 12(1)(c), 22)."""

    preventive_medicine = "preventive_medicine"
    diagnosis = "diagnosis"
    care = "care"
    health_service_management = "health_service_management"
    # Art. 22, second indent: selecting persons eligible for a right, a benefit or a contract (its attachment is
    # unverified and Decree Art. 29 requires authorisation for health data: a question, never a pass).
    eligibility_selection = "eligibility_selection"
    research = "research"
    ai_training = "ai_training"
    other = "other"


class GeolocationPurpose(StrEnum):
    """Purposes of employee-vehicle geolocation; the first five are those CNDP Deliberation 17-2014 allows [SEC]."""

    fleet_optimisation = "fleet_optimisation"
    employee_safety = "employee_safety"
    goods_or_vehicle_security = "goods_or_vehicle_security"
    driver_performance = "driver_performance"
    service_billing = "service_billing"
    other = "other"


# Categories the law calls sensitive (Art. 1(3)), including health and genetic data.
SENSITIVE_CATEGORIES: frozenset[DataCategory] = frozenset(
    {
        DataCategory.racial_ethnic_origin,
        DataCategory.political_opinion,
        DataCategory.religious_belief,
        DataCategory.philosophical_belief,
        DataCategory.trade_union,
        DataCategory.health,
        DataCategory.genetic,
    }
)

# Biometric categories: not in the law's sensitive list; the CNDP's practice puts them on the authorisation track.
BIOMETRIC_CATEGORIES: frozenset[DataCategory] = frozenset(
    {
        DataCategory.voiceprint,
        DataCategory.face_template,
        DataCategory.fingerprint,
        DataCategory.other_biometric,
    }
)
