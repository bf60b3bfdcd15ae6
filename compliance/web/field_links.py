"""Where a field of the submission file is asked in the questionnaire: its step and the anchor of its question.

The reports name fields as the file writes them (`processings[0].retention.period_days`, `transfers[].country`
for any item); the questionnaire names its widgets by dotted path with the item's number
(`processings.0.retention.period_days`), and every question's container carries the id
`f-<path with dashes>-q` (templates/questions.html). A field the questionnaire does not ask on its own (inside a
block asked as YAML, or an item not named) is reached through the nearest question that holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compliance.web.questionnaire import Question, questionnaire

_PART = re.compile(r"([^.\[\]]+)(?:\[(\d*)\])?")
_ITEM = re.compile(r"\.(\d+)(?=\.|$)")  # a form name's item number: processings.0.name


def question_id(name: str) -> str:
    """The id of the container of the question whose form name is `name` (as templates/questions.html sets)."""
    return "f-" + name.replace(".", "-") + "-q"


def asked(field: str) -> tuple[str, str, Question] | None:
    """(step id, anchor id, question) of the question that answers `field`; None when no step asks it."""
    parts = [(m.group(1), m.group(2)) for m in _PART.finditer(field)]
    if not parts:
        return None
    for step in questionnaire():
        candidates: list[Question] = step.questions
        found = ""
        name = ""
        holder: Question | None = None
        for key, index in parts:
            question = next((q for q in candidates if q.key == key), None)
            if question is None:
                break
            name = f"{name}.{key}" if name else key
            found, holder = name, question
            if index is not None:
                if question.kind != "group_list" or index == "":
                    break  # any item, or a list asked as a whole: the list's own question
                name = found = f"{name}.{index}"
            candidates = question.children
        if found and holder is not None:
            return step.id, question_id(found), holder
    return None


def field_anchor(field: str) -> tuple[str, str] | None:
    """(step id, anchor id) of the question that answers `field`; None when no step asks it."""
    target = asked(field)
    return None if target is None else target[:2]


@dataclass(frozen=True)
class FieldProblem:
    """An answer that does not fit the format: the question asking it (its label, a message id, and its place
    in the questionnaire) when one does, the field as the file writes it, and what is wrong in words."""

    field: str
    label: str | None
    url: str | None
    message: str


def field_problems(draft_id: str, errors: dict[str, str]) -> list[FieldProblem]:
    """The problems of `questionnaire.field_errors` (by form name, `processings.0.name`), each with its question."""
    out = []
    for name, message in errors.items():
        field = _ITEM.sub(r"[\1]", name)
        target = asked(field)
        url = None if target is None else f"/drafts/{draft_id}/steps/{target[0]}#{target[1]}"
        out.append(FieldProblem(field, None if target is None else target[2].label, url, message))
    return out


def draft_field_url(draft_id: str, section: str, field: str) -> str | None:
    """The questionnaire page of a draft, scrolled to the question answering `section.field`."""
    target = field_anchor(f"{section}.{field}" if section else field)
    if target is None:
        return None
    step, anchor = target
    return f"/drafts/{draft_id}/steps/{step}#{anchor}"
