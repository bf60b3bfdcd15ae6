"""The submission: one AI project described by its facts.

Every fact is optional and ``None`` means *not stated*, never *no*: the engine answers ``needs_info`` when a
rule needs a fact that is missing. An empty list means "stated: none".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from compliance.domain.bounds import MAX_PROCESSINGS
from compliance.domain.facts import Facts, ShortText, Text, fact
from compliance.domain.facts_ai import (
    AI,
    EmployeeMonitoring,
    Sandbox,
    Security,
    SensitiveData,
    VideoSurveillance,
)
from compliance.domain.facts_cndp import Cndp, DirectMarketing, Processor, Transfer
from compliance.domain.facts_processing import (
    AutomatedDecisions,
    Consent,
    Controller,
    IndirectCollection,
    InformationNotice,
    Processing,
    Rights,
)
from compliance.domain.upgrade import SCHEMA_VERSION
from compliance.domain.vocabulary import (
    Sector,
)

__all__ = ["SCHEMA_VERSION", "Facts", "fact"]


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


# What the reports read a submission from: the model, or the facts it dumps in JSON mode (what a warm check reads
# without pydantic, `compliance.service.plain_submission`).
SubmissionData = Submission | dict[str, Any]
