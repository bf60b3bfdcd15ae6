"""A NUL character (U+0000) in a field of a web form: PostgreSQL stores none in a text or JSON column, so a
draft's name or a questionnaire answer holding one used to be a 500 there. The form is refused with a page
naming the field, in the page's language, and nothing is stored; on the memory store as on PostgreSQL."""

from __future__ import annotations

from compliance.storage.protocol import Store
from tests.web.conftest import client_of, csrf_of, sign_in

NUL = "a\u0000b"


def test_a_nul_in_a_form_is_refused_naming_the_field_and_nothing_is_stored(any_store: Store) -> None:
    store = any_store
    client = client_of(store)
    sign_in(client, "founder@atlas.ma")
    refused = client.post("/drafts", data={"csrf": csrf_of(client.get("/drafts/new").text), "name": NUL})
    assert refused.status_code == 422
    assert "Le champ name contient le caractère NUL" in refused.text
    assert store.accounts.list_drafts("atlas-ai") == []

    made = client.post("/drafts", data={"csrf": csrf_of(client.get("/drafts/new").text), "name": "Bot"})
    assert made.status_code == 303, made.text
    draft_id = made.headers["location"].split("/")[2]
    before = store.accounts.get_draft("atlas-ai", draft_id)
    client.get("/language/ar")
    page = client.get(f"/drafts/{draft_id}/steps/project").text
    answer = client.post(
        f"/drafts/{draft_id}/steps/project",
        data={"csrf": csrf_of(page), "project_name": NUL, "action": "stay"},
    )
    assert answer.status_code == 422
    assert "الحقل project_name" in answer.text and 'dir="rtl"' in answer.text
    assert store.accounts.get_draft("atlas-ai", draft_id) == before
