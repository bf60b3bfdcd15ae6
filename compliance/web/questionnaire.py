"""The questionnaire, generated from the submission model.

Each field of `Submission` (and of the blocks below it) becomes a question: its kind from its type, its
label from its description (the message id in the catalogue), its choices from its vocabulary. Steps, their
order, skip conditions, help texts and examples come from `questionnaire.yaml`, by field path; a field no
step names lands in a last step, so a field added to the model is asked with no template or code change.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from compliance.domain.submission import SCHEMA_VERSION, Submission
from compliance.i18n import Lang
from compliance.service.field_messages import explain
from compliance.strictyaml import YamlError, load_yaml
from compliance.web.numbers import whole_number

STEPS_FILE = Path(__file__).with_name("questionnaire.yaml")
NONE = "__none__"  # the form value of an explicit "none" (an empty list)
LONG_TEXT = 300  # longer limits get a text area


@dataclass
class Question:
    """One fact to ask. `path` is the model path (no list indices); `kind` picks the widget."""

    path: str
    key: str
    kind: str  # bool, enum, multi_enum, text, longtext, lines, int, date, group, group_list, raw
    label: str
    choices: list[str] = field(default_factory=list)
    children: list[Question] = field(default_factory=list)
    required: bool = False
    annotation: Any = None
    help: str | None = None
    example: str | None = None


@dataclass
class Step:
    id: str
    title: str
    intro: str | None
    questions: list[Question]
    skip_when: dict[str, Any]

    def skipped(self, answers: dict[str, Any]) -> bool:
        return bool(self.skip_when) and all(get_path(answers, p) == v for p, v in self.skip_when.items())


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """The type without `| None` and `Annotated`, and the Annotated metadata met on the way."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata += extra
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _max_length(metadata: list[Any], info: FieldInfo | None) -> int | None:
    for item in [*metadata, *(info.metadata if info else [])]:
        value = getattr(item, "max_length", None)
        if isinstance(value, int):
            return value
    return None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


def _question(path: str, key: str, info: FieldInfo, meta: dict[str, dict[str, str]]) -> Question | None:
    tp, metadata = _strip(info.annotation)
    label = info.description or key.replace("_", " ").capitalize()
    extra = meta.get(path, {})
    q = Question(
        path=path,
        key=key,
        kind="raw",
        label=label,
        required=info.is_required(),
        annotation=info.annotation,
        help=extra.get("help"),
        example=extra.get("example"),
    )
    origin = get_origin(tp)
    if get_origin(tp) is Literal:
        return None  # a constant such as schema_version: filled in, never asked
    if tp is bool:
        q.kind = "bool"
    elif tp is int:
        q.kind = "int"
    elif tp is date:
        q.kind = "date"
    elif tp is str:
        limit = _max_length(metadata, info)
        q.kind = "longtext" if limit is None or limit > LONG_TEXT else "text"
    elif _is_enum(tp):
        q.kind, q.choices = "enum", [m.value for m in tp]
    elif _is_model(tp):
        q.kind, q.children = "group", model_questions(tp, path, meta)
    elif origin is list:
        item, _ = _strip(get_args(tp)[0])
        if _is_enum(item):
            q.kind, q.choices = "multi_enum", [m.value for m in item]
        elif _is_model(item):
            q.kind, q.children = "group_list", model_questions(item, path, meta)
        elif item in (str, int):
            q.kind = "lines"
    return q


def model_questions(model: type[BaseModel], prefix: str, meta: dict[str, dict[str, str]]) -> list[Question]:
    out = []
    for key, info in model.model_fields.items():
        path = f"{prefix}.{key}" if prefix else key
        q = _question(path, key, info, meta)
        if q is not None:
            out.append(q)
    return out


def build_steps(model: type[BaseModel], spec: dict[str, Any]) -> list[Step]:
    meta: dict[str, dict[str, str]] = spec.get("fields") or {}
    by_key = {q.key: q for q in model_questions(model, "", meta)}
    steps, placed = [], set()
    for raw in spec["steps"]:
        questions = [by_key[k] for k in raw["fields"] if k in by_key]
        placed.update(raw["fields"])
        steps.append(Step(raw["id"], raw["title"], raw.get("intro"), questions, raw.get("skip_when") or {}))
    rest = [q for k, q in by_key.items() if k not in placed]
    if rest:
        steps.append(Step(**{**spec["other"], "questions": rest, "skip_when": {}}))
    return [s for s in steps if s.questions]


