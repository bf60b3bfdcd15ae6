"""The printable decision: a PDF of the decision for people, carrying the signed record (the exact JSON export)
as an embedded file, so that `compliance verify-decision` checks the PDF as it checks the JSON.

The printed page is for reading; only the embedded record is verified. WeasyPrint lays out the page (loaded
on first use: it is heavy) and pypdf reads the attachment back.
"""

from __future__ import annotations

import io
import json
from html import escape
from typing import Any

from compliance.i18n import Lang, direction, text_direction
from compliance.i18n.catalogued import Catalogued
from compliance.i18n.said import said
from compliance.reports.html import COLON
from compliance.reports.pdf import asset_document
from compliance.reports.review_labels import JUDGEMENT_LABELS, REVIEW_STATE_LABELS
from compliance.service.people import People

ATTACHMENT = "decision.json"
PDF_MAGIC = b"%PDF-"


class NotADecisionFile(ValueError):
    """The file is neither a decision JSON export nor a decision PDF carrying one."""


def record_bytes(exported: dict[str, Any]) -> bytes:
    return (json.dumps(exported, ensure_ascii=False, indent=2) + "\n").encode()


# The printed page's words (English message ids; French and Arabic from the catalogue).
DECISION_TEXTS: Catalogued[str] = Catalogued(
    "decision pdf",
    {
        "doc": "CNDP decision",
        "title": "Review decision — version {version} {state}",
        "project": "Project",
        "organisation": "Organisation",
        "version": "Version",
        "decision": "Decision",
        "liaison": "Liaison",
        "date": "Date",
        "pack": "Rule pack",
        "opinion": "Opinion",
        "waivers": "Waivers",
        "rule": "Rule",
        "ground": "Legal ground",
        "until": "Until",
        "reason": "Reason",
        "by": "By",
        "judgements": "Judgements",
        "integrity": "Integrity",
        "submission": "Submission",
        "assessment": "Assessment",
        "key": "Signing key",
        "unsigned": "not signed",
        "note": "The signed record is attached to this PDF ({attachment}). To verify it offline: {command}. "
        "Only the attached record is authoritative.",
    },
)
_COMMAND = "compliance verify-decision decision.pdf --fingerprint sha256:…"
_STYLE = """
@font-face { font-family: "Report Sans"; src: url("fonts/NotoSans-Regular.ttf"); font-weight: normal; }
@font-face { font-family: "Report Sans"; src: url("fonts/NotoSans-Bold.ttf"); font-weight: bold; }
@font-face { font-family: "Report Naskh"; src: url("fonts/NotoNaskhArabic-Regular.ttf"); font-weight: normal; }
@font-face { font-family: "Report Naskh"; src: url("fonts/NotoNaskhArabic-Bold.ttf"); font-weight: bold; }
@page { size: A4; margin: 18mm; }
body { font-family: "Report Sans", "Report Naskh", sans-serif; font-size: 10pt; color: #111; }
html[lang="ar"] body { font-family: "Report Naskh", "Report Sans", serif; font-size: 10.5pt; }
h1 { font-size: 16pt; } th { text-align: start; vertical-align: top; padding-inline-end: 8pt; }
table { border-collapse: collapse; margin-bottom: 10pt; } td, th { padding: 2pt 4pt; text-align: start; }
.waivers td, .waivers th { border: 0.5pt solid #999; } code { font-size: 9pt; }
.hash { font-family: monospace; font-size: 8pt; word-break: break-all; }
"""


def _ltr(text: str, tag: str = "bdi") -> str:
    """An identifier, a date or a hash: read left to right, kept apart from the text around it."""
    return f'<{tag} dir="ltr">{escape(text)}</{tag}>'


def _bdi(text: str) -> str:
    """Words a person wrote (a reason, a name), in their own direction within the page's."""
    return f'<bdi dir="{text_direction(text)}">{escape(text)}</bdi>'


def _rows(rows: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)


