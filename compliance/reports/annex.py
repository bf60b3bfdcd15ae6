"""The content of the CNDP filings, item by item, each value read from a named field of the submission.

A preparation aid, not a facsimile of a CNDP form: it lists what Art. 15 says a declaration states (and, when the
formality router says so, what an authorisation request and a transfer filing need), shows the value the
submission gives with the field it comes from, and flags what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compliance.domain.outcomes import Assessment
from compliance.domain.submission import Submission
from compliance.reports.fields import plain_value

_T = dict[str, str]


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
_DECLARATION: list[tuple[_T, list[str]]] = [
    (
        {
            "fr": "Responsable du traitement (nom, registre du commerce)",
            "ar": "المسؤول عن المعالجة (الاسم، السجل التجاري)",
            "en": "Controller (name, commercial register)",
        },
        ["controller.name", "controller.rc_number"],
    ),
    (
        {
            "fr": "Représentant au Maroc (responsable étranger)",
            "ar": "الممثل بالمغرب (مسؤول أجنبي)",
            "en": "Representative in Morocco (foreign controller)",
        },
        ["controller.representative_in_morocco.name"],
    ),
    (
        {"fr": "Dénomination du traitement", "ar": "تسمية المعالجة", "en": "Name of the processing"},
        ["processings[].name"],
    ),
    ({"fr": "Finalités", "ar": "الغايات", "en": "Purposes"}, ["processings[].purposes"]),
    (
        {
            "fr": "Catégories de personnes concernées",
            "ar": "فئات الأشخاص المعنيين",
            "en": "Categories of data subjects",
        },
        ["processings[].data_subjects"],
    ),
    (
        {"fr": "Catégories de données", "ar": "فئات المعطيات", "en": "Categories of data"},
        ["processings[].data_categories"],
    ),
    (
        {"fr": "Destinataires", "ar": "المرسل إليهم", "en": "Recipients"},
        ["processings[].recipients"],
    ),
    (
        {
            "fr": "Transferts envisagés vers l'étranger",
            "ar": "عمليات نقل المعطيات المزمعة إلى الخارج",
            "en": "Planned transfers abroad",
        },
        ["transfers[].country"],
    ),
    (
        {"fr": "Durée de conservation (jours)", "ar": "مدة الحفظ (بالأيام)", "en": "Retention period (days)"},
        ["processings[].retention.period_days"],
    ),
    (
        {
            "fr": "Service auprès duquel s'exercent les droits",
            "ar": "المصلحة التي تمارس لديها الحقوق",
            "en": "Where rights are exercised",
        },
        ["rights.access_channel", "rights.opposition_channel"],
    ),
    (
        {
            "fr": "Mesures de sécurité et de confidentialité",
            "ar": "تدابير السلامة والسرية",
            "en": "Security and confidentiality measures",
        },
        ["security"],
    ),
    (
        {
            "fr": "Interconnexions, cessions et sous-traitance",
            "ar": "الربط البيني والتفويت والمعالجة من الباطن",
            "en": "Interconnections, disclosures and processors",
        },
        ["processings[].interconnects_files", "processings[].third_party_disclosures", "processors[].name"],
    ),
]

_AUTHORISATION: list[tuple[_T, list[str]]] = [
    (
        {
            "fr": "Preuve de l'information des personnes",
            "ar": "ما يثبت إخبار الأشخاص المعنيين",
            "en": "Proof that persons are informed",
        },
        ["information_notice.location"],
    ),
    (
        {
            "fr": "Fondement du traitement (art. 4)",
            "ar": "أساس المعالجة (المادة 4)",
            "en": "Legal ground (Art. 4)",
        },
        ["processings[].legal_basis"],
    ),
    (
        {
            "fr": "Pièce qui établit ce fondement",
            "ar": "الوثيقة التي تثبت هذا الأساس",
            "en": "Document supporting that ground",
        },
        ["processings[].legal_basis_reference"],
    ),
]

_TRANSFER: list[tuple[_T, str]] = [
    ({"fr": "Destinataire", "ar": "المرسل إليه", "en": "Recipient"}, "recipient"),
    (
        {"fr": "Rôle du destinataire", "ar": "صفة المرسل إليه", "en": "Role of the recipient"},
        "recipient_role",
    ),
    ({"fr": "Finalité du transfert", "ar": "غاية النقل", "en": "Purpose of the transfer"}, "purpose"),
    ({"fr": "Données transférées", "ar": "المعطيات المنقولة", "en": "Data transferred"}, "data_categories"),
    (
        {"fr": "Fondement (art. 43 ou 44)", "ar": "الأساس (المادة 43 أو 44)", "en": "Ground (Art. 43 or 44)"},
        "mechanism",
    ),
    (
        {"fr": "Clauses contractuelles", "ar": "البنود التعاقدية", "en": "Contractual clauses"},
        "contractual_clauses",
    ),
]

TITLES: dict[str, _T] = {
    "F211": {"fr": "Déclaration (art. 15)", "ar": "التصريح (المادة 15)", "en": "Declaration (Art. 15)"},
    "F112": {
        "fr": "Demande d'autorisation : pièces en plus de la déclaration",
        "ar": "طلب الإذن: وثائق إضافية إلى مضمون التصريح",
        "en": "Authorisation request: items beyond the declaration",
    },
    "F118": {"fr": "Transfert vers {country}", "ar": "النقل إلى {country}", "en": "Transfer to {country}"},
}

NOTICE: _T = {
    "fr": "Aide à la préparation, établie d'après le fichier du projet : ce n'est pas un formulaire de la CNDP. "
    "Les éléments marqués « manquant » ne sont pas renseignés dans le fichier.",
    "ar": "أداة مساعدة على التحضير، معدة انطلاقا من ملف المشروع: ليست استمارة من استمارات اللجنة الوطنية. "
    "العناصر الموسومة «ناقص» غير مذكورة في الملف.",
    "en": "A preparation aid drawn from the project's file: this is not a CNDP form. "
    "Items marked 'missing' are not stated in the file.",
}
MISSING: _T = {"fr": "manquant", "ar": "ناقص", "en": "missing"}


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


def _security(data: Any, lang: str) -> str | None:
    measures = data.get("security") if isinstance(data, dict) else None
    if not isinstance(measures, dict):
        return None
    on = [k for k, v in measures.items() if v is True]
    return ", ".join(on) or None


def _item(data: dict[str, Any], label: str, paths: list[str], lang: str) -> AnnexItem:
    if paths == ["security"]:
        return AnnexItem(label, "security", _security(data, lang))
    found = [v for p in paths for v in _values(data, p) if v not in ([], "")]
    value = "; ".join(plain_value(v, lang) for v in found) if found else None
    return AnnexItem(label, ", ".join(paths), value)


def filings(assessment: Assessment, submission: Submission, lang: str) -> list[Filing]:
    """The filings the formality plan calls for, item by item."""
    data = submission.model_dump(mode="json")
    forms = {f.value for f in assessment.formalities.forms}
    out: list[Filing] = []
    if assessment.formalities.regime in ("declaration", "authorisation") or forms & {"F211", "F214", "F112"}:
        local = (data.get("controller") or {}).get("established_in_morocco") is True
        items = [
            _item(data, t[lang], p, lang)
            for t, p in _DECLARATION
            if not (local and p == ["controller.representative_in_morocco.name"])
        ]
        out.append(Filing(TITLES["F211"][lang], items))
    if forms & {"F112", "F113"}:
        out.append(Filing(TITLES["F112"][lang], [_item(data, t[lang], p, lang) for t, p in _AUTHORISATION]))
    transfers = data.get("transfers") or []
    for filing in assessment.formalities.transfers:
        entry = next((t for t in transfers if t.get("country") == filing.country), None)
        index = transfers.index(entry) if entry is not None else None
        items = [
            AnnexItem(
                t[lang],
                f"transfers[{index}].{key}" if index is not None else f"transfers[].{key}",
                plain_value(entry[key], lang) if entry and entry.get(key) not in (None, []) else None,
            )
            for t, key in _TRANSFER
        ]
        out.append(Filing(TITLES["F118"][lang].format(country=filing.country), items))
    return out
