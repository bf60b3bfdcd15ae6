"""The rule language: one rule per YAML file, conditions as a tagged union of structured predicates.

No expression language and no eval: a condition is data, validated by these models when the pack loads.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from compliance.domain.base import Frozen
from compliance.domain.citations import ARTICLE

RULE_ID_PATTERN = r"^L0908-[A-Z0-9]+(?:-[A-Z0-9]+)*$"
RuleId = Annotated[str, StringConstraints(pattern=RULE_ID_PATTERN)]
FactPath = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z_][a-z0-9_]*(?:\[\])?(?:\.[a-z_][a-z0-9_]*(?:\[\])?)*$"),
    Field(description="Dotted path into the submission facts; `[]` walks every item of a list."),
]
Scalar = str | int | float | bool


class Severity(StrEnum):
    blocker = "blocker"
    major = "major"
    minor = "minor"
    info = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: blocker 3, major 2, minor 1, info 0."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.blocker: 3, Severity.major: 2, Severity.minor: 1, Severity.info: 0}


class RefStatus(StrEnum):
    """How sure we are of the legal basis, as defined in docs/legal-basis.md §2."""

    verified = "verified"  # [V-TEXT], [V-CNDP]
    inferred = "inferred"  # [V-TEXT*], decree read in Arabic only, or our interpretation of a verified text
    secondary = "secondary"  # [SEC]
    unverified = "unverified"  # [UNVERIFIED]

    @property
    def can_fail(self) -> bool:
        """Only a verified or inferred basis may make a project fail."""
        return self in (RefStatus.verified, RefStatus.inferred)


class Enforcement(StrEnum):
    legal = "legal"  # a duty of Law 09-08 or its decree
    best_practice = "best_practice"  # beyond the law (DPIA, DPO, breach notification...): never fails


class Localized(Frozen):
    fr: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]
    ar: Annotated[str, StringConstraints(min_length=1)] | None = Field(
        default=None, description="Arabic text; French is shown while it is missing."
    )

    def get(self, lang: str) -> str:
        if lang == "ar":
            return self.ar or self.fr
        return self.fr if lang == "fr" else self.en


class LocalizedList(Frozen):
    fr: list[Annotated[str, StringConstraints(min_length=1)]]
    en: list[Annotated[str, StringConstraints(min_length=1)]]
    ar: list[Annotated[str, StringConstraints(min_length=1)]] | None = None

    def get(self, lang: str) -> list[str]:
        if lang == "ar":
            return self.ar or self.fr
        return self.fr if lang == "fr" else self.en

    @model_validator(mode="after")
    def _same_length(self) -> LocalizedList:
        if len(self.fr) != len(self.en) or (self.ar is not None and len(self.ar) != len(self.fr)):
            raise ValueError("fr, en and ar must list the same number of questions")
        return self


# An article number as the law numbers it: '12(1)(e)', '7(a)-(b)', '11 §2-3', '6(a), 6(c)'. Anything worded
# (a page of the CNDP's site, a deliberation's subject) is a text, written in every language.
ARTICLE_NUMBER = r"^\d+(?:\d|\((?:\d+|[a-z])\)|§\d+| |-|–|,)*$"
ArticleNumber = Annotated[str, StringConstraints(pattern=ARTICLE_NUMBER)]


class Reference(Frozen):
    instrument: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="Law 09-08, Decree 2-09-165, a CNDP deliberation or guidance: a key of "
        "rules/reference/instruments.yaml, which names it in every language."
    )
    article: ArticleNumber | Localized = Field(
        description="Article cited, e.g. '12(1)(e)'; what is not an article number is a text in every language."
    )
    status: RefStatus = Field(description="Verification status of this reference.")
    note: Localized | None = Field(default=None, description="Why this status, or what remains to check.")
    name: Localized | None = Field(
        default=None,
        description="The instrument's name in every language: set by the loader from "
        "rules/reference/instruments.yaml, never written in a rule file.",
        json_schema_extra={"readOnly": True},
    )

    @field_validator("article", mode="before")
    @classmethod
    def _number_or_text(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.match(ARTICLE_NUMBER, value):
            raise ValueError(
                f"'{value}' is not an article number: write its words in each language, {{fr: ..., en: ...}}"
            )
        return value

    def article_in(self, lang: str) -> str:
        return self.article if isinstance(self.article, str) else self.article.get(lang)

    def cite(self, lang: str = "en") -> str:
        """'Art. 12(1)(e)', 'Art. 46 (Decree 2-09-165)', 'page … (CNDP)', in the reader's language."""
        article = self.article_in(lang)
        if self.instrument.startswith(("Law", "Decree")):
            article = ARTICLE.text("article", lang, number=article)
        if self.instrument == "Law 09-08":
            return article
        return f"{article} ({self.name.get(lang) if self.name is not None else self.instrument})"


class Penalty(Frozen):
    """The penal article a failure exposes to, with the ranges for a natural person (Art. 52-63)."""

    article: Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
    prison_months: tuple[int, int] | None = Field(default=None, description="Prison range in months, if any.")
    fine_mad: tuple[int, int] = Field(description="Fine range in dirhams for a natural person.")
    per_infringement: bool = Field(
        default=False, description="Whether the fine applies per infringement (Art. 53)."
    )

    @property
    def company_fine_mad(self) -> tuple[int, int]:
        """Art. 64: fines are doubled when the offender is a legal person."""
        return (self.fine_mad[0] * 2, self.fine_mad[1] * 2)


