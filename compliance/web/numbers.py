"""Whole numbers read from a URL or a form: a version's number, a page, a revision, a list's count."""

from __future__ import annotations

MAX_DIGITS = 9  # beyond any real version, count or page; `int` of thousands of digits is refused or slow


def whole_number(text: object) -> int | None:
    """The number `text` writes in ASCII digits, None for anything else: `str.isdigit` also takes `²` or
    `①`, which `int` refuses (a 500), and a number of 5000 digits, which `int` refuses too."""
    if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    return None
