"""Reading the message catalogues: one `.po` file per language, parsed once with Babel.

Parsing a catalogue takes a command line longer than the report it translates, so `translator` keeps the
messages it takes from each one in the private cache folder (`compliance.private_cache`), named by the hash of
the `.po` file's bytes and Babel's `.po` reader: an edited catalogue is parsed again. Babel is imported only then.
"""

from __future__ import annotations

import hashlib
import marshal
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.i18n.languages import Lang
from compliance.private_cache import FORMAT, cache_dir, read_blob, write_blob

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

Messages = dict[tuple[str | None, str], str]

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


def catalogue_path(lang: Lang) -> Path:
    return LOCALE_DIR / lang.value / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def read_catalogue(path: Path, lang: Lang | None = None) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=lang.value if lang else None)


class Translator:
    """gettext over one language's catalogue; a message without a translation reads as its English id."""

    def __init__(self, lang: Lang, messages: Messages) -> None:
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


def parse_messages(path: Path, lang: Lang) -> Messages:
    """The translated, not fuzzy messages of a catalogue, by (context, English id)."""
    messages: Messages = {}
    for entry in read_catalogue(path, lang):
        message, text = entry.id, entry.string
        if isinstance(message, str) and isinstance(text, str) and message and text and not entry.fuzzy:
            messages[(entry.context, message)] = text
    return messages


@cache
def _parser_stamp() -> str:
    """Babel's `.po` reader, by the size and modification time of its file (importing Babel to read its version
    would cost what the cache saves)."""
    spec = find_spec("babel")
    if spec is None or spec.origin is None:
        return "-"
    st = (Path(spec.origin).parent / "messages" / "pofile.py").stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _kept(raw: bytes, lang: Lang) -> tuple[Messages | None, str]:
    """The messages kept for this catalogue's bytes (None when not kept) and the entry's name."""
    key = hashlib.sha256(FORMAT + f"catalogue\0{_parser_stamp()}\0{lang.value}\0".encode() + raw).hexdigest()
    name = f"{key}.messages"
    folder = cache_dir()
    payload = read_blob(folder, name) if folder is not None else None
    if payload is not None:
        try:
            messages = marshal.loads(payload)  # authenticated by read_blob
        except (EOFError, ValueError, TypeError):
            return None, name
        if isinstance(messages, dict):
            return messages, name
    return None, name


@cache
def translator(lang: Lang) -> Translator:
    path = catalogue_path(lang)
    if not path.exists():
        return Translator(lang, {})
    messages, name = _kept(path.read_bytes(), lang)
    if messages is None:
        messages = parse_messages(path, lang)
        folder = cache_dir()
        if folder is not None:
            write_blob(folder, name, marshal.dumps(messages))
    return Translator(lang, messages)
