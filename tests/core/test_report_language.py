"""`compliance check --lang fr` (and `--lang ar`) speaks French (Arabic) on every example, text and Markdown.

English words are found without a dictionary: a word of the English report of the same example that no
French text of ours uses (the French catalogue, the French texts of the rules) is English. What the submitter
wrote (names, free text, enumerated values) is taken out first: it is theirs, in their language. In Arabic,
any word in Latin letters is one, outside the same short allow-list.

Nothing is left out: the lines citing legal references (`Art. 46 (décret 2-09-165)`, `المادة 46 (المرسوم
2-09-165)`, a CNDP page or deliberation in words) and formality triggers are checked like every other line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po

from compliance.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FORMATS = ("text", "markdown")
# Loanwords and names the three languages share, and identifiers.
ALLOW = frozenset(
    {
        "cndp",
        "embeddings",
        "mad",
        "sha",
        "sarif",
        "json",
        "yaml",
        "ia",
        "ai",
        "api",
        "sms",
        "rag",
        "cin",
        "verdict",
        "darija",
    }
    | {
        "infrastructure",
        "details",
        "summary",
        "code",
        "true",
        "false",
        "null",
    }  # French too; HTML, YAML words
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_IDENTIFIER = re.compile(r"[_\[\]/@#=`]|\w\.\w|^[A-Z0-9-]{2,}[.,;:)]*$|\d")


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def words(text: str) -> list[str]:
    out: list[str] = []
    for token in text.split():
        if not _IDENTIFIER.search(token):
            out += [w.lower() for w in _WORD.findall(token)]
    return out


def _field_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _field_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _field_names(value)


@cache
def field_names() -> frozenset[str]:
    """The field names of the submission: identifiers the reports name (`dans le fichier « rights »`)."""
    schema = yaml.safe_load((ROOT / "schemas/submission.schema.json").read_text(encoding="utf-8"))
    return frozenset(name.lower() for name in _field_names(schema))


@cache
def french_vocabulary() -> frozenset[str]:
    """Our French words, and the field names of the submission."""
    found: set[str] = set(field_names())
    with (ROOT / "compliance/locale/fr/LC_MESSAGES/messages.po").open("rb") as handle:
        for message in read_po(handle):
            if isinstance(message.string, str):  # placeholders (%(rule)s, {rule}) are not words
                found.update(words(re.sub(r"%\(\w+\)s|\{\w*\}", " ", message.string)))

    def french(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "fr" and isinstance(value, str):
                    yield value
                else:
                    yield from french(value)
        elif isinstance(node, list):
            for value in node:
                yield from french(value)

    for path in (ROOT / "rules").rglob("*.yaml"):
        for text in french(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.update(words(text))
    return frozenset(found)


def report(capsys: pytest.CaptureFixture[str], example: Path, lang: str, fmt: str) -> str:
    main(["check", str(example), "--lang", lang, "--format", fmt])
    out = capsys.readouterr().out
    theirs = sorted(set(_strings(yaml.safe_load(example.read_text(encoding="utf-8")))), key=len, reverse=True)
    for text in theirs:
        out = re.sub(r"(?<!\w)" + re.escape(text) + r"(?!\w)", " ", out)
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_french_report_has_no_english_word(
    example: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    english = set(words(report(capsys, example, "en", fmt))) - french_vocabulary() - ALLOW
    french = report(capsys, example, "fr", fmt)
    leaks = {w: line.strip()[:120] for line in french.splitlines() for w in words(line) if w in english}
    assert leaks == {}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_arabic_report_has_no_latin_word(example: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    arabic = report(capsys, example, "ar", fmt)
    latin = re.compile(r"[A-Za-z]+")
    leaks = {
        w: line.strip()[:120]
        for line in arabic.splitlines()
        for word in words(line)
        for w in latin.findall(word)
        if w not in ALLOW | field_names() and len(w) > 1  # (a), (b): the letters of a paragraph
    }
    assert leaks == {}


def test_the_check_finds_an_english_word() -> None:
    """The test above can fail: an English label in a French line is found."""
    english = set(words("Verdict: NON-COMPLIANT  Rule pack: law-09-08")) - french_vocabulary() - ALLOW
    assert {"rule", "pack"} <= english
