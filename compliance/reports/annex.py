"""The content of the CNDP filings, item by item, each value read from a named field of the submission.

A preparation aid, not a facsimile of a CNDP form: it lists what Art. 15 says a declaration states (and, when the
formality router says so, what an authorisation request and a transfer filing need), shows the value the
submission gives with the field it comes from, and flags what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compliance.domain.outcomes import Assessment
from compliance.i18n import Lang
from compliance.i18n.catalogued import Catalogued
from compliance.reports.fields import plain_value

if TYPE_CHECKING:
    from compliance.domain.submission import SubmissionData


@dataclass(frozen=True)
class AnnexItem:
    label: str
    field: str
    value: str | None  # None: not stated in the submission


@dataclass(frozen=True)
class Filing:
    title: str
    items: list[AnnexItem]

    @property
    def missing(self) -> int:
        return sum(1 for i in self.items if i.value is None)


# Art. 15 (a)-(i), in our words, with the fields that state each item (`[]`: every item of the list).
_DECLARATION: list[tuple[str, list[str]]] = [
    ("Controller (name, commercial register)", ["controller.name", "controller.rc_number"]),
    ("Representative in Morocco (foreign controller)", ["controller.representative_in_morocco.name"]),
    ("Name of the processing", ["processings[].name"]),
    ("Purposes", ["processings[].purposes"]),
    ("Categories of data subjects", ["processings[].data_subjects"]),
    ("Categories of data", ["processings[].data_categories"]),
    ("Recipients", ["processings[].recipients"]),
    ("Planned transfers abroad", ["transfers[].country"]),
    ("Retention period (days)", ["processings[].retention.period_days"]),
    ("Where rights are exercised", ["rights.access_channel", "rights.opposition_channel"]),
    ("Security and confidentiality measures", ["security"]),
    (
        "Interconnections, disclosures and processors",
        ["processings[].interconnects_files", "processings[].third_party_disclosures", "processors[].name"],
    ),
]

_AUTHORISATION: list[tuple[str, list[str]]] = [
    ("Proof that persons are informed", ["information_notice.location"]),
    ("Legal ground (Art. 4)", ["processings[].legal_basis"]),
    ("Document supporting that ground", ["processings[].legal_basis_reference"]),
]

_TRANSFER: list[tuple[str, str]] = [
    ("Recipient", "recipient"),
    ("Role of the recipient", "recipient_role"),
    ("Purpose of the transfer", "purpose"),
    ("Data transferred", "data_categories"),
    ("Ground (Art. 43 or 44)", "mechanism"),
    ("Contractual clauses", "contractual_clauses"),
]

ANNEX_TEXTS: Catalogued[str] = Catalogued(
    "annex",
    {
        **{label: label for label, _ in (*_DECLARATION, *_AUTHORISATION, *_TRANSFER)},
        "F211": "Declaration (Art. 15)",
        "F112": "Authorisation request: items beyond the declaration",
        "F118": "Transfer to {country}",
        "notice": "A preparation aid drawn from the project's file: this is not a CNDP form. "
        "Items marked 'missing' are not stated in the file.",
        "missing": "missing",
    },
)


def _values(data: Any, path: str) -> list[Any]:
    """Every value at a dotted path, `[]` walking each item of a list; nulls left out."""
    current = [data]
    for part in path.split("."):
        key, walk = (part[:-2], True) if part.endswith("[]") else (part, False)
        nxt: list[Any] = []
        for item in current:
            if isinstance(item, dict) and item.get(key) is not None:
                value = item[key]
                nxt.extend(value if walk and isinstance(value, list) else [value])
        current = nxt
    return current


def _security(data: Any, lang: Lang | str) -> str | None:
    measures = data.get("security") if isinstance(data, dict) else None
    if not isinstance(measures, dict):
        return None
    on = [k for k, v in measures.items() if v is True]
    return ", ".join(on) or None


def _item(data: dict[str, Any], label: str, paths: list[str], lang: Lang | str) -> AnnexItem:
    if paths == ["security"]:
        return AnnexItem(label, "security", _security(data, lang))
    found = [v for p in paths for v in _values(data, p) if v not in ([], "")]
    value = "; ".join(plain_value(v, lang) for v in found) if found else None
    return AnnexItem(label, ", ".join(paths), value)


def filings(assessment: Assessment, submission: SubmissionData, lang: Lang | str) -> list[Filing]:
    """The filings the formality plan calls for, item by item."""
    data = submission if isinstance(submission, dict) else submission.model_dump(mode="json")
    forms = {f.value for f in assessment.formalities.forms}
    out: list[Filing] = []
    if assessment.formalities.regime in ("declaration", "authorisation") or forms & {"F211", "F214", "F112"}:
        local = (data.get("controller") or {}).get("established_in_morocco") is True
        items = [
            _item(data, ANNEX_TEXTS[lang][t], p, lang)
            for t, p in _DECLARATION
            if not (local and p == ["controller.representative_in_morocco.name"])
        ]
        out.append(Filing(ANNEX_TEXTS[lang]["F211"], items))
    if forms & {"F112", "F113"}:
        out.append(
            Filing(
                ANNEX_TEXTS[lang]["F112"],
                [_item(data, ANNEX_TEXTS[lang][t], p, lang) for t, p in _AUTHORISATION],
            )
        )
    transfers = data.get("transfers") or []
    for filing in assessment.formalities.transfers:
        entry = next((t for t in transfers if t.get("country") == filing.country), None)
        index = transfers.index(entry) if entry is not None else None
        items = [
            AnnexItem(
                ANNEX_TEXTS[lang][t],
                f"transfers[{index}].{key}" if index is not None else f"transfers[].{key}",
                plain_value(entry[key], lang) if entry and entry.get(key) not in (None, []) else None,
            )
            for t, key in _TRANSFER
        ]
        out.append(Filing(ANNEX_TEXTS.text("F118", lang, country=filing.country), items))
    return out
