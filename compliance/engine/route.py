"""The CNDP formality router's lean way, without pydantic: the derived facts as plain JSON and the formality
plan built by `PlanForms` (the models for `compliance.engine.derive.Router`, or their plain forms for a warm
text `check`). The reference way, models validated and dumped, is `Router.derive`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from compliance.domain.compact_form import Leaf, expand_trace
from compliance.domain.formality_words import formality_sentence
from compliance.domain.grades import FormCode, Regime, TraceEntry
from compliance.domain.plain_forms import (
    PlainAdequacy,
    PlainPlan,
    PlainTexts,
    PlainTransfer,
    PlainTrigger,
    TriggerHead,
)
from compliance.engine.acts import authorisation_sources, authorised_on, covers, receipt, uncovered
from compliance.engine.consents import marketing_consents, processing_consents
from compliance.engine.declared import compare_declaration
from compliance.engine.destinations import destination_facts, filing_reason, lookup
from compliance.i18n import Lang

if TYPE_CHECKING:
    from compliance.domain.pack_parts import AdequacyList


class Kinds:
    """Which data categories are sensitive and biometric, and which marketing channels automated (values of
    `compliance.domain.vocabulary`, read from it by whoever has it: the engine, or the pack cache for a warm
    check, which then does not define the vocabulary's thirty enums)."""

    __slots__ = ("automated", "biometric", "sensitive")

    def __init__(
        self, sensitive: frozenset[str], biometric: frozenset[str], automated: frozenset[str]
    ) -> None:
        self.sensitive = sensitive
        self.biometric = biometric
        self.automated = automated


def vocabulary_kinds() -> Kinds:
    from compliance.domain.vocabulary import BIOMETRIC_CATEGORIES, SENSITIVE_CATEGORIES, MarketingChannel

    channels = ("email", "sms", "whatsapp", "automated_call", "voice_bot", "fax", "push")
    return Kinds(
        frozenset(c.value for c in SENSITIVE_CATEGORIES),
        frozenset(c.value for c in BIOMETRIC_CATEGORIES),
        frozenset(MarketingChannel[name].value for name in channels),
    )


def _categories(facts: dict[str, Any]) -> list[str] | None:
    processings = facts.get("processings")
    if processings is None:
        return None
    seen: dict[str, None] = {}
    stated = False
    for p in processings:
        cats = p.get("data_categories")
        if cats is not None:
            stated = True
            for c in cats:
                seen[c] = None
    if processings and not stated:
        return None
    return list(seen)  # stated (or no processing, so no category)


def _in(mapping: Any, key: str) -> Any:
    """`mapping[key]` where `mapping` is a mapping holding it, else None (`lookup` for one key)."""
    return mapping.get(key) if isinstance(mapping, dict) else None


def stated_facts(facts: dict[str, Any], sources: list[Any], kinds: Kinds) -> dict[str, Any]:
    """The derived facts the formality triggers read, as JSON values (keyword arguments of `Derived`); the
    foreign destinations, and what depends on the regime, are added by the caller."""
    cats = _categories(facts)
    marketing = _in(facts.get("direct_marketing"), "channels")
    automated = None if marketing is None else [c for c in marketing if c in kinds.automated]
    ai = facts.get("ai")
    training_pd = _in(_in(ai, "training"), "uses_personal_data")
    prompts_pd = _in(_in(ai, "inference"), "prompts_contain_personal_data")
    cndp = facts.get("cndp") or {}
    has_receipt, receipt_on = receipt(facts)
    return {
        "data_categories": cats,
        "sensitive_categories": None if cats is None else [c for c in cats if c in kinds.sensitive],
        "biometric_categories": None if cats is None else [c for c in cats if c in kinds.biometric],
        "has_cndp_act": bool(
            cndp.get("receipt_number")
            or cndp.get("authorisation_number")
            or any(a.get("kind") in ("declaration_receipt", "authorisation") for a in cndp.get("acts") or [])
        ),
        "has_authorisation": bool(sources),
        "automated_marketing_channels": automated,
        "ai_uses_personal_data": True
        if (training_pd or prompts_pd)
        else (None if training_pd is None or prompts_pd is None else False),
        "processing_consents": processing_consents(facts),
        "has_receipt": has_receipt,
        "receipt_on": receipt_on,
        **compare_declaration(facts, cats),
        **marketing_consents(facts, automated),
    }


_FILING_KEY = itemgetter(
    "country", "on_adequacy_list", "list_verified", "list_state", "covered_by_cndp"
)  # with the sources: what a transfer filing is made of
_VALUE = {r: r.value for r in Regime}  # a lookup: `.value` is a Python property
_MEMO_SIZE = 4096  # countries come from submissions: the memos stay bounded
M = TypeVar("M")


def _memoised(table: dict[tuple[Any, ...], M], key: tuple[Any, ...], make: Callable[[], M]) -> M:
    found = table.get(key)
    if found is None:
        if len(table) >= _MEMO_SIZE:
            table.clear()
        found = table[key] = make()
    return found


class PlanForms:
    """How the parts of a plan are built: `texts(fr=, en=, ar=)`, `filing(**fields)`, and a trigger and the
    plan from their fields, in field order."""

    __slots__ = ("filing", "plan", "texts", "trigger")

    def __init__(
        self,
        texts: Callable[..., Any],
        filing: Callable[..., Any],
        trigger: Callable[[dict[str, Any]], Any],
        plan: Callable[[dict[str, Any]], Any],
    ) -> None:
        self.texts = texts
        self.filing = filing
        self.trigger = trigger
        self.plan = plan


PLAIN_FORMS = PlanForms(
    texts=PlainTexts,
    filing=PlainTransfer,
    trigger=lambda parts: PlainTrigger(**parts),
    plan=lambda parts: PlainPlan(**parts),
)


def plan_summary(
    forms: PlanForms, regime: Regime, certain: list[Any], possible: list[Any], transfers: list[Any]
) -> Any:
    """The sentence the engine keeps in the plan, in French and English."""
    fr, en = (formality_sentence(regime, certain, possible, transfers, lang) for lang in (Lang.fr, Lang.en))
    return forms.texts(fr=fr, en=en)


def transfer_filing(forms: PlanForms, destination: dict[str, Any]) -> Any:
    """The filing of one foreign destination (the fields of a `ForeignDestination`)."""
    d = destination
    reason = filing_reason(d["country"], d["sources"], d["on_adequacy_list"], d["list_state"])
    return forms.filing(
        country=d["country"],
        on_adequacy_list=d["on_adequacy_list"],
        list_verified=d["list_verified"],
        sources=d["sources"],
        covered_by_cndp=d["covered_by_cndp"],
        reason=forms.texts(**reason),
    )


def regime_of(
    facts: dict[str, Any],
    evaluated: Iterable[tuple[TriggerHead, Any, list[TraceEntry]]],
    trigger: Callable[[dict[str, Any]], Any],
) -> tuple[Regime, list[FormCode], list[Any], list[Any]]:
    """The triggers that apply (certain, possible), the regime and its form (transfer filings come after),
    from each trigger's result and the facts it read."""
    personal = facts.get("processes_personal_data")
    if personal is False:
        return regime_and_forms(facts, personal, [], [])
    kept = (  # the triggers ruled out are not kept (as the lean router does)
        (spec, result, [e for e in read if e.result is not False])
        for spec, result, read in evaluated
        if result is not False
    )
    return regime_and_forms(facts, personal, *applying(kept, trigger))


def applying(
    evaluated: Iterable[tuple[TriggerHead, Any, list[Any]]], trigger: Callable[[dict[str, Any]], Any]
) -> tuple[list[Any], list[Any]]:
    """The triggers that apply, certain and possible (built by `trigger`), from each trigger's result and the
    facts it read that did not rule it out."""
    certain: list[Any] = []
    possible: list[Any] = []
    for spec, result, read in evaluated:
        if result is not False:
            (certain if result else possible).append(trigger(_trigger_parts(spec, result, read)))
    return certain, possible


def _trigger_parts(spec: TriggerHead, result: Any, read: list[TraceEntry]) -> dict[str, Any]:
    """A trigger that applies, with the facts it read that did not rule it out (from the validated pack: no
    validation again)."""
    return {
        "id": spec.id,
        "article": spec.article,
        "status": spec.status,
        "reason": spec.reason,
        "certain": result is True,
        "facts": read,
    }


def regime_and_forms(
    facts: dict[str, Any], personal: Any, certain: list[Any], possible: list[Any]
) -> tuple[Regime, list[FormCode], list[Any], list[Any]]:
    """`regime_of` once the triggers that apply are known."""
    if personal is False:
        regime = Regime.none
    elif certain:
        regime = Regime.authorisation
    elif personal is None or any(t.status.can_fail for t in possible):
        # Only a trigger that could make a rule fail leaves the regime open; CNDP-practice ones are shown.
        regime = Regime.undetermined
    else:
        regime = Regime.declaration
    forms: list[FormCode] = []
    if regime is Regime.authorisation:
        simplified = lookup(facts, "cndp", "formality") == "simplified_authorisation"
        forms.append(FormCode.F113 if simplified else FormCode.F112)
    elif regime is Regime.declaration:
        simplified = lookup(facts, "cndp", "formality") == "simplified_declaration"
        forms.append(FormCode.F214 if simplified else FormCode.F211)
    return regime, forms, certain, possible


def legal_regime(personal: Any, triggers: list[Any], possible: list[Any]) -> Regime | None:
    """The regime the verified grounds alone require; None while a verified ground is undecided."""
    if personal is False:
        return Regime.none
    if any(t.status.can_fail for t in triggers):
        return Regime.authorisation
    if personal is None or any(t.status.can_fail for t in possible):
        return None
    return Regime.declaration


class LeanRouter:
    """Routes each submission with the triggers' generated function (`checks`, its leaf table `leaves`):
    `blank` holds every derived fact at its default as `Derived` dumps it, in its order, and `cover_fields`
    the fields of `AuthorisationCover` (read from the models by whoever has them). The plan's summaries and
    transfer filings are memoised (immutable; threads may race on them: a lost race builds the same again)."""

    def __init__(
        self,
        heads: list[TriggerHead],
        adequacy: AdequacyList | PlainAdequacy,
        forms: PlanForms,
        blank: dict[str, Any],
        cover_fields: list[str],
        kinds: Kinds,
        checks: Callable[[], tuple[Any, list[Leaf]]],
        today: date | None = None,
    ) -> None:
        self._heads = heads
        self._adequacy = adequacy
        self._forms = forms
        self._blank = blank
        self._cover_fields = cover_fields
        self._cover_grounds = [f.replace("_", "-") for f in cover_fields]  # ids of `AuthorisationGround`
        self._kinds = kinds
        self._make_checks = checks
        self._checks: Any = None
        self._leaves: list[Leaf] = []
        self._today = today  # fixed in tests; otherwise the day of each assessment
        self._summaries: dict[tuple[Any, ...], Any] = {}
        self._filings: dict[tuple[Any, ...], Any] = {}

    @property
    def today(self) -> date:
        """The day a pending request is judged on (Decree Art. 28)."""
        return self._today or date.today()

    def route(self, facts: dict[str, Any], reference: Any) -> Any:
        """Adds the `derived` facts to `facts` (as JSON, the keys and order `Derived` dumps) and gives the plan."""
        today = self.today
        sources = authorisation_sources(facts, today)
        destinations = destination_facts(facts, self._adequacy)
        stated = self._blank.copy()  # every key in `Derived` order: the updates below keep it
        stated.update(stated_facts(facts, sources, self._kinds))
        stated["foreign_destinations"] = destinations
        facts["derived"] = stated
        forms = self._forms
        transfers = [
            _memoised(
                self._filings,
                (tuple(d["sources"]), *_FILING_KEY(d)),
                lambda d=d: transfer_filing(forms, d),  # type: ignore[misc]
            )
            for d in destinations
        ]
        personal = facts.get("processes_personal_data")
        certain, possible, legal = self._triggered(facts, reference, personal)
        regime, codes, certain, possible = regime_and_forms(facts, personal, certain, possible)
        if transfers:
            codes.append(FormCode.F118)
        key = (regime, *(t.article for t in certain), "", *(t.article for t in possible), "")
        key += tuple(t.country for t in transfers)
        summary = _memoised(
            self._summaries, key, lambda: plan_summary(forms, regime, certain, possible, transfers)
        )
        plan = forms.plan(
            {
                "regime": regime,
                "forms": codes,
                "triggers": certain,
                "possible_triggers": possible,
                "transfers": transfers,
                "summary": summary,
            }
        )
        legal_ = legal_regime(personal, certain, possible)
        since = authorised_on(facts, legal, today, sources)
        cover = dict(zip(self._cover_fields, covers(facts, self._cover_grounds, sources), strict=True))
        missing = uncovered(facts, legal, today, sources)
        # The same dict, its keys in place (`{**stated, ...}` would copy it): nothing else holds it.
        stated["required_regime"] = None if regime is Regime.undetermined else _VALUE[regime]
        stated["legal_regime"] = None if legal_ is None else _VALUE[legal_]
        stated["authorisation_triggers"] = [t.id for t in certain]
        stated["legal_authorisation_triggers"] = legal
        stated["authorisation_cover"] = cover
        stated["uncovered_authorisation_triggers"] = missing
        stated["authorised_on"] = None if since is None else since.isoformat()
        return plan

    def _triggered(
        self, facts: dict[str, Any], reference: Any, personal: Any
    ) -> tuple[list[Any], list[Any], list[str]]:
        """The triggers that apply, certain and possible (built by the plan's forms), and the ids of the certain
        ones that may make a rule fail, from the generated function (not run when no personal data)."""
        if personal is False:
            return [], [], []
        if self._checks is None:
            self._checks, self._leaves = self._make_checks()
        leaves = self._leaves
        kept = (  # only the triggers that apply, and the entries kept, are expanded
            (spec, result, expand_trace([e for e in trace if e[2] is not False], leaves))
            for spec, (result, trace) in zip(self._heads, self._checks(facts, reference), strict=True)
            if result is not False
        )
        certain, possible = applying(kept, self._forms.trigger)
        return certain, possible, [t.id for t in certain if t.status.can_fail]