# ---------------------------------------------------------------- conditions


class _Leaf(Frozen):
    path: FactPath


class AllOf(Frozen):
    op: Literal["all"]
    of: list[Condition] = Field(min_length=1)


class AnyOf(Frozen):
    op: Literal["any"]
    of: list[Condition] = Field(min_length=1)


class Not(Frozen):
    op: Literal["not"]
    condition: Condition


class Doubtful(Frozen):
    """The inner condition, where true becomes unknown: the rule asks instead of passing (false stays false).

    For a situation the law does not settle (law-09-08.md marks it unverified, or sets no figure): it may
    never pass on its own, and only what the inner condition excludes fails.
    """

    op: Literal["doubtful"]
    condition: Condition


class Eq(_Leaf):
    op: Literal["eq"]
    value: Scalar


class In(_Leaf):
    op: Literal["in"]
    values: list[Scalar] = Field(min_length=1)


class Contains(_Leaf):
    op: Literal["contains"]
    value: Scalar


class Intersects(_Leaf):
    op: Literal["intersects"]
    values: list[Scalar] = Field(min_length=1)


class SubsetOf(_Leaf):
    """Every value at path is one of `values` (true for an empty list)."""

    op: Literal["subset_of"]
    values: list[Scalar] = Field(min_length=1)


class Exists(_Leaf):
    """The fact is stated (not null). Never unknown."""

    op: Literal["exists"]


class IsTrue(_Leaf):
    op: Literal["is_true"]


class Affirmed(_Leaf):
    """The fact is stated true; false or not stated are unknown, so the rule asks instead of failing.

    For duties whose absence must be confirmed before a failure is declared (docs/legal-basis.md §5, transfers).
    """

    op: Literal["affirmed"]


class Stated(_Leaf):
    """The fact is stated (true), or unknown when it is not: unlike `exists`, never false."""

    op: Literal["stated"]


class IsFalse(_Leaf):
    op: Literal["is_false"]


class _Compare(_Leaf):
    value: int | float | str | None = None
    to_path: FactPath | None = Field(
        default=None, description="Compare with another fact instead of a value."
    )

    @model_validator(mode="after")
    def _one_operand(self) -> _Compare:
        if (self.value is None) == (self.to_path is None):
            raise ValueError("give exactly one of 'value' or 'to_path'")
        return self


class Lte(_Compare):
    op: Literal["lte"]


class Gte(_Compare):
    op: Literal["gte"]


class Count(_Leaf):
    """Number of items at path (a list, or every value reached through `[]`)."""

    op: Literal["count"]
    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _bound(self) -> Count:
        if self.min is None and self.max is None:
            raise ValueError("give 'min', 'max' or both")
        return self


class Every(_Leaf):
    """The condition holds for every item of the list at path (evaluated relative to the item)."""

    op: Literal["every"]
    condition: Condition


class Some(_Leaf):
    """The condition holds for at least one item of the list at path."""

    op: Literal["some"]
    condition: Condition


class Matches(_Leaf):
    """The text at path matches a regular expression (search, case-insensitive)."""

    op: Literal["matches"]
    pattern: str


class Const(Frozen):
    """A constant truth value, for rules that always apply."""

    op: Literal["true", "false"]


Condition = Annotated[
    AllOf
    | AnyOf
    | Not
    | Doubtful
    | Eq
    | In
    | Contains
    | Intersects
    | SubsetOf
    | Exists
    | IsTrue
    | Affirmed
    | Stated
    | IsFalse
    | Lte
    | Gte
    | Count
    | Every
    | Some
    | Matches
    | Const,
    Field(discriminator="op"),
]

# The recursive models resolve `Condition` when first built (`defer_build`): a process that only reads a
# cached pack (compliance.service.pack_cache) never builds the rule language.


class SeverityOverride(Frozen):
    when: Condition
    severity: Severity


class Rule(Frozen):
    id: RuleId = Field(description="Stable identifier, never reused.")
    title: Localized
    chapter: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    severity: Severity
    severity_overrides: list[SeverityOverride] = Field(
        default_factory=list, description="First matching override sets the severity of a failure."
    )
    enforcement: Enforcement = Enforcement.legal
    references: list[Reference] = Field(min_length=1)
    penalty: Penalty | None = None
    applies_when: Condition = Field(default_factory=lambda: Const(op="true"))
    require: Condition
    explain: Localized
    remediation: Localized
    questions: LocalizedList
    since: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    tags: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]] = Field(default_factory=list)

    @property
    def basis_status(self) -> RefStatus:
        """The strongest verification status among the references."""
        order = [RefStatus.verified, RefStatus.inferred, RefStatus.secondary, RefStatus.unverified]
        return min((r.status for r in self.references), key=order.index)

    @property
    def can_fail(self) -> bool:
        """A best-practice rule, or one resting only on unverified/secondary sources, never fails."""
        return self.enforcement is Enforcement.legal and self.basis_status.can_fail

    @model_validator(mode="after")
    def _coherent(self) -> Rule:
        if self.enforcement is Enforcement.best_practice and self.severity is not Severity.info:
            raise ValueError("a best_practice rule must have severity 'info'")
        if not self.questions.fr:
            raise ValueError("questions: at least one question per language is required")
        return self


def scalar_repr(value: Any) -> str:
    """A short, stable rendering of a fact value for traces and reports."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(scalar_repr(v) for v in value) + "]"
    return str(value)
