"""Which fact of its trace decided a finding, and where that fact is written in the submission.

A failure is decided by a fact that tested false, a question by a fact that is missing (its result is
unknown), a recommendation by either. When several did, the last one read decides: `any` and `every`
stop at the fact that settles them, so the last fact read is the one that settled the rule, not the gate
(`processes_personal_data`) read first. Derived facts are not written anywhere; the submission fact they
come from stands in for them only when no written fact is in the trace.
"""

from __future__ import annotations

from dataclasses import dataclass

from compliance.domain.outcomes import Finding, Outcome, TraceEntry
from compliance.reports.source_map import Place, SourceMap

DERIVED = "derived."

# Where a derived fact comes from in the submission, for traces that read only derived facts.
DECLARATION = ("cndp.declared", "cndp")  # the comparisons of compliance/engine/declared.py
DERIVED_SOURCES: dict[str, tuple[str, ...]] = {
    "data_categories": ("processings[0].data_categories", "processings"),
    "sensitive_categories": ("processings[0].data_categories", "processings"),
    "biometric_categories": ("processings[0].data_categories", "processings"),
    "foreign_destinations": ("transfers", "processors", "ai.inference.hosting_country"),
    "has_cndp_act": ("cndp.receipt_number", "cndp.authorisation_number", "cndp"),
    "has_authorisation": ("cndp.authorisation_number", "cndp"),
    "automated_marketing_channels": ("direct_marketing.channels", "direct_marketing"),
    "ai_uses_personal_data": ("ai",),
    "required_regime": ("cndp.formality", "cndp"),
    "legal_regime": ("cndp.formality", "cndp"),
    "authorisation_triggers": ("cndp.formality", "cndp"),
    "legal_authorisation_triggers": ("cndp.formality", "cndp"),
    "authorisation_cover": ("cndp.acts", "cndp.authorisation_number", "cndp.authorisation_requests", "cndp"),
    "uncovered_authorisation_triggers": ("cndp.acts", "cndp.authorisation_number", "cndp"),
    "authorised_on": ("cndp.acts", "cndp.authorisation_number", "cndp"),
    "has_receipt": ("cndp.receipt_number", "cndp"),
    "receipt_on": ("cndp.receipt_date", "cndp"),
    "undeclared_purposes": DECLARATION,
    "undeclared_data_categories": DECLARATION,
    "undeclared_data_subjects": DECLARATION,
    "undeclared_recipients": DECLARATION,
    "undeclared_processors": DECLARATION,
    "declared_controller_matches": DECLARATION,
    "declared_representative_matches": DECLARATION,
    "processing_consents": ("processings",),
    "unconsented_marketing_channels": ("direct_marketing.consented_channels", "direct_marketing"),
    "marketing_consent_from_lists": ("direct_marketing.consented_channels", "direct_marketing"),
}


@dataclass(frozen=True, slots=True)
class Located:
    """The fact a finding points at and where it is (or belongs) in the submission."""

    path: str
    place: Place


def deciding_fact(finding: Finding) -> TraceEntry | None:
    """The written fact that decided the finding, or None when only derived facts were read."""
    written = [t for t in finding.trace if not t.path.startswith(DERIVED)]
    wanted: tuple[bool | None, ...] = (False,) if finding.outcome is Outcome.fail else (None, False)
    for result in wanted:
        for entry in reversed(written):
            if entry.result is result:
                return entry
    return written[-1] if written else None


def _derived_source(finding: Finding, source: SourceMap) -> str | None:
    for entry in finding.trace:
        name = entry.path.removeprefix(DERIVED).split("[", 1)[0].split(".", 1)[0]
        for candidate in DERIVED_SOURCES.get(name, ()):
            if source.place(candidate).written:
                return candidate
    return None


def locate(finding: Finding, source: SourceMap) -> Located:
    """The fact to annotate: the deciding written fact, else the source of a derived one, else the document."""
    entry = deciding_fact(finding)
    path = entry.path if entry is not None else _derived_source(finding, source)
    if path is None:
        path = finding.trace[0].path if finding.trace else ""
    return Located(path, source.place(path))
