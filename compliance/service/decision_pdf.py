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

from compliance.i18n.said import said
from compliance.reports.review_labels import JUDGEMENT_LABELS, REVIEW_STATE_LABELS
from compliance.service.people import People

ATTACHMENT = "decision.json"
PDF_MAGIC = b"%PDF-"


class NotADecisionFile(ValueError):
    """The file is neither a decision JSON export nor a decision PDF carrying one."""


def record_bytes(exported: dict[str, Any]) -> bytes:
    return (json.dumps(exported, ensure_ascii=False, indent=2) + "\n").encode()


def _rows(rows: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)


def decision_html(exported: dict[str, Any], people: People | None = None) -> str:
    d = exported["decision"]
    who = people.shown(d["liaison"]) if people else d["liaison"]
    signature = exported.get("signature") or {}
    state = REVIEW_STATE_LABELS["fr"].get(d["decision"], d["decision"])
    waivers = "".join(
        f"<tr><td><code>{escape(w['rule_id'])}</code></td><td>{escape(w.get('legal_ground') or '')}</td>"
        f"<td>{escape(str(w.get('expires') or ''))}</td><td>{escape(w.get('reason') or '')}</td>"
        f"<td>{escape(people.shown(w['reviewer']) if people else w['reviewer'])}</td></tr>"
        for w in d.get("waivers", [])
    )
    judgements = "".join(
        f"<li><code>{escape(r)}</code> : {escape(JUDGEMENT_LABELS['fr'].get(j, j))}</li>"
        for r, j in sorted(d.get("judgements", {}).items())
    )
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Décision CNDP</title>
<style>
@page {{ size: A4; margin: 18mm; }}
body {{ font-family: sans-serif; font-size: 10pt; color: #111; }}
h1 {{ font-size: 16pt; }} th {{ text-align: left; vertical-align: top; padding-right: 8pt; }}
table {{ border-collapse: collapse; margin-bottom: 10pt; }} td, th {{ padding: 2pt 4pt; }}
.waivers td, .waivers th {{ border: 0.5pt solid #999; }} code {{ font-size: 9pt; }}
.hash {{ font-family: monospace; font-size: 8pt; word-break: break-all; }}
</style></head><body>
<h1>Décision de revue — version {escape(str(d["version"]))} {escape(state)}</h1>
<table>{
        _rows(
            [
                ("Projet", d["project_id"]),
                ("Organisation", d["organisation"]),
                ("Version", str(d["version"])),
                ("Décision", state),
                ("Liaison", who),
                ("Date", d["decided_at"]),
                ("Référentiel", f"{d['pack_id']} {d['pack_version']}"),
            ]
        )
    }</table>
<h2>Avis</h2><p>{escape(d["opinion"])}</p>
<h2>Dérogations</h2>
<table class="waivers"><tr><th>Règle</th><th>Fondement</th><th>Jusqu'au</th><th>Motif</th><th>Par</th></tr>{
        waivers
    }</table>
<h2>Jugements</h2><ul>{judgements or "<li>—</li>"}</ul>
<h2>Intégrité</h2>
<table>{
        _rows(
            [
                ("Soumission", d["submission_hash"]),
                ("Évaluation", d["assessment_hash"]),
                ("Décision", exported.get("decision_hash") or ""),
                ("Clé de signature", str(signature.get("key_fingerprint", "non signée"))),
            ]
        ).replace("<td>", '<td class="hash">')
    }</table>
<p>L'enregistrement signé est joint à ce PDF ({ATTACHMENT}). Vérification hors ligne :
<code>compliance verify-decision decision.pdf --fingerprint sha256:…</code>. Seul l'enregistrement joint fait foi.</p>
</body></html>"""


def render_decision_pdf(exported: dict[str, Any], people: People | None = None) -> bytes:
    from weasyprint import HTML, Attachment

    attachment = Attachment(file_obj=io.BytesIO(record_bytes(exported)), name=ATTACHMENT)
    pdf: bytes = HTML(string=decision_html(exported, people)).write_pdf(attachments=[attachment])
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
