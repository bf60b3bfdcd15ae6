"""A formality trigger's citation in the reader's language. Most are article numbers ('Art. 12(1)(b)'), read
the same in French and English and written 'المادة …' in Arabic; a few name a practice rather than an article,
and those have words of their own here."""

from __future__ import annotations

_WORDED: dict[str, dict[str, str]] = {
    "CNDP practice (biometrics, facial recognition)": {
        "fr": "pratique de la CNDP (biométrie, reconnaissance faciale)",
        "ar": "ممارسة اللجنة الوطنية (القياسات البيومترية، التعرف على الوجه)",
        "en": "CNDP practice (biometrics, facial recognition)",
    },
}


def cited(article: str, lang: str) -> str:
    worded = _WORDED.get(article)
    if worded is not None:
        return worded.get(lang, worded["en"])
    if lang == "ar" and article.startswith("Art. "):
        return "المادة " + article.removeprefix("Art. ")
    return article
