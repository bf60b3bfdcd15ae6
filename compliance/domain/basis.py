"""What rules, findings and reports share, without the rule language: severities, the legal basis's status,
enforcement, texts in every language and references to the law.

Kept apart from `compliance.domain.rules` (its condition models and `Rule`, re-exported there) so that a check
with a warm pack cache, which reads findings and never a rule, does not import the rule language.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator, model_validator

from compliance.domain.base import Frozen
from compliance.domain.citations import ARTICLE

RULE_ID_PATTERN = r"^L0908-[A-Z0-9]+(?:-[A-Z0-9]+)*$"


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


def scalar_repr(value: Any) -> str:
    """A short, stable rendering of a fact value for traces and reports."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(scalar_repr(v) for v in value) + "]"
    return str(value)
