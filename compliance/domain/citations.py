"""A formality trigger's citation in the reader's language. Most are article numbers ('Art. 12(1)(b)'), read
the same in French and English and written 'المادة …' in Arabic; a few name a practice rather than an article,
and those are worded through the catalogue too."""

from __future__ import annotations

from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued

_PRACTICE = "CNDP practice (biometrics, facial recognition)"
PRACTICES: Catalogued[str] = Catalogued("citation", {_PRACTICE: _PRACTICE})
ARTICLE: Catalogued[str] = Catalogued(
    "citation",
    {"article": "Art. {number}", "decree": "Decree Art. {number}", "and": "{first} and {second}"},
)
_DECREE = "Decree Art. "


def cited(article: str, lang: Lang | str) -> str:
    """The citation in words; one that cites the law and the decree ('Art. 21-22; Decree Art. 29') names
    both, each in the reader's language."""
    worded = PRACTICES[lang].get(article)
    if worded is not None:
        return worded
    first, _, second = article.partition("; ")
    if second:
        return ARTICLE.text("and", lang, first=cited(first, lang), second=cited(second, lang))
    if article.startswith(_DECREE):
        return ARTICLE.text("decree", lang, number=article.removeprefix(_DECREE))
    if article.startswith("Art. "):
        return ARTICLE.text("article", lang, number=article.removeprefix("Art. "))
    return article