@cache
def questionnaire() -> list[Step]:
    return build_steps(Submission, load_yaml(STEPS_FILE.read_text(encoding="utf-8")))


def step_by_id(steps: list[Step], step_id: str) -> Step | None:
    return next((s for s in steps if s.id == step_id), None)


def active_steps(steps: list[Step], answers: dict[str, Any]) -> list[Step]:
    return [s for s in steps if not s.skipped(answers)]


# -- answers as nested data ------------------------------------------------------------------------------
def get_path(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and (index := whole_number(part)) is not None and index < len(data):
            data = data[index]
        else:
            return None
    return data


def _convert(q: Question, text: str) -> Any:
    """The typed JSON value when it fits the field; otherwise the text as typed, for validation to name."""
    try:
        return TypeAdapter(q.annotation).dump_python(
            TypeAdapter(q.annotation).validate_python(text), mode="json"
        )
    except ValidationError:
        return text


def read_answers(questions: list[Question], form: Any, prefix: str = "") -> dict[str, Any]:
    """The stated facts of these questions in a submitted form (`form` has `get` and `getlist`)."""
    out: dict[str, Any] = {}
    for q in questions:
        name = f"{prefix}{q.key}"
        value = read_answer(q, form, name)
        if value is not None:
            out[q.key] = value
    return out


def read_answer(q: Question, form: Any, name: str) -> Any:
    raw = (form.get(name) or "").strip() if q.kind not in ("multi_enum", "group", "group_list") else ""
    if q.kind == "bool":
        return {"true": True, "false": False}.get(raw)
    if q.kind in ("text", "longtext", "enum", "int", "date"):
        return _convert(q, raw) if raw else None
    if q.kind == "multi_enum":
        values = [v for v in form.getlist(name) if v]
        return [] if NONE in values else (values or None)
    if q.kind == "lines":
        if form.get(f"{name}.{NONE}"):
            return []
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        return [_convert_item(q, line) for line in lines] or None
    if q.kind == "group":
        return read_answers(q.children, form, f"{name}.") or None
    if q.kind == "group_list":
        if form.get(f"{name}.{NONE}"):
            return []
        items = []
        count = whole_number(form.get(f"{name}.count")) or 0
        for index in range(min(count, 50)):
            if form.get(f"{name}.{index}.remove"):
                continue
            item = read_answers(q.children, form, f"{name}.{index}.")
            if item:
                items.append(item)
        return items or None
    if raw:
        try:
            return load_yaml(raw)
        except YamlError:
            return raw
    return None


def _convert_item(q: Question, text: str) -> Any:
    item_type = get_args(_strip(q.annotation)[0])[0]
    try:
        adapter: TypeAdapter[Any] = TypeAdapter(item_type)
        return adapter.dump_python(adapter.validate_python(text), mode="json")
    except ValidationError:
        return text


def merge_step(answers: dict[str, Any], step: Step, stated: dict[str, Any]) -> dict[str, Any]:
    """The answers with this step's fields replaced by what the form stated (absent = not stated)."""
    merged = {k: v for k, v in answers.items() if k not in {q.key for q in step.questions}}
    merged.update(stated)
    return merged


def as_submission_data(answers: dict[str, Any], name: str) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "project_name": name, **answers}


def field_errors(
    answers: dict[str, Any], name: str, lang: Lang | str = Lang.en
) -> tuple[Submission | None, dict[str, str]]:
    """The submission when the answers fit the model, else the problems by form field name, worded in `lang`
    (plain words, never pydantic's English or a regular expression)."""
    try:
        return Submission.model_validate(as_submission_data(answers, name)), {}
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for err in exc.errors(include_input=False, include_url=False):
            loc = ".".join(str(p) for p in err["loc"])
            errors.setdefault(loc, explain(Submission, err, lang)[2])
        return None, errors


def display_value(q: Question, value: Any) -> str:
    """The text a widget shows for a stored answer."""
    if value is None:
        return ""
    if q.kind == "lines" and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if q.kind == "raw" and not isinstance(value, str):
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
    return str(value)
