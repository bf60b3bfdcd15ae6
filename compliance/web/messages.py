"""Rebuild the message catalogue: `python -m compliance.web.messages` (or `make messages`).

Message ids come from the templates and the web modules (`_("...")`), from the questionnaire (every field's
description, every vocabulary value as a `choice`, the steps' titles, intros, help and examples) and from the
service's retention statement, and the words of the reports (`reports/labels.py`). New ids are added to each
language's catalogue: English gets its own text, French and Arabic get an empty translation for a person to
fill in (tests/web/test_catalogue.py fails until they do: empty, fuzzy, or Arabic left in French or English).
An id no longer used is dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from compliance.domain.rules import Severity
from compliance.i18n import Lang
from compliance.i18n.catalogue import catalogue_path, read_catalogue, template_path
from compliance.reports.labels import CATALOGUED
from compliance.reports.review_labels import REVIEW_STATE_LABELS
from compliance.service.org_data import RETENTION
from compliance.service.submissions import FILE_CONTEXT, FILE_ERRORS, PROBLEM_CONTEXT, YAML_PROBLEMS
from compliance.web.questionnaire import Question, questionnaire

WEB = Path(__file__).resolve().parent
CLI = WEB.parent / "cli"
CLI_CONTEXT = (
    "command line"  # compliance.cli.help_texts.CONTEXT: the web app does not import the command line
)
CHOICE = "choice"
SEVERITY = "severity"


def _questions(questions: list[Question]) -> Iterator[tuple[str | None, str, str]]:
    for q in questions:
        yield None, q.label, q.path
        for text in (q.help, q.example):
            if text:
                yield None, text, q.path
        for value in q.choices:
            yield CHOICE, value.replace("_", " "), q.path
        yield from _questions(q.children)


def model_messages() -> Iterator[tuple[str | None, str, str]]:
    for step in questionnaire():
        yield None, step.title, f"step {step.id}"
        if step.intro:
            yield None, step.intro, f"step {step.id}"
        yield from _questions(step.questions)
    for what, how_long in RETENTION.items():
        yield None, what, "retention"
        yield None, how_long, "retention"
    for value in (
        "submitter",
        "liaison",
        "admin",
        "compliant",
        "non_compliant",
        "incomplete",
        "fail",
        "needs_info",
        "pass",
        "not_applicable",
        "advisory",
        "submitted",
        "in_review",
        "changes_requested",
        "resubmitted",
        "approved",
        "rejected",
        "superseded",
        "withdrawn",
        # the liaison's actions and judgements, as the console names them
        "start_review",
        "request_changes",
        "approve",
        "reject",
        "confirmed",
        "disputed",
        "waived",
    ):
        yield CHOICE, value.replace("_", " "), "outcomes and states"
    for severity in Severity:
        yield SEVERITY, severity.value, "severities"
    for labels in (*CATALOGUED, REVIEW_STATE_LABELS):
        for context, text in labels.messages():
            yield context, text, "reports"
    yield from cli_messages()


def cli_messages() -> Iterator[tuple[str | None, str, str]]:
    """The command line's words: `tr(lang, "...")`, `say(lang, "...")` and `N_("...")` in compliance/cli, and the file errors
    of a submission it tells (compliance/service/submissions.py)."""
    found = extract_from_dir(str(CLI), [("**.py", "python")], keywords={"tr": (2,), "say": (2,), "N_": None})
    for filename, lineno, message, _comments, _context in found:
        if isinstance(message, str):
            yield CLI_CONTEXT, message, f"compliance/cli/{filename}:{lineno}"
    for text in FILE_ERRORS.values():
        yield FILE_CONTEXT, text, "file errors"
    for text in YAML_PROBLEMS:
        yield PROBLEM_CONTEXT, text, "yaml problems"


def build_template() -> Catalog:
    template = Catalog(project="compliance-0908", domain="messages")
    method_map = [("templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
    options = {"templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    for filename, lineno, message, comments, context in extract_from_dir(
        str(WEB), method_map, options_map=options, keywords={"_": None}
    ):
        if isinstance(message, str):
            template.add(
                message,
                locations=[(f"compliance/web/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    for context, message, where in model_messages():
        existing = template.get(message, context=context)
        if existing is None:
            template.add(message, context=context, auto_comments=[f"model: {where}"])
    return template


def update() -> dict[str, int]:
    path = template_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, build_template(), width=110, omit_header=True, sort_output=True)
    missing: dict[str, int] = {}
    for lang in Lang:
        target = catalogue_path(lang)
        catalogue = (
            read_catalogue(target, lang) if target.exists() else Catalog(locale=lang.value, domain="messages")
        )
        catalogue.update(
            build_template(), no_fuzzy_matching=True
        )  # a fresh template: update() shares entries
        for entry in catalogue:
            if not entry.id or entry.string:
                continue
            if lang is Lang.en:
                entry.string = entry.id
        catalogue.obsolete.clear()
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            write_po(out, catalogue, width=110, omit_header=False, sort_output=True, include_previous=False)
        missing[lang.value] = sum(1 for e in catalogue if e.id and not e.string)
    return missing


if __name__ == "__main__":
    for lang, count in update().items():
        sys.stdout.write(f"{lang}: {count} messages without a translation\n")
