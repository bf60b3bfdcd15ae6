"""The one message catalogue: complete in French, Arabic and English, nothing fuzzy, in step with the sources."""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Message

from compliance.i18n import Lang, negotiate, translator
from compliance.i18n.catalogue import catalogue_path, read_catalogue, template_path
from compliance.i18n.catalogued import REGISTRY, Catalogued, registered
from compliance.web.messages import build_template, every_catalogued


@pytest.mark.parametrize("lang", list(Lang))
def test_no_missing_or_fuzzy_message(lang: Lang) -> None:
    catalogue = read_catalogue(catalogue_path(lang), lang)
    wanted = {(m.context, m.id) for m in build_template() if m.id}
    have = {(m.context, m.id): m for m in catalogue if m.id}
    assert wanted - have.keys() == set(), "run `make messages` and translate the new messages"
    assert have.keys() - wanted == set(), "run `make messages`: the catalogue keeps messages no longer used"
    assert [m.id for m in have.values() if not m.string] == []
    assert [m.id for m in have.values() if m.fuzzy] == []


# Arabic entries that may stay as they are written: codes and identifiers, the same in every language.
CODES = re.compile(r"^[A-Z]{2}$")  # ISO country codes given as examples ("FR", "MA")
FORMAT = re.compile(r"%\(\w+\)s|\{\w+\}")  # the template's %(name)s, the code's {name}
Entries = dict[tuple[str | None, str], Message]


def _entries(lang: Lang) -> Entries:
    return {(m.context, str(m.id)): m for m in read_catalogue(catalogue_path(lang), lang) if m.id}


def test_french_is_translated() -> None:
    fr = _entries(Lang.fr)
    words = {key: FORMAT.sub("", key[1]).strip() for key in fr}  # a placeholder is not a word
    same = [m.id for key, m in fr.items() if m.string == m.id and " " in words[key]]
    assert len(same) <= 3, f"French messages left in English: {same}"  # e.g. 'auxiliaire de justice'


def arabic_problems(ar: Entries, fr: Entries, en: Entries) -> list[tuple[str, str]]:
    """Arabic entries empty, fuzzy, left in English or French (codes aside), without Arabic script, or with
    other format fields than their id."""
    problems = []
    for key, m in ar.items():
        text = str(m.string or "")
        if (CODES.match(key[1]) or not any(ch.isalpha() for ch in key[1])) and text == key[1]:
            continue  # a code, or punctuation written the same in Arabic
        if not text or m.fuzzy:
            problems.append((key[1], "empty or fuzzy"))
        elif text in (key[1], fr[key].string, en[key].string):
            problems.append((key[1], "same as the French or English"))
        elif not any("\u0600" <= ch <= "\u06ff" for ch in text):
            problems.append((key[1], "no Arabic letter"))
        elif sorted(FORMAT.findall(text)) != sorted(FORMAT.findall(key[1])):
            problems.append((key[1], "format fields differ"))
    return problems


def test_every_arabic_entry_is_arabic() -> None:
    assert arabic_problems(_entries(Lang.ar), _entries(Lang.fr), _entries(Lang.en)) == []
    assert translator(Lang.ar).gettext("Sign in") == "تسجيل الدخول"


def test_the_arabic_check_reports_each_kind_of_placeholder() -> None:
    ids = ["Sign in", "Save", "Done", "Kept", "FR", "%(n)s waiting"]

    def entries(*texts: str) -> Entries:
        return {(None, i): Message(i, t) for i, t in zip(ids, texts, strict=True)}

    fr = entries("Se connecter", "Enregistrer", "Fait", "Gardé", "FR", "%(n)s en attente")
    en = entries(*ids)
    ar = entries("Sign in", "Enregistrer", "", "محفوظ", "FR", "في الانتظار")
    ar[(None, "Kept")].flags.add("fuzzy")
    assert sorted(arabic_problems(ar, fr, en)) == [
        ("%(n)s waiting", "format fields differ"),
        ("Done", "empty or fuzzy"),
        ("Kept", "empty or fuzzy"),
        ("Save", "same as the French or English"),
        ("Sign in", "same as the French or English"),
    ]


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


def test_every_catalogued_text_is_in_the_template_and_keeps_its_placeholders() -> None:
    """Each `Catalogued` of the package (its modules all imported) is in the template that `make messages`
    wrote, and each translation has the same `{placeholders}` as its English."""
    template = {(m.context, str(m.id)) for m in read_catalogue(template_path()) if m.id}
    texts = every_catalogued()
    assert [key for key in texts if key not in template] == [], "run `make messages` and translate"
    for lang in Lang:
        words = translator(lang)
        for context, text in texts:
            translated = words.pgettext(context, text)
            assert sorted(FORMAT.findall(translated)) == sorted(FORMAT.findall(text)), (lang, text)


def test_a_catalogued_joins_the_registry_when_made() -> None:
    made = Catalogued("test", {"x": "A text made by a test"})
    try:
        assert ("test", "A text made by a test") in set(registered())
        assert made.text("x", Lang.ar) == "A text made by a test"  # no translation: the English
    finally:
        REGISTRY.remove(made)


@pytest.mark.parametrize("lang", list(Lang))
def test_questions_name_the_answer_people_click_not_a_yaml_value(lang: Lang) -> None:
    """A question's label or help says "No" (the radio button people see), not the file's `false`: the Arabic
    label of `live` read "(false: قبل الإطلاق)" on a page whose buttons say «لا»."""
    yaml_words = re.compile(r"\b(true|false|null)\b")
    found = [
        str(m.id)
        for m in _entries(lang).values()
        if any(c.startswith("model:") and c != "model: reports" for c in m.auto_comments)
        and yaml_words.search(str(m.string))
    ]
    assert found == []


@pytest.mark.parametrize("lang", list(Lang))
def test_questions_carry_no_code_quotes(lang: Lang) -> None:
    """A question's label or help names things in words, not as `code`: the processing's consent said "differs
    from the project-wide `consent`" in every language."""
    found = [
        str(m.id)
        for m in _entries(lang).values()
        if any(
            c.startswith("model:") and not c.startswith(("model: reports", "model: compliance/"))
            for c in m.auto_comments
        )
        and "`" in str(m.string)
    ]
    assert found == []


def test_the_cndps_acts_are_not_contracts_in_arabic() -> None:
    """CNDP acts (receipts, authorisations) were translated «عقود», contracts, in the CNDP step."""
    acts = [
        m
        for m in _entries(Lang.ar).values()
        if any(
            c.startswith(("model: cndp.acts", "model: cndp.authorisation_requests")) for c in m.auto_comments
        )
    ]
    assert acts and [str(m.id) for m in acts if "عقد" in str(m.string)] == []
