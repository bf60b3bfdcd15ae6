"""What rules, findings and reports share, without the rule language: severities, the legal basis's status,
enforcement, texts in every language and references to the law.

Kept apart from `compliance.domain.rules` (its condition models and `Rule`, re-exported there) so that a check
with a warm pack cache, which reads findings and never a rule, does not import the rule language.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator, model_validator

from compliance.domain.base import Frozen
from compliance.domain.grades import Enforcement, RefStatus, Severity, scalar_repr
from compliance.domain.plain_forms import Citing, Worded

# What lives in `compliance.domain.grades` (no pydantic) is re-exported: its importers here keep working.
__all__ = [
    "ARTICLE_NUMBER",
    "RULE_ID_PATTERN",
    "ArticleNumber",
    "Enforcement",
    "Localized",
    "LocalizedList",
    "RefStatus",
    "Reference",
    "Severity",
    "scalar_repr",
]

RULE_ID_PATTERN = r"^L0908-[A-Z0-9]+(?:-[A-Z0-9]+)*$"


class Localized(Frozen, Worded):
    fr: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]
    ar: Annotated[str, StringConstraints(min_length=1)] | None = Field(
        default=None, description="Arabic text; French is shown while it is missing."
    )


class LocalizedList(Frozen, Worded):
    fr: list[Annotated[str, StringConstraints(min_length=1)]]
    en: list[Annotated[str, StringConstraints(min_length=1)]]
    ar: list[Annotated[str, StringConstraints(min_length=1)]] | None = None

    @model_validator(mode="after")
    def _same_length(self) -> LocalizedList:
        if len(self.fr) != len(self.en) or (self.ar is not None and len(self.ar) != len(self.fr)):
            raise ValueError("fr, en and ar must list the same number of questions")
        return self


# An article number as the law numbers it: '12(1)(e)', '7(a)-(b)', '11 §2-3', '6(a), 6(c)'. Anything worded
# (a page of the CNDP's site, a deliberation's subject) is a text, written in every language.
ARTICLE_NUMBER = r"^\d+(?:\d|\((?:\d+|[a-z])\)|§\d+| |-|–|,)*$"
ArticleNumber = Annotated[str, StringConstraints(pattern=ARTICLE_NUMBER)]


class Reference(Frozen, Citing):
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
