"""The one message catalogue: complete in French and English, nothing fuzzy, in step with the sources."""

from __future__ import annotations

import pytest

from compliance.i18n import Lang, negotiate, translator
from compliance.i18n.catalogue import catalogue_path, read_catalogue
from compliance.web.messages import PLACEHOLDER, build_template


@pytest.mark.parametrize("lang", list(Lang))
def test_no_missing_or_fuzzy_message(lang: Lang) -> None:
    catalogue = read_catalogue(catalogue_path(lang), lang)
    wanted = {(m.context, m.id) for m in build_template() if m.id}
    have = {(m.context, m.id): m for m in catalogue if m.id}
    assert wanted - have.keys() == set(), "run `make messages` and translate the new messages"
    assert have.keys() - wanted == set(), "run `make messages`: the catalogue keeps messages no longer used"
    assert [m.id for m in have.values() if not m.string] == []
    assert [m.id for m in have.values() if m.fuzzy] == []


def test_french_is_translated_and_arabic_placeholders_are_marked() -> None:
    fr = read_catalogue(catalogue_path(Lang.fr), Lang.fr)
    same = [m.id for m in fr if m.id and m.string == m.id and " " in str(m.id)]
    assert len(same) <= 3, f"French messages left in English: {same}"  # e.g. 'auxiliaire de justice'
    ar = read_catalogue(catalogue_path(Lang.ar), Lang.ar)
    untranslated = [m for m in ar if m.id and m.string == m.id and m.context != "choice"]
    assert all(PLACEHOLDER in m.user_comments for m in untranslated if len(str(m.id)) > 3)
    assert translator(Lang.ar).gettext("Sign in") != "Sign in"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, Lang.fr),
        ("", Lang.fr),
        ("en-GB,en;q=0.9", Lang.en),
        ("ar-MA,ar;q=0.9,fr;q=0.8", Lang.ar),
        ("de-DE,de;q=0.9", Lang.fr),
        ("de;q=1, en;q=0.4, ar;q=0.5", Lang.ar),
        ("ar;q=0, en", Lang.en),
        ("en;q=abc, fr;q=0.1", Lang.fr),
    ],
)
def test_accept_language(header: str | None, expected: Lang) -> None:
    assert negotiate(header) is expected
