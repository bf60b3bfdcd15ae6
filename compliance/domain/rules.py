"""The rule language: one rule per YAML file, conditions as a tagged union of structured predicates.

No expression language and no eval: a condition is data, validated by these models when the pack loads.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from compliance.domain.base import Frozen
from compliance.domain.basis import (
    ARTICLE_NUMBER,
    RULE_ID_PATTERN,
    Enforcement,
    Localized,
    LocalizedList,
    Reference,
    RefStatus,
    Severity,
    scalar_repr,
)

# What lives in `compliance.domain.basis` is re-exported: every importer of the rule language keeps working.
__all__ = [
    "ARTICLE_NUMBER",
    "RULE_ID_PATTERN",
    "Affirmed",
    "AllOf",
    "AnyOf",
    "Condition",
    "Const",
    "Contains",
    "Count",
    "Doubtful",
    "Enforcement",
    "Eq",
    "Every",
    "Exists",
    "FactPath",
    "Gte",
    "In",
    "Intersects",
    "IsFalse",
    "IsTrue",
    "Localized",
    "LocalizedList",
    "Lte",
    "Matches",
    "Not",
    "Penalty",
    "RefStatus",
    "Reference",
    "Rule",
    "RuleId",
    "Scalar",
    "Severity",
    "SeverityOverride",
    "Some",
    "Stated",
    "SubsetOf",
    "scalar_repr",
]

RuleId = Annotated[str, StringConstraints(pattern=RULE_ID_PATTERN)]
FactPath = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z_][a-z0-9_]*(?:\[\])?(?:\.[a-z_][a-z0-9_]*(?:\[\])?)*$"),
    Field(description="Dotted path into the submission facts; `[]` walks every item of a list."),
]
Scalar = str | int | float | bool


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
