"""Where a field of the submission file is asked in the questionnaire: its step and the anchor of its question.

The reports name fields as the file writes them (`processings[0].retention.period_days`, `transfers[].country`
for any item); the questionnaire names its widgets by dotted path with the item's number
(`processings.0.retention.period_days`), and every question's container carries the id
`f-<path with dashes>-q` (templates/questions.html). A field the questionnaire does not ask on its own (inside a
block asked as YAML, or an item not named) is reached through the nearest question that holds it.
"""

from __future__ import annotations

import re

from compliance.web.questionnaire import Question, questionnaire

_PART = re.compile(r"([^.\[\]]+)(?:\[(\d*)\])?")


def question_id(name: str) -> str:
    """The id of the container of the question whose form name is `name` (as templates/questions.html sets)."""
    return "f-" + name.replace(".", "-") + "-q"


def field_anchor(field: str) -> tuple[str, str] | None:
    """(step id, anchor id) of the question that answers `field`; None when no step asks it."""
    parts = [(m.group(1), m.group(2)) for m in _PART.finditer(field)]
    if not parts:
        return None
    for step in questionnaire():
        candidates: list[Question] = step.questions
        found = ""
        name = ""
        for key, index in parts:
            question = next((q for q in candidates if q.key == key), None)
            if question is None:
                break
            name = f"{name}.{key}" if name else key
            found = name
            if index is not None:
                if question.kind != "group_list" or index == "":
                    break  # any item, or a list asked as a whole: the list's own question
                name = found = f"{name}.{index}"
            candidates = question.children
        if found:
            return step.id, question_id(found)
    return None


def draft_field_url(draft_id: str, section: str, field: str) -> str | None:
    """The questionnaire page of a draft, scrolled to the question answering `section.field`."""
    target = field_anchor(f"{section}.{field}" if section else field)
    if target is None:
        return None
    step, anchor = target
    return f"/drafts/{draft_id}/steps/{step}#{anchor}"
