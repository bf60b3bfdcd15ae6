"""Which Art. 12(1) grounds the CNDP acts on file actually cover (law-09-08.md §2 Art. 12, §7 Decree Art. 28).

An authorisation covers a ground when its scope names the ground, or names every processing of the project.
Sources: the project-wide authorisation number (`cndp.authorisation_number`, documented as covering the whole
project), scoped acts (`cndp.acts`), a special law (`cndp.statutory_authorisation`, Art. 12 "unless special laws
provide otherwise", Art. 21) for the grounds it clearly covers, and a request left unanswered past the Decree
Art. 28 time limit (two months, once extendable), which counts as authorisation. Each ground is covered (True),
not covered (False) or unknown (None: an act of unstated scope, a statute of unclear scope, a date missing).
A re-use for another purpose is not covered by an authorisation dated before it (unknown), and never when the
project itself states the re-use is incompatible.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from compliance.engine.declared import fold as _fold

Cover = bool | None
REUSE = "reuse-other-purpose"
DECISION_MONTHS = 2  # Decree Art. 28: two months, extendable once by a reasoned decision


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Source:
    """Something that may authorise: its scope (None: not stated) and the date it took effect."""

    grounds: list[str] | None
    processings: list[str] | None
    since: date | None
    whole_project: bool = False
    purposes: tuple[str, ...] = ()


def deemed_granted_on(request: dict[str, Any]) -> date | None:
    """The day a pending request counts as granted under Decree Art. 28, or None if it cannot be said."""
    filed = _as_date(request.get("filed_date"))
    if filed is None:
        return None
    extended = request.get("extension_notified")
    if extended is None:
        return None
    return _add_months(filed, DECISION_MONTHS * (2 if extended else 1))


def authorisation_sources(facts: dict[str, Any], today: date) -> list[Source]:
    cndp = facts.get("cndp") or {}
    out: list[Source] = []
    if cndp.get("authorisation_number"):
        out.append(Source(None, None, _as_date(cndp.get("authorisation_date")), whole_project=True))
    for act in cndp.get("acts") or []:
        if act.get("kind") == "authorisation":
            purposes = tuple(_fold(x) for x in act.get("purposes") or [])
            out.append(
                Source(act.get("grounds"), act.get("processings"), _as_date(act.get("date")), False, purposes)
            )
    if cndp.get("statutory_authorisation"):
        # A statute has no filing date: it authorises from before the processing.
        out.append(Source(cndp.get("statutory_authorisation_grounds"), None, date.min))
    for request in cndp.get("authorisation_requests") or []:
        decision = request.get("decision")
        deemed = deemed_granted_on(request)
        if decision == "granted" or (decision == "pending" and deemed is not None and deemed <= today):
            out.append(Source(request.get("grounds"), request.get("processings"), deemed))
    return out


def _scope_covers(source: Source, ground: str, processing_ids: list[str] | None) -> Cover:
    if source.whole_project:
        return True
    if source.grounds is not None and ground in source.grounds:
        return True
    if source.processings and processing_ids is not None and set(processing_ids) <= set(source.processings):
        return True
    if source.grounds is None and source.processings is None:
        return None
    return False


def _reuse_dates(facts: dict[str, Any], source: Source) -> tuple[list[date | None], bool]:
    """Start dates of the re-uses the act does not name by their purposes, and whether the project states one
    of them incompatible. An act that names a re-use's purposes was granted for it, whatever its date."""
    dates: list[date | None] = []
    incompatible = False
    for p in facts.get("processings") or []:
        purposes = [_fold(x) for x in p.get("purposes") or []]
        if purposes and source.purposes and set(purposes) <= set(source.purposes):
            continue
        if p.get("reuses_data_from"):
            dates.append(_as_date(p.get("reuse_started")))
            incompatible = incompatible or p.get("reuse_compatible") is False
    return dates, incompatible


