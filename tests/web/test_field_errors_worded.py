"""An answer that does not fit the format is named by its question, in the page's language, with a link to it:
the live result printed pydantic's English ("String should match pattern '^[A-Z]{2}$'") on Arabic pages."""

from __future__ import annotations

import html

import pytest

from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.test_security import new_draft


@pytest.mark.parametrize(
    ("lang", "question", "message"),
    [
        ("ar", "البلد الذي يوجد فيه مقر المسؤول عن المعالجة.", "يُنتظر بلد برمزه وفق معيار ISO 3166"),
        (
            "fr",
            "Pays où le responsable du traitement est établi.",
            " : un pays est attendu, par son code ISO 3166",
        ),
        ("en", "Country where the controller is established.", ": expected a country as its two-letter ISO"),
    ],
)
def test_a_wrong_answer_is_named_by_its_question_in_the_pages_language(
    web: Web, lang: str, question: str, message: str
) -> None:
    founder = web.client()
    sign_in(founder, "founder@atlas.ma")
    founder.get(f"/language/{lang}?next=/")
    draft_id = new_draft(founder, "Assistant de la banque")
    step = f"/drafts/{draft_id}/steps/controller"
    token = csrf_of(founder.get(step).text)
    saved = founder.post(step, data={"csrf": token, "controller.country": "Maroc", "action": "save"})
    assert saved.status_code == 303
    page = html.unescape(founder.get(f"/drafts/{draft_id}/summary").text)
    problems = page[page.index('<ul class="problems">') :]
    assert f'<a href="{step}#f-controller-country-q">{question}</a>' in problems
    assert message in problems
    assert "String should match" not in problems and "^[A-Z]" not in problems
