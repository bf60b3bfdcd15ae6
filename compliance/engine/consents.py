"""Consent as it applies: per processing (its own, or the project's), and per prospection channel (Art. 4, 10)."""

from __future__ import annotations

from typing import Any

from compliance.engine.declared import fold

_LISTS = {"bought_list", "scraped", "partner_list"}


def processing_consents(facts: dict[str, Any]) -> list[dict[str, Any]]:
    project = facts.get("consent") or {}
    out = []
    for p in facts.get("processings") or []:
        if p.get("legal_basis") != "consent":
            continue
        own = p.get("consent")
        consent = own if own is not None else project
        named = consent.get("purposes")
        missing = None
        if named is not None and p.get("purposes") is not None:
            known = {fold(x) for x in named}
            missing = [x for x in p["purposes"] if fold(x) not in known]
        out.append(
            {
                "processing": p.get("id"),
                "own": own is not None,
                **{
                    k: consent.get(k) for k in ("mechanism", "recorded", "per_purpose", "separate_from_terms")
                },
                "withdrawable": consent.get("withdrawable"),
                "purposes_without_consent": missing,
            }
        )
    return out


def marketing_consents(facts: dict[str, Any], channels: list[str] | None) -> dict[str, Any]:
    records = (facts.get("direct_marketing") or {}).get("consented_channels")
    if records is None or channels is None:
        return {"unconsented_marketing_channels": None, "marketing_consent_from_lists": None}
    proven = {r.get("channel") for r in records if r.get("proof")}
    named = {r.get("channel") for r in records}
    missing = [c for c in channels if c not in named]
    unproven = any(c not in proven for c in channels)
    sources = [r.get("source") for r in records if r.get("channel") in channels]
    return {
        "unconsented_marketing_channels": missing or (None if unproven else []),
        "marketing_consent_from_lists": None
        if None in sources and not any(s in _LISTS for s in sources)
        else any(s in _LISTS for s in sources),
    }
