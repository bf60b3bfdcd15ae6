"""The three languages and how a request picks one."""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class Lang(StrEnum):
    fr = "fr"
    en = "en"
    ar = "ar"


DEFAULT = Lang.fr
_RTL = frozenset({Lang.ar})


def direction(lang: Lang) -> str:
    """The writing direction of the language, for the `dir` attribute."""
    return "rtl" if lang in _RTL else "ltr"


def text_direction(text: object) -> str:
    """The direction of a text a person wrote, by its first strongly directional letter, as `dir="auto"` would
    find it ("ltr" when it has none). For renderers that do not resolve `dir="auto"` themselves (WeasyPrint)."""
    for char in str(text):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def parse(value: str | None) -> Lang | None:
    if not value:
        return None
    try:
        return Lang(value.strip().lower())
    except ValueError:
        return None


def negotiate(accept_language: str | None) -> Lang:
    """The best of our languages for an `Accept-Language` header (RFC 9110 weights), French by default."""
    best: tuple[float, int, Lang] | None = None
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        lang = parse(tag.split("-")[0])
        if lang is None:
            continue
        weight = 1.0
        for param in params.split(";"):
            key, _, raw = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(raw)
                except ValueError:
                    weight = 0.0
        if weight <= 0:
            continue
        candidate = (-weight, position, lang)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else DEFAULT