def _covers(source: Source, ground: str, facts: dict[str, Any], ids: list[str] | None) -> Cover:
    scope = _scope_covers(source, ground, ids)
    if scope is False or ground != REUSE:
        return scope
    dates, incompatible = _reuse_dates(facts, source)
    if not dates:
        return scope
    if source.since is None or None in dates:
        # Undated: a project-wide authorisation is taken at its word; a scoped one asks when it was granted.
        return scope if source.whole_project else None
    if any(source.since < d for d in dates if d is not None):
        # Granted before the re-use began: it cannot have examined it.
        return False if incompatible else None
    return scope


def _ids(facts: dict[str, Any]) -> list[str] | None:
    """Ids of every processing, or None when the list or an id is not stated."""
    processings = facts.get("processings")
    if processings is None or not all(p.get("id") for p in processings):
        return None
    return [p["id"] for p in processings]


def ground_cover(
    facts: dict[str, Any], ground: str, today: date, sources: list[Source] | None = None
) -> Cover:
    """`sources`: `authorisation_sources(facts, today)` when the caller has them already."""
    return covers(facts, [ground], authorisation_sources(facts, today) if sources is None else sources)[0]


def covers(facts: dict[str, Any], grounds: list[str], sources: list[Source]) -> list[Cover]:
    """`ground_cover` of each ground, the processings' ids read once (False for all without a source)."""
    if not sources:
        return [False] * len(grounds)
    ids = _ids(facts)
    out: list[Cover] = []
    for ground in grounds:
        result: Cover = False
        for source in sources:
            c = _covers(source, ground, facts, ids)
            if c is True:
                result = True
                break
            if c is None:
                result = None
        out.append(result)
    return out


def uncovered(
    facts: dict[str, Any], grounds: list[str], today: date, sources: list[Source] | None = None
) -> list[str] | None:
    """The grounds no source covers; None when none is certainly uncovered but one is unknown."""
    sources = authorisation_sources(facts, today) if sources is None else sources
    found = dict(zip(grounds, covers(facts, grounds, sources), strict=True))
    missing = [g for g, c in found.items() if c is False]
    if missing:
        return missing
    return None if any(c is None for c in found.values()) else []


def authorised_on(
    facts: dict[str, Any], grounds: list[str], today: date, sources: list[Source] | None = None
) -> date | None:
    """The earliest day every ground was covered (for the go-live check), None when it cannot be said."""
    sources = authorisation_sources(facts, today) if sources is None else sources
    if not sources:
        return None  # nothing covers a ground
    ids = _ids(facts)
    worst = date.min
    for g in grounds or ["*"]:
        best: date | None = None
        for s in sources:
            if (g == "*" or _covers(s, g, facts, ids) is True) and s.since is not None:
                best = s.since if best is None or s.since < best else best
        if best is None:
            return None
        worst = max(worst, best)
    return worst


def receipt(facts: dict[str, Any]) -> tuple[bool, str | None]:
    """Whether a declaration receipt is on file (the project's, or an act), and its earliest date (ISO)."""
    cndp = facts.get("cndp") or {}
    found = False
    dates: list[date | None] = []
    if cndp.get("receipt_number"):
        found = True
        dates.append(_as_date(cndp.get("receipt_date")))
    for act in cndp.get("acts") or []:
        if act.get("kind") == "declaration_receipt":
            found = True
            dates.append(_as_date(act.get("date")))
    known = [d for d in dates if d is not None]
    return found, min(known).isoformat() if known else None


def destination_acts(facts: dict[str, Any], country: str) -> tuple[bool, bool]:
    """Whether a transfer authorisation, and a transfer notification, on file name this destination."""
    authorised = notified = False
    for act in (facts.get("cndp") or {}).get("acts") or []:
        if country in (act.get("destinations") or []):
            authorised = authorised or act.get("kind") == "transfer_authorisation"
            notified = notified or act.get("kind") == "transfer_notification"
    return authorised, notified
