"""A formality trigger's citation in the reader's language. Most are article numbers ('Art. 12(1)(b)'), read
the same in French and English and written 'المادة …' in Arabic; a few name a practice rather than an article,
and those are worded through the catalogue too."""

from __future__ import annotations

from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued

_PRACTICE = "CNDP practice (biometrics, facial recognition)"
PRACTICES: Catalogued[str] = Catalogued("citation", {_PRACTICE: _PRACTICE})
ARTICLE: Catalogued[str] = Catalogued("citation", {"article": "Art. {number}"})


def cited(article: str, lang: Lang | str) -> str:
    worded = PRACTICES[lang].get(article)
    if worded is not None:
        return worded
    if article.startswith("Art. "):
        return ARTICLE.text("article", lang, number=article.removeprefix("Art. "))
    return article
