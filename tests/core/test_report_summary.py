"""The one-page summary every report opens with, on the bank voice-assistant example (issue 14)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from compliance.domain.outcomes import Assessment, Outcome
from compliance.reports import ReportFormat, render
from compliance.reports.annex import ANNEX_TEXTS, filings
from compliance.reports.digest import MAX_ACTIONS, digest
from compliance.reports.fields import file_field, plain_value
from compliance.reports.labels import LABELS
from compliance.reports.text import summary_lines
from compliance.service.assessing import assessor_for
from compliance.service.submissions import read_submission

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "examples" / "bank-voice-assistant.yaml"
LANGS = ("fr", "ar", "en")


@pytest.fixture(scope="module")
def bank() -> Assessment:
    return assessor_for(None).assess(read_submission(BANK))


@pytest.mark.parametrize("lang", LANGS)
def test_at_most_seven_actions_and_no_question_twice(bank: Assessment, lang: str) -> None:
    d = digest(bank, lang)
    assert 0 < len(d.actions) <= MAX_ACTIONS
    assert d.more > 0  # the example has more open points than fit: the rest is counted, not dropped
    sections = [a.section for a in d.actions if a.kind == "answer"]
    assert len(sections) == len(set(sections))
    asked = [f"{a.section}.{f}" for a in d.actions for f in a.fields]
    assert len(asked) == len(set(asked))
    # Needs-info blockers come first, then the questions that decide the most checks.
    assert d.actions[0].rules and "L0908-A04-LEGAL-BASIS" in d.actions[0].rules
    later = [a.unblocks for a in d.actions if a.severity.value != "blocker"]
    assert later == sorted(later, reverse=True)


@pytest.mark.parametrize("lang", LANGS)
def test_summary_in_plain_words(bank: Assessment, lang: str) -> None:
    text = "\n".join(summary_lines(bank, lang))
    assert "derived." not in text
    assert "{'" not in text and "True" not in text and "None" not in text
    assert "✗" not in text
    assert LABELS[lang]["actions"] in text
    for act in digest(bank, lang).actions:  # each question names where it goes in the file
        assert act.section in text
        assert all(f in text for f in act.fields)


@pytest.mark.parametrize("fmt", [ReportFormat.text, ReportFormat.markdown, ReportFormat.html])
def test_every_report_opens_with_the_summary_and_hides_code(bank: Assessment, fmt: ReportFormat) -> None:
    report = render(bank, fmt, lang="fr")
    if fmt is ReportFormat.html:
        report = html.unescape(report)
    words = LABELS["fr"]
    assert report.index(words["actions"]) < report.index(words["findings"])
    assert "derived." not in report
    assert "{'" not in report and "': True" not in report


def test_a_question_is_never_marked_as_a_failure(bank: Assessment) -> None:
    report = render(bank, ReportFormat.text, lang="en")
    for block in report.split("\n  ")[1:]:
        if block.startswith("? NEEDS INFO"):
            assert "✗" not in block.split("\n  ?")[0]


def test_derived_facts_are_named_by_the_field_of_the_file() -> None:
    assert file_field("derived.foreign_destinations[2].notified_to_cndp") == "transfers[].notified_to_cndp"
    assert file_field("derived.required_regime") is None
    assert file_field("processings[0].legal_basis") == "processings[0].legal_basis"
    assert plain_value({"collects_voice": True}, "fr") == "collects_voice: oui"
    assert plain_value(None, "ar") == "غير مذكور"


def test_html_is_escaped_and_laid_out_right_to_left_in_arabic(bank: Assessment) -> None:
    evil = bank.model_copy(update={"project_name": "<script>alert(1)</script>"})
    page = render(evil, ReportFormat.html, lang="ar")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert re.search(r'<html lang="ar" dir="rtl">', page)
    assert "تقرير المطابقة للقانون رقم 09.08" in page
    assert any(f.outcome is Outcome.needs_info for f in bank.findings)


@pytest.mark.parametrize("lang", LANGS)
def test_annex_lists_the_filings_items_from_named_fields(bank: Assessment, lang: str) -> None:
    submission = read_submission(BANK)
    found = {f.title: f for f in filings(bank, submission, lang)}
    assert len(found) == 3  # declaration items, authorisation items, one transfer filing (US)
    declaration, authorisation, transfer = found.values()
    by_field = {i.field: i for f in found.values() for i in f.items}
    assert (
        by_field["controller.name, controller.rc_number"].value
        == "Banque Atlas Al Maghrib SA; RC Casablanca 210345"
    )
    assert by_field["processings[].retention.period_days"].value is None  # not stated: flagged
    assert by_field["security"].value is None
    assert by_field["transfers[0].mechanism"].value is None
    assert by_field["transfers[0].recipient"].value == "OpenAI"
    assert "controller.representative_in_morocco.name" not in by_field  # established in Morocco
    assert declaration.missing >= 3 and transfer.missing == 2 and authorisation.missing == 1
    page = html.unescape(render(bank, ReportFormat.html, lang=lang, submission=submission))
    assert ANNEX_TEXTS[lang]["notice"] in page and ANNEX_TEXTS[lang]["missing"] in page
