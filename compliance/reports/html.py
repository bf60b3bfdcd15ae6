"""The report as one HTML page (autoescaped Jinja2): the one-page summary, then the findings by chapter.

The same page is printed to PDF (compliance.reports.pdf) and can be shown by the web app; its stylesheet is
inlined unless the caller serves `assets/report.css` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from compliance.domain.basis import Localized
from compliance.domain.formality_words import SEPARATORS
from compliance.domain.outcomes import Assessment
from compliance.i18n import Lang, text_direction
from compliance.i18n import direction as writing_direction
from compliance.i18n.catalogued import Catalogued
from compliance.reports.annex import ANNEX_TEXTS, filings
from compliance.reports.digest import digest, formality_summary, stated_facts
from compliance.reports.labels import (
    LABELS,
    OUTCOME_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    chapter_label,
    count_label,
    money,
)
from compliance.reports.summary import by_chapter, exposure_words, max_total

if TYPE_CHECKING:
    from compliance.domain.submission import SubmissionData

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


# Punctuation that differs by language: French puts a space before a colon.
COLON: Catalogued[str] = Catalogued("punctuation", {"colon": ":"})


@cache
def _stylesheet() -> Markup:
    """The package's own stylesheet, trusted as markup (it holds quotes that escaping would break)."""
    return Markup((ASSETS / "report.css").read_text(encoding="utf-8"))


def _fallback_attrs(text: Localized, lang: str) -> Markup:
    """Marks a rule text shown in French for want of its Arabic, so that it is laid out left to right."""
    return Markup('lang="fr" dir="ltr"') if lang == "ar" and text.ar is None else Markup("")


def direction(lang: Lang | str) -> str:
    return writing_direction(Lang(lang))


def render_html(
    assessment: Assessment,
    lang: Lang | str = Lang.fr,
    field_url: Callable[[str, str], str | None] | None = None,
    inline_css: bool = True,
    submission: SubmissionData | None = None,
    fragment: bool = False,
) -> str:
    """The report page; `field_url(section, field)` links each question to the questionnaire field that
    answers it (None: no link); with the submission, the annex lists the content of the filings; `fragment`
    leaves out the document around the sections, for a page that has its own (the web app's)."""
    a = assessment
    d = digest(a, lang)
    chapters = [
        (chapter_label(chapter, lang), [(f, *stated_facts(f, lang)) for f in findings])
        for chapter, findings in by_chapter(a.findings)
    ]
    return (
        _environment()
        .get_template("report.html")
        .render(
            a=a,
            d=d,
            lang=lang,
            dir=direction(lang),
            colon=COLON[lang]["colon"],
            parts=SEPARATORS[lang]["parts"],
            words=LABELS[lang],
            verdict=VERDICT_LABELS[lang][a.verdict],
            formality=formality_summary(a.formalities, lang),
            outcome=OUTCOME_LABELS[lang],
            severity=SEVERITY_LABELS[lang],
            exposure_lines=[(exposure_words(e, lang), e.rules) for e in d.exposures],
            text_dir=text_direction,
            max_total=money(max_total(d.exposures), lang),
            counts=" · ".join(f"{count_label(k, lang)} {v}" for k, v in a.counts.items()),
            chapters=chapters,
            field_url=field_url,
            attrs=lambda text: _fallback_attrs(text, lang),
            annex=filings(a, submission, lang) if submission is not None else [],
            annex_notice=ANNEX_TEXTS[lang]["notice"],
            missing_word=ANNEX_TEXTS[lang]["missing"],
            inline_css=_stylesheet() if inline_css else None,
            fragment=fragment,
        )
    )
