"""Texts of the code in the one catalogue: a `Catalogued` holds English texts by key, and reads them in a
language through the catalogue (`labels[lang][key]`, or `labels.text(key, lang, name=value)` for a text with
named placeholders such as `{approver}`, filled in after translation).

Every `Catalogued` joins `REGISTRY` when it is made, so that `python -m compliance.web.messages`, which imports
every module of the package, puts all of their texts in the template: a new one cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Generic, TypeVar

from compliance.i18n.catalogue import translator
from compliance.i18n.languages import Lang

K = TypeVar("K")

REGISTRY: list[Catalogued[Any]] = []


class Catalogued(Mapping[str, dict[K, str]], Generic[K]):
    """Texts by language: `labels[lang][key]`, translated from the English by the catalogue. `context` is
    the message context of every text; `own` gives a text a context of its own (the same English as another
    text, translated otherwise)."""

    def __init__(self, context: str, texts: Mapping[K, str], own: Mapping[K, str] | None = None) -> None:
        self.context = context
        self.texts = texts
        self.own = own or {}
        REGISTRY.append(self)

    def messages(self) -> Iterator[tuple[str, str]]:
        """(context, English text) of every text, for the catalogue's template."""
        for key, text in self.texts.items():
            yield self.own.get(key, self.context), text

    def text(self, key: K, lang: Lang | str, /, **params: object) -> str:
        """One text in `lang`, its named placeholders filled in after translation."""
        message = self[lang][key]
        return message.format(**params) if params else message

    def __getitem__(self, lang: Lang | str) -> dict[K, str]:
        return _translated(self, Lang(lang))

    def __iter__(self) -> Iterator[str]:
        return iter(lang.value for lang in Lang)

    def __len__(self) -> int:
        return len(Lang)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@cache
def _translated(labels: Catalogued[K], lang: Lang) -> dict[K, str]:
    words = translator(lang)
    return {
        key: words.pgettext(labels.own.get(key, labels.context), text) for key, text in labels.texts.items()
    }


def registered() -> Iterator[tuple[str, str]]:
    """(context, English text) of every text of every `Catalogued` made so far."""
    for labels in REGISTRY:
        yield from labels.messages()
