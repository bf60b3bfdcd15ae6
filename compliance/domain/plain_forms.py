"""What an assessment shows, in plain slotted classes beside the pydantic models, for a warm text `check`.

The models (`Localized`, `Reference`, `Finding`, `FormalityPlan`, `Assessment`...) are what the service stores,
validates and serialises. A warm `compliance check` writing a text report only reads them, and importing
pydantic and defining the models is most of its start-up: it builds these instead, attribute for attribute
the same, from plain forms of the pack kept in the pack cache (`compliance.service.pack_cache`). The methods a
report calls (`get`, `cite`, `failing`...) are written once, in the mixins here, which the models inherit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from compliance.domain.citations import ARTICLE
from compliance.domain.grades import FormCode, Outcome, RefStatus, Regime, Severity, TraceEntry, Verdict

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


class PlainTexts(Worded):
    __slots__ = ("ar", "en", "fr")

    def __init__(self, fr: str, en: str, ar: str | None = None) -> None:
        self.fr = fr
        self.en = en
        self.ar = ar


class PlainTextList(Worded):
    __slots__ = ("ar", "en", "fr")

    def __init__(self, fr: list[str], en: list[str], ar: list[str] | None = None) -> None:
        self.fr = fr
        self.en = en
        self.ar = ar


class PlainReference(Citing):
    __slots__ = ("article", "instrument", "name", "note", "status")

    def __init__(
        self,
        instrument: str,
        article: str | PlainTexts,
        status: RefStatus,
        note: PlainTexts | None = None,
        name: PlainTexts | None = None,
    ) -> None:
        self.instrument = instrument
        self.article = article
        self.status = status
        self.note = note
        self.name = name


class PlainPenalty:
    __slots__ = ("article", "company_fine_mad", "fine_mad", "per_infringement", "prison_months")

    def __init__(
        self,
        article: str,
        prison_months: tuple[int, int] | None,
        fine_mad: tuple[int, int],
        company_fine_mad: tuple[int, int],
        per_infringement: bool = False,
    ) -> None:
        self.article = article
        self.prison_months = prison_months
        self.fine_mad = fine_mad
        self.company_fine_mad = company_fine_mad
        self.per_infringement = per_infringement


class PlainPackInfo:
    __slots__ = ("hash", "id", "law_version", "rule_count", "version")

    def __init__(self, id: str, version: str, law_version: str, hash: str, rule_count: int) -> None:
        self.id = id
        self.version = version
        self.law_version = law_version
        self.hash = hash
        self.rule_count = rule_count


class TriggerHead:
    """A formality trigger as an assessment shows it: everything but its condition, which runs compiled."""

    __slots__ = ("article", "id", "reason", "status")

    def __init__(self, id: str, article: str, status: RefStatus, reason: Localized | PlainTexts) -> None:
        self.id = id
        self.article = article
        self.status = status
        self.reason = reason


class PlainCountry:
    __slots__ = ("verified",)

    def __init__(self, verified: bool) -> None:
        self.verified = verified


class PlainAdequacy(Listing):
    __slots__ = ("countries", "doubtful")

    def __init__(self, countries: dict[str, PlainCountry], doubtful: dict[str, None]) -> None:
        self.countries = countries
        self.doubtful = doubtful


class PlainTrigger:
    __slots__ = ("article", "certain", "facts", "id", "reason", "status")

    def __init__(
        self,
        id: str,
        article: str,
        status: RefStatus,
        reason: PlainTexts,
        certain: bool,
        facts: list[TraceEntry],
    ) -> None:
        self.id = id
        self.article = article
        self.status = status
        self.reason = reason
        self.certain = certain
        self.facts = facts


class PlainTransfer:
    __slots__ = (
        "country",
        "covered_by_cndp",
        "form",
        "list_verified",
        "on_adequacy_list",
        "reason",
        "sources",
    )

    def __init__(
        self,
        country: str,
        on_adequacy_list: bool,
        list_verified: bool,
        sources: list[str],
        covered_by_cndp: bool,
        reason: PlainTexts,
        form: FormCode = FormCode.F118,
    ) -> None:
        self.country = country
        self.on_adequacy_list = on_adequacy_list
        self.list_verified = list_verified
        self.sources = sources
        self.covered_by_cndp = covered_by_cndp
        self.reason = reason
        self.form = form


class PlainPlan:
    __slots__ = ("forms", "possible_triggers", "regime", "summary", "transfers", "triggers")

    def __init__(
        self,
        regime: Regime,
        forms: list[FormCode],
        triggers: list[PlainTrigger],
        possible_triggers: list[PlainTrigger],
        transfers: list[PlainTransfer],
        summary: PlainTexts,
    ) -> None:
        self.regime = regime
        self.forms = forms
        self.triggers = triggers
        self.possible_triggers = possible_triggers
        self.transfers = transfers
        self.summary = summary


class PlainFinding:
    __slots__ = (
        "basis_status",
        "chapter",
        "correction",
        "explanation",
        "outcome",
        "penalty",
        "questions",
        "references",
        "remediation",
        "rule_id",
        "severity",
        "title",
        "trace",
        "waiver",
    )

    def __init__(
        self,
        rule_id: str,
        chapter: str,
        title: PlainTexts,
        outcome: Outcome,
        severity: Severity,
        basis_status: RefStatus,
        references: list[PlainReference],
        trace: list[TraceEntry],
        explanation: PlainTexts | None = None,
        remediation: PlainTexts | None = None,
        questions: PlainTextList | None = None,
        penalty: PlainPenalty | None = None,
        waiver: None = None,
        correction: None = None,
    ) -> None:
        self.rule_id = rule_id
        self.chapter = chapter
        self.title = title
        self.outcome = outcome
        self.severity = severity
        self.basis_status = basis_status
        self.references = references
        self.trace = trace
        self.explanation = explanation
        self.remediation = remediation
        self.questions = questions
        self.penalty = penalty
        self.waiver = waiver
        self.correction = correction


class PlainAssessment(Gating):
    __slots__ = (
        "counts",
        "findings",
        "formalities",
        "pack",
        "project_name",
        "review",
        "submission_hash",
        "verdict",
    )

    def __init__(
        self,
        project_name: str,
        submission_hash: str,
        pack: PlainPackInfo,
        verdict: Verdict,
        counts: dict[str, int],
        findings: list[PlainFinding],
        formalities: PlainPlan,
        review: None = None,
    ) -> None:
        self.project_name = project_name
        self.submission_hash = submission_hash
        self.pack = pack
        self.verdict = verdict
        self.counts = counts
        self.findings = findings
        self.formalities = formalities
        self.review = review
