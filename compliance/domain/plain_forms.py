"""What an assessment shows, in plain slotted classes beside the pydantic models, for a warm text `check`.

The models (`Localized`, `Reference`, `Finding`, `FormalityPlan`, `Assessment`...) are what the service stores,
validates and serialises. A warm `compliance check` writing a text report only reads them, and importing
pydantic and defining the models is most of its start-up: it builds these instead, attribute for attribute
the same, from plain forms of the pack kept in the pack cache (`compliance.service.pack_cache`). The methods a
report calls (`get`, `cite`, `failing`...) are written once, in the mixins here, which the models inherit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from compliance.domain.citations import ARTICLE
from compliance.domain.grades import Outcome, RefStatus, Regime, Severity, TraceEntry, Verdict
from compliance.domain.vocabulary import FormCode

if TYPE_CHECKING:
    from compliance.domain.basis import Localized

T_co = TypeVar("T_co", covariant=True)


class _InLanguages(Protocol[T_co]):
    @property
    def fr(self) -> T_co: ...
    @property
    def en(self) -> T_co: ...
    @property
    def ar(self) -> T_co | None: ...


class Worded:
    """A text (or list of texts) in French, English and, when translated, Arabic."""

    __slots__ = ()

    def get(self: _InLanguages[T_co], lang: str) -> T_co:
        if lang == "ar":
            return self.ar or self.fr
        return self.fr if lang == "fr" else self.en


class _Cited(Protocol):
    @property
    def instrument(self) -> str: ...
    @property
    def article(self) -> str | Localized | PlainTexts: ...
    @property
    def name(self) -> Localized | PlainTexts | None: ...


class Citing:
    """A reference to the law, cited in the reader's language."""

    __slots__ = ()

    def article_in(self: _Cited, lang: str) -> str:
        return self.article if isinstance(self.article, str) else self.article.get(lang)

    def cite(self: _Cited, lang: str = "en") -> str:
        """'Art. 12(1)(e)', 'Art. 46 (Decree 2-09-165)', 'page … (CNDP)', in the reader's language."""
        article = Citing.article_in(self, lang)
        if self.instrument.startswith(("Law", "Decree")):
            article = ARTICLE.text("article", lang, number=article)
        if self.instrument == "Law 09-08":
            return article
        return f"{article} ({self.name.get(lang) if self.name is not None else self.instrument})"


class _Open(Protocol):
    @property
    def outcome(self) -> Outcome: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def waiver(self) -> Any: ...


F = TypeVar("F", bound=_Open)
F_co = TypeVar("F_co", bound=_Open, covariant=True)


class _Findings(Protocol[F_co]):
    @property
    def findings(self) -> Sequence[F_co]: ...


class Gating:
    """The findings of an assessment that stand in the way at a threshold."""

    __slots__ = ()

    def _open(self: _Findings[F], outcome: Outcome, threshold: Severity) -> list[F]:
        return [
            f
            for f in self.findings
            if f.outcome is outcome and f.waiver is None and f.severity.rank >= threshold.rank
        ]

    def failing(self: _Findings[F], threshold: Severity) -> list[F]:
        """Failures at or above the threshold that no waiver covers."""
        return Gating._open(self, Outcome.fail, threshold)

    def missing(self: _Findings[F], threshold: Severity) -> list[F]:
        """Missing information at or above the threshold that no waiver covers."""
        return Gating._open(self, Outcome.needs_info, threshold)


class _Listed(Protocol):
    @property
    def countries(self) -> dict[str, Any]: ...
    @property
    def doubtful(self) -> dict[str, Any]: ...


class Listing:
    """The Art. 43 list: on it, doubtful (absent from our sources, plausibly on the CNDP's list), or not."""

    __slots__ = ()

    def state(self: _Listed, country: str) -> str:
        if country in self.countries:
            return "listed"
        return "doubtful" if country in self.doubtful else "not_listed"


@dataclass(frozen=True, slots=True)
class PlainTexts(Worded):
    fr: str
    en: str
    ar: str | None = None


@dataclass(frozen=True, slots=True)
class PlainTextList(Worded):
    fr: list[str]
    en: list[str]
    ar: list[str] | None = None


@dataclass(frozen=True, slots=True)
class PlainReference(Citing):
    instrument: str
    article: str | PlainTexts
    status: RefStatus
    note: PlainTexts | None = None
    name: PlainTexts | None = None


@dataclass(frozen=True, slots=True)
class PlainPenalty:
    article: str
    prison_months: tuple[int, int] | None
    fine_mad: tuple[int, int]
    company_fine_mad: tuple[int, int]
    per_infringement: bool = False


@dataclass(frozen=True, slots=True)
class PlainPackInfo:
    id: str
    version: str
    law_version: str
    hash: str
    rule_count: int


@dataclass(frozen=True, slots=True)
class TriggerHead:
    """A formality trigger as an assessment shows it: everything but its condition, which runs compiled."""

    id: str
    article: str
    status: RefStatus
    reason: Localized | PlainTexts


@dataclass(frozen=True, slots=True)
class PlainCountry:
    verified: bool


@dataclass(frozen=True, slots=True)
class PlainAdequacy(Listing):
    countries: dict[str, PlainCountry]
    doubtful: dict[str, None]


@dataclass(frozen=True, slots=True)
class PlainTrigger:
    id: str
    article: str
    status: RefStatus
    reason: PlainTexts
    certain: bool
    facts: list[TraceEntry]


@dataclass(frozen=True, slots=True)
class PlainTransfer:
    country: str
    on_adequacy_list: bool
    list_verified: bool
    sources: list[str]
    covered_by_cndp: bool
    reason: PlainTexts
    form: FormCode = FormCode.F118


@dataclass(frozen=True, slots=True)
class PlainPlan:
    regime: Regime
    forms: list[FormCode]
    triggers: list[PlainTrigger]
    possible_triggers: list[PlainTrigger]
    transfers: list[PlainTransfer]
    summary: PlainTexts


@dataclass(frozen=True, slots=True)
class PlainFinding:
    rule_id: str
    chapter: str
    title: PlainTexts
    outcome: Outcome
    severity: Severity
    basis_status: RefStatus
    references: list[PlainReference]
    trace: list[TraceEntry]
    explanation: PlainTexts | None = None
    remediation: PlainTexts | None = None
    questions: PlainTextList | None = None
    penalty: PlainPenalty | None = None
    waiver: None = None
    correction: None = None


@dataclass(frozen=True, slots=True)
class PlainAssessment(Gating):
    project_name: str
    submission_hash: str
    pack: PlainPackInfo
    verdict: Verdict
    counts: dict[str, int]
    findings: list[PlainFinding]
    formalities: PlainPlan
    review: None = None
