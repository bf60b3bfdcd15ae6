"""Reading the message catalogues: one `.po` file per language, parsed once with Babel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from compliance.i18n.languages import Lang

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


def catalogue_path(lang: Lang) -> Path:
    return LOCALE_DIR / lang.value / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def read_catalogue(path: Path, lang: Lang | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang.value if lang else None)


class Translator:
    """gettext over one language's catalogue; a message without a translation reads as its English id."""

    def __init__(self, lang: Lang, messages: dict[tuple[str | None, str], str]) -> None:
        self.lang = lang
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get((None, message)) or message

    def pgettext(self, context: str, message: str) -> str:
        return self._messages.get((context, message)) or self.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def has(self, message: str, context: str | None = None) -> bool:
        return (context, message) in self._messages


@cache
def translator(lang: Lang) -> Translator:
    path = catalogue_path(lang)
    messages: dict[tuple[str | None, str], str] = {}
    if path.exists():
        for entry in read_catalogue(path, lang):
            message, text = entry.id, entry.string
            if isinstance(message, str) and isinstance(text, str) and message and text and not entry.fuzzy:
                messages[(entry.context, message)] = text
    return Translator(lang, messages)
