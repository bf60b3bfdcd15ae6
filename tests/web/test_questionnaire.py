"""The questionnaire is generated from the submission model: every field is asked, a new field is asked with
no template edit, and answers read back as the same facts (not stated, stated none, stated values)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel, create_model
from starlette.datastructures import MultiDict

import compliance.i18n.catalogue as catalogue_module
from compliance.domain.submission import Submission, fact
from compliance.i18n import Lang
from compliance.strictyaml import load_yaml
from compliance.web import messages, pages_drafts
from compliance.web.questionnaire import (
    NONE,
    STEPS_FILE,
    Question,
    active_steps,
    build_steps,
    questionnaire,
    read_answers,
    step_by_id,
)
from tests.web.conftest import Web, csrf_of, sign_in

ROOT = Path(__file__).resolve().parents[2]


def _model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    paths = set()
    for key, info in model.model_fields.items():
        path = f"{prefix}{key}"
        paths.add(path)
        for candidate in _nested_models(info.annotation):
            paths |= _model_paths(candidate, f"{path}.")
    return paths


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _nested_models(arg)]


def _question_paths(questions: list[Question]) -> set[str]:
    return {p for q in questions for p in {q.path} | _question_paths(q.children)}


def test_every_field_of_the_model_is_asked() -> None:
    asked = {p for step in questionnaire() for p in _question_paths(step.questions)}
    assert _model_paths(Submission) - {"schema_version"} == asked


def test_no_personal_data_is_done_in_a_few_questions() -> None:
    steps = active_steps(questionnaire(), {"processes_personal_data": False})
    assert [s.id for s in steps] == ["project"]
    assert len(active_steps(questionnaire(), {})) == len(questionnaire())  # unknown never skips


def _form(pairs: list[tuple[str, str]]) -> MultiDict:
    return MultiDict(pairs)


def test_answers_read_back_as_facts() -> None:
    steps = questionnaire()
    project = step_by_id(steps, "project")
    assert project is not None
    stated = read_answers(
        project.questions,
        _form(
            [("project_name", "Bot"), ("processes_personal_data", "true"), ("live", ""), ("sectors", NONE)]
        ),
    )
    assert stated == {
        "project_name": "Bot",
        "processes_personal_data": True,
        "sectors": [],
    }  # live: not stated
    hosting = step_by_id(steps, "hosting-transfers")
    assert hosting is not None
    stated = read_answers(
        hosting.questions,
        _form(
            [
                ("transfers.count", "2"),
                ("transfers.0.country", "FR"),
                ("transfers.0.contractual_clauses", "false"),
                ("transfers.0.data_categories", "contact"),
                ("transfers.0.data_categories", "voice_recording"),
                ("transfers.1.country", ""),
                (f"processors.{NONE}", "1"),
            ]
        ),
    )
    assert stated == {
        "transfers": [
            {"country": "FR", "contractual_clauses": False, "data_categories": ["contact", "voice_recording"]}
        ],
        "processors": [],
    }


def test_a_field_added_to_the_model_is_asked_in_every_language(
    web: Web, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = "Whether the assistant answers in Tamazight written in Tifinagh."
    extended = create_model("Submission", __base__=Submission, answers_in_tifinagh=(bool | None, fact(label)))
    steps = build_steps(extended, load_yaml(STEPS_FILE.read_text(encoding="utf-8")))
    monkeypatch.setattr(pages_drafts, "questionnaire", lambda: steps)
    monkeypatch.setattr(messages, "questionnaire", lambda: steps)
    # The developer's routine: `make messages`, then the translators fill in the new message.
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "compliance" / "locale", locale)
    monkeypatch.setattr(catalogue_module, "LOCALE_DIR", locale)
    catalogue_module.translator.cache_clear()
    # The new field, and the step that gathers fields no step names yet.
    assert messages.update()["fr"] == 3
    wanted = {
        Lang.fr: "Si l'assistant répond en amazighe écrit en tifinagh.",
        Lang.ar: "هل يجيب المساعد بالأمازيغية المكتوبة بتيفيناغ؟",
        Lang.en: label,
    }
    others = {
        Lang.fr: ("Autres faits", "Faits ajoutés récemment au format."),
        Lang.ar: ("معطيات أخرى", "معطيات أضيفت مؤخراً."),
        Lang.en: ("Other facts", "Facts recently added to the submission format."),
    }
    for lang, text in wanted.items():
        path = catalogue_module.catalogue_path(lang)
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=lang.value)
        catalogue[label].string = text
        (
            catalogue["Other facts"].string,
            catalogue["Facts recently added to the submission format."].string,
        ) = others[lang]
        with path.open("wb") as handle:
            write_po(handle, catalogue)
    catalogue_module.translator.cache_clear()
    try:
        client = web.client()
        sign_in(client, "founder@atlas.ma")
        draft = client.post("/drafts", data={"csrf": csrf_of(client.get("/drafts/new").text), "name": "Bot"})
        draft_id = draft.headers["location"].split("/")[2]
        step = steps[-1]
        assert step.id == "other"
        for lang, text in wanted.items():
            client.get(f"/language/{lang.value}")
            page = client.get(f"/drafts/{draft_id}/steps/other").text
            assert text.replace("'", "&#39;") in page and others[lang][0] in page
            assert 'name="answers_in_tifinagh"' in page
        token = csrf_of(page)
        client.post(
            f"/drafts/{draft_id}/steps/other",
            data={"csrf": token, "answers_in_tifinagh": "true", "action": "stay"},
        )
        assert web.store.accounts.get_draft("atlas-ai", draft_id).answers == {"answers_in_tifinagh": True}  # type: ignore[union-attr]
    finally:
        catalogue_module.translator.cache_clear()


def test_import_then_export_gives_the_same_submission(web: Web) -> None:
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    source = ROOT / "examples" / "darija-support-chatbot.yaml"
    token = csrf_of(client.get("/drafts/new").text)
    answer = client.post(
        "/drafts/import",
        data={"csrf": token},
        files={"file": (source.name, source.read_bytes(), "application/yaml")},
    )
    assert answer.status_code == 303
    draft_id = answer.headers["location"].split("/")[2]
    exported = client.get(f"/drafts/{draft_id}/export?format=yaml")
    assert exported.status_code == 200
    original = Submission.model_validate(load_yaml(source.read_text(encoding="utf-8")))
    assert Submission.model_validate(yaml.safe_load(exported.text)) == original
    as_json = client.get(f"/drafts/{draft_id}/export?format=json").json()
    assert Submission.model_validate(as_json) == original


def test_every_step_of_an_imported_draft_renders_and_saves_unchanged(web: Web) -> None:
    """The widgets show every imported answer back: saving each step without a change keeps the facts."""
    client = web.client()
    sign_in(client, "founder@atlas.ma")
    source = ROOT / "examples" / "darija-support-chatbot.yaml"
    token = csrf_of(client.get("/drafts/new").text)
    answer = client.post(
        "/drafts/import", data={"csrf": token}, files={"file": (source.name, source.read_bytes())}
    )
    draft_id = answer.headers["location"].split("/")[2]
    before = web.store.accounts.get_draft("atlas-ai", draft_id).answers  # type: ignore[union-attr]
    from tests.web.formfill import submit_form_as_is

    for step in questionnaire():
        page = client.get(f"/drafts/{draft_id}/steps/{step.id}")
        assert page.status_code == 200
        saved = submit_form_as_is(client, page.text, f"/drafts/{draft_id}/steps/{step.id}")
        assert saved.status_code == 303
    after = web.store.accounts.get_draft("atlas-ai", draft_id).answers  # type: ignore[union-attr]
    assert _choices_sorted(after) == _choices_sorted(before)


def _choices_sorted(data: Any) -> Any:
    """Ticked choices come back in the vocabulary's order, whatever order the file listed them in."""
    if isinstance(data, dict):
        return {k: _choices_sorted(v) for k, v in data.items()}
    if isinstance(data, list):
        items = [_choices_sorted(v) for v in data]
        return sorted(items) if all(isinstance(v, str) for v in items) else items
    return data