def decision_html(exported: dict[str, Any], people: People | None = None, lang: Lang | str = Lang.fr) -> str:
    """The printed decision in `lang` (right to left in Arabic); identifiers and hashes stay as recorded."""
    lang = Lang(lang)
    words, colon = DECISION_TEXTS[lang], COLON[lang]["colon"]
    d = exported["decision"]
    who = people.shown(d["liaison"]) if people else d["liaison"]
    signature = exported.get("signature") or {}
    state = REVIEW_STATE_LABELS[lang].get(d["decision"], d["decision"])
    waivers = "".join(
        f"<tr><td>{_ltr(w['rule_id'], 'code')}</td><td>{_bdi(w.get('legal_ground') or '')}</td>"
        f"<td>{_ltr(str(w.get('expires') or ''))}</td><td>{_bdi(w.get('reason') or '')}</td>"
        f"<td>{_bdi(people.shown(w['reviewer']) if people else w['reviewer'])}</td></tr>"
        for w in d.get("waivers", [])
    )
    judgements = "".join(
        f"<li>{_ltr(r, 'code')}{colon} {escape(JUDGEMENT_LABELS[lang].get(j, j))}</li>"
        for r, j in sorted(d.get("judgements", {}).items())
    )
    heads = "".join(f"<th>{escape(words[k])}</th>" for k in ("rule", "ground", "until", "reason", "by"))
    hashes = [
        (words["submission"], d["submission_hash"]),
        (words["assessment"], d["assessment_hash"]),
        (words["decision"], exported.get("decision_hash") or ""),
        (words["key"], str(signature.get("key_fingerprint", words["unsigned"]))),
    ]
    note = escape(words["note"]).format(attachment=_ltr(ATTACHMENT), command=_ltr(_COMMAND, "code"))
    title = words["title"].format(version=d["version"], state=state)
    return f"""<!doctype html><html lang="{lang.value}" dir="{direction(lang)}"><head><meta charset="utf-8">
<title>{escape(words["doc"])}</title><style>{_STYLE}</style></head><body>
<h1>{escape(title)}</h1>
<table>{
        _rows(
            [
                (words["project"], _ltr(d["project_id"])),
                (words["organisation"], _ltr(d["organisation"])),
                (words["version"], escape(str(d["version"]))),
                (words["decision"], escape(state)),
                (words["liaison"], _bdi(who)),
                (words["date"], _ltr(d["decided_at"])),
                (words["pack"], _ltr(f"{d['pack_id']} {d['pack_version']}")),
            ]
        )
    }</table>
<h2>{escape(words["opinion"])}</h2><p dir="{text_direction(d["opinion"])}">{escape(d["opinion"])}</p>
<h2>{escape(words["waivers"])}</h2>
<table class="waivers"><tr>{heads}</tr>{waivers}</table>
<h2>{escape(words["judgements"])}</h2><ul>{judgements or "<li>—</li>"}</ul>
<h2>{escape(words["integrity"])}</h2>
<table>{
        "".join(
            f'<tr><th>{escape(k)}</th><td class="hash" dir="ltr">{escape(v)}</td></tr>' for k, v in hashes
        )
    }</table>
<p>{note}</p>
</body></html>"""


def render_decision_pdf(
    exported: dict[str, Any], people: People | None = None, lang: Lang | str = Lang.fr
) -> bytes:
    from weasyprint import Attachment

    attachment = Attachment(file_obj=io.BytesIO(record_bytes(exported)), name=ATTACHMENT)
    pdf: bytes = asset_document(decision_html(exported, people, lang)).write_pdf(attachments=[attachment])
    return pdf


def read_decision_file(data: bytes) -> dict[str, Any]:
    """The decision record from a JSON export, or from the record embedded in a decision PDF."""
    if data.startswith(PDF_MAGIC):
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            found = PdfReader(io.BytesIO(data)).attachments.get(ATTACHMENT)
        except (PdfReadError, ValueError, KeyError) as exc:
            raise NotADecisionFile(said("pdf_unreadable", error=type(exc).__name__)) from None
        if not found:
            raise NotADecisionFile(said("pdf_no_record", attachment=ATTACHMENT))
        data = found[0]
    try:
        doc = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise NotADecisionFile(said("file_not_json")) from None
    if not isinstance(doc, dict):
        raise NotADecisionFile(said("file_not_record"))
    return doc
