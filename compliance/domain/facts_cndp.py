"""Blocks of a submission about prospection, CNDP formalities, transfers abroad and processors."""

from __future__ import annotations

import datetime as _dt
from datetime import date
from typing import Annotated

from pydantic import StringConstraints

from compliance.domain.facts import CountryCode, Days, Facts, ShortText, Text, fact
from compliance.domain.grades import FormCode
from compliance.domain.vocabulary import (
    AuthorisationGround,
    CndpActKind,
    ContactSource,
    DataCategory,
    DataSubject,
    Formality,
    MarketingChannel,
    RecipientRole,
    RequestDecision,
    TrainingSource,
    TransferMechanism,
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
