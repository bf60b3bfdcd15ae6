"""The one-page summary every report opens with: verdict, CNDP formality, at most seven actions, penalties.

Actions: the failures that gate (blockers, then majors), then the questions that decide the most open checks.
A question is a section of the submission file with the fields still not stated in it: asked once, however
many rules need it, and named by its place in the file so that a person knows where the answer goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compliance.domain.formality_words import plan_sentence
from compliance.domain.grades import Outcome, Severity
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued
from compliance.reports.fields import file_field, plain_value, section_label, section_of
from compliance.reports.summary import Exposure, exposure

if TYPE_CHECKING:
    from compliance.domain.outcomes import Assessment, Finding, FormalityPlan

MAX_ACTIONS = 7

FORM_NAMES: Catalogued[str] = Catalogued(
    "form",
    {
        "F211": "prior declaration (standard)",
        "F214": "simplified declaration",
        "F112": "request for prior authorisation",
        "F113": "simplified authorisation request",
        "F118": "transfer of data abroad",
    },
)


@dataclass(frozen=True)
class Action:
    """One thing to do: fix a failing check (`kind` 'fix') or answer the open fields of a section ('answer')."""

    kind: str
    severity: Severity
    text: str
    section: str = ""
    fields: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()

    @property
    def unblocks(self) -> int:
        return len(self.rules)


@dataclass(frozen=True)
class Digest:
    actions: list[Action]
    more: int
    forms: list[tuple[str, str]]
    exposures: list[Exposure] = field(default_factory=list)


def formality_summary(plan: FormalityPlan, lang: Lang | str) -> str:
    """The formality plan in one sentence, composed from the plan's parts in the reader's language."""
    return plan_sentence(plan, lang)


# A full stop that ends an abbreviation, not a sentence: "art. 12(1)", "Art. 44", "e.g. MA", "p. ex.", "cf."
_ABBREVIATION = re.compile(r"(?:\b(?:[Aa]rt|[Cc]f|e\.g|i\.e|ex|p|[Nn]o|n°)|\b[A-Za-z])\.$")


def first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence of a text, cut at a word boundary if it is still long. A full stop after an
    abbreviation ("si un motif de l'art. 12(1) s'applique") does not end the sentence."""
    text = text.strip()
    head = text
    for stop in re.finditer(r"[.!?؟](?=\s)", text):
        if not _ABBREVIATION.search(text[: stop.end()]):
            head = text[: stop.end()]
            break
    if len(head) <= limit:
        return head
    return head[:limit].rsplit(" ", 1)[0] + " …"


def _open(assessment: Assessment, outcome: Outcome) -> list[Finding]:
    return [f for f in assessment.findings if f.outcome is outcome and f.waiver is None]


def _questions(findings: list[Finding], lang: Lang | str) -> list[Action]:
    """Missing fields grouped by the section of the file holding them, each section asked once."""
    sections: dict[str, tuple[set[str], set[str], int]] = {}
    for f in findings:
        for t in f.trace:
            if t.result is not None:
                continue
            where = file_field(t.path)
            if where is None:
                continue
            section = section_of(where)
            fields, rules, rank = sections.setdefault(section, (set(), set(), 0))
            fields.add(where.rpartition(".")[2])
            rules.add(f.rule_id)
            sections[section] = (fields, rules, max(rank, f.severity.rank))
    actions = [
        Action(
            kind="answer",
            severity=next(s for s in Severity if s.rank == rank),
            text=section_label(section, lang),
            section=section,
            fields=tuple(sorted(fields)),
            rules=tuple(sorted(rules)),
        )
        for section, (fields, rules, rank) in sections.items()
    ]
    actions.sort(key=lambda a: (a.severity is not Severity.blocker, -a.unblocks, -a.severity.rank, a.section))
    return actions


def digest(assessment: Assessment, lang: Lang | str) -> Digest:
    fails = sorted(
        (f for f in _open(assessment, Outcome.fail) if f.severity.rank >= Severity.major.rank),
        key=lambda f: (-f.severity.rank, f.rule_id),
    )
    fixes = [
        Action(
            kind="fix",
            severity=f.severity,
            text=f"{f.title.get(lang)} — {first_sentence(f.remediation.get(lang))}"
            if f.remediation
            else f.title.get(lang),
            rules=(f.rule_id,),
        )
        for f in fails
    ]
    questions = _questions(_open(assessment, Outcome.needs_info), lang)
    actions = (fixes + questions)[:MAX_ACTIONS]
    forms = [(code.value, FORM_NAMES[lang][code.value]) for code in assessment.formalities.forms]
    return Digest(
        actions=actions,
        more=len(fixes) + len(questions) - len(actions),
        forms=forms,
        exposures=exposure(assessment),
    )


def stated_facts(f: Finding, lang: Lang | str) -> tuple[list[tuple[str, str]], list[str]]:
    """What a finding shows a reader: the facts that did not meet the check (field, value in words), and the
    fields still not stated. Derived facts are shown as the field of the file they come from; a finding that
    only needs information shows no failed fact (an alternative not taken is not a failure)."""
    failed: dict[str, str] = {}
    missing: dict[str, None] = {}
    for t in f.trace:
        where = file_field(t.path)
        if where is None:
            continue
        if t.result is None:
            missing[where] = None
        elif t.result is False and f.outcome is Outcome.fail:
            failed.setdefault(where, plain_value(t.value, lang))
    return list(failed.items()), list(missing)
