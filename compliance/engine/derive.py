"""Derived facts and the CNDP formality router.

The router is computed in every assessment: declaration (F211, or F214 when the controller relies on a
simplified-declaration framework) or prior authorisation (F112) with the Art. 12(1) triggers that force it,
plus one transfer filing (F118) per foreign destination. The triggers themselves are data
(`rules/reference/formality-triggers.yaml`), evaluated with the same condition language as rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from compliance.domain.basis import Localized
from compliance.domain.compact import Leaf, expand_trace
from compliance.domain.derived import AuthorisationCover, Derived
from compliance.domain.formality_words import plan_summary
from compliance.domain.outcomes import FormalityPlan, FormalityTrigger, Regime, TraceEntry, TransferFiling
from compliance.domain.vocabulary import (
    BIOMETRIC_CATEGORIES,
    SENSITIVE_CATEGORIES,
    AuthorisationGround,
    FormCode,
    MarketingChannel,
)
from compliance.engine.acts import (
    authorisation_sources,
    authorised_on,
    covers,
    ground_cover,
    receipt,
    uncovered,
)
from compliance.engine.conditions import Context, Evaluator, compile_condition
from compliance.engine.consents import marketing_consents, processing_consents
from compliance.engine.declared import compare_declaration
from compliance.engine.destinations import destination_facts, filing, foreign_destinations, lookup
from compliance.engine.program import generate_checks, load

Model = TypeVar("Model", bound=BaseModel)


def assembled(cls: type[Model], values: dict[str, Any]) -> Model:
    """`cls.model_construct(**values)` for a model with no alias, extra or post-init and `values` holding every
    field in field order (so the same object), without its loop over the fields: for the plan and its triggers,
    built from the validated pack in every assessment."""
    model = cls.__new__(cls)
    setattr_ = object.__setattr__
    setattr_(model, "__dict__", values)
    setattr_(model, "__pydantic_fields_set__", set(values))
    setattr_(model, "__pydantic_extra__", None)
    setattr_(model, "__pydantic_private__", None)
    return model


if TYPE_CHECKING:
    from compliance.domain.pack import RulePack
    from compliance.domain.pack_parts import TriggerHead

_SENSITIVE = {c.value for c in SENSITIVE_CATEGORIES}
_BIOMETRIC = {c.value for c in BIOMETRIC_CATEGORIES}
_AUTOMATED_CHANNELS = {
    MarketingChannel.email.value,
    MarketingChannel.sms.value,
    MarketingChannel.whatsapp.value,
    MarketingChannel.automated_call.value,
    MarketingChannel.voice_bot.value,
    MarketingChannel.fax.value,
    MarketingChannel.push.value,
}


def _categories(facts: dict[str, Any]) -> list[str] | None:
    processings = facts.get("processings")
    if processings is None:
        return None
    if not processings:
        return []  # stated: no processing, so no category
    stated = [p["data_categories"] for p in processings if p.get("data_categories") is not None]
    if not stated:
        return None
    seen: dict[str, None] = {}
    for cats in stated:
        for c in cats:
            seen[c] = None
    return list(seen)


def _stated(facts: dict[str, Any], sources: list[Any]) -> dict[str, Any]:
    """The derived facts the formality triggers read, as JSON values (keyword arguments of `Derived`); the
    foreign destinations, and what depends on the regime, are added by the caller."""
    cats = _categories(facts)
    marketing = lookup(facts, "direct_marketing", "channels")
    automated = None if marketing is None else [c for c in marketing if c in _AUTOMATED_CHANNELS]
    training_pd = lookup(facts, "ai", "training", "uses_personal_data")
    prompts_pd = lookup(facts, "ai", "inference", "prompts_contain_personal_data")
    cndp = facts.get("cndp") or {}
    has_receipt, receipt_on = receipt(facts)
    return {
        "data_categories": cats,
        "sensitive_categories": None if cats is None else [c for c in cats if c in _SENSITIVE],
        "biometric_categories": None if cats is None else [c for c in cats if c in _BIOMETRIC],
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
_MEMO_SIZE = 4096  # countries come from submissions: the memos stay bounded
M = TypeVar("M")


def _memoised(table: dict[tuple[Any, ...], M], key: tuple[Any, ...], make: Callable[[], M]) -> M:
    found = table.get(key)
    if found is None:
        if len(table) >= _MEMO_SIZE:
            table.clear()
        found = table[key] = make()
    return found


# The fields of `AuthorisationCover`, in its order, and the Art. 12(1) ground each one names.
_COVER_FIELDS = list(AuthorisationCover.model_fields)
_COVER_GROUNDS = [AuthorisationGround(f.replace("_", "-")).value for f in _COVER_FIELDS]


def _blank() -> dict[str, Any]:
    """Every derived fact at its default as `Derived` dumps it, in its order (None where `_stated` sets it), read
    from the fields: building the model would cost a command-line check its start-up."""
    out: dict[str, Any] = {}
    for name, field in Derived.model_fields.items():
        if field.default_factory is AuthorisationCover:
            out[name] = dict.fromkeys(_COVER_FIELDS)
        elif field.default_factory is list:
            out[name] = []  # shared, never written: `route` replaces every one of them
        else:
            out[name] = None if field.is_required() else field.default
    return out


_BLANK = _blank()


class Router:
    """Compiles the formality triggers of a pack once and routes each submission."""

    def __init__(
        self, pack: RulePack, today: date | None = None, checks: tuple[Any, list[Leaf]] | None = None
    ) -> None:
        self.pack = pack
        self._today = today  # fixed in tests; otherwise the day of each assessment
        self._heads = (
            pack.trigger_heads
        )  # what a plan shows of each trigger (a cached pack: not its condition)
        self._closures: list[Evaluator] | None = (
            None  # the reference way (`derive`), compiled when first used
        )
        # The triggers' generated function and its leaf table (`Program.check_leaves`): the engine's program holds
        # them (compiled in the pack cache); otherwise they are generated when `route` first needs them.
        self._checks: Any = checks[0] if checks else None
        self._leaves: list[Leaf] = checks[1] if checks else []
        # Texts the lean `route` builds once: plan summaries and transfer filings (frozen, so shared). Threads may
        # race on them: a lost race only builds the same text again.
        self._summaries: dict[tuple[Any, ...], Localized] = {}
        self._filings: dict[tuple[Any, ...], TransferFiling] = {}

    @property
    def today(self) -> date:
        """The day a pending request is judged on (Decree Art. 28)."""
        return self._today or date.today()

    def derive(self, facts: dict[str, Any]) -> tuple[Derived, FormalityPlan]:
        """The derived facts, built as the `Derived` model rules are checked against, and the formality plan.
        They are added to `facts` (in place, as JSON) under `derived`, where conditions read them.

        The reference engine's way, models validated and dumped; the lean engine calls `route`."""
        today = self.today  # one day for the whole assessment, and the acts read once
        sources = authorisation_sources(facts, today)
        destinations = foreign_destinations(facts, self.pack)
        stated = Derived(foreign_destinations=destinations, **_stated(facts, sources))
        # The triggers read the facts derived so far; the regime and what depends on it come after them.
        facts["derived"] = stated.model_dump(mode="json")
        plan = self._plan(facts, [filing(**dict(d)) for d in destinations])
        legal = [t.id for t in plan.triggers if t.status.can_fail]
        cover = {
            g.value.replace("-", "_"): ground_cover(facts, g.value, today, sources)
            for g in AuthorisationGround
        }
        derived = stated.model_copy(
            update={
                "required_regime": None if plan.regime is Regime.undetermined else plan.regime,
                "authorisation_triggers": [t.id for t in plan.triggers],
                "legal_authorisation_triggers": legal,
                "legal_regime": _legal_regime(facts.get("processes_personal_data"), plan),
                "authorisation_cover": AuthorisationCover(**cover),
                "uncovered_authorisation_triggers": uncovered(facts, legal, today, sources),
                "authorised_on": authorised_on(facts, legal, today, sources),
            }
        )
        # Facts carry dates as ISO text (JSON mode), so that `lte` compares like with like.
        facts["derived"] = derived.model_dump(mode="json")
        return derived, plan

    def route(self, facts: dict[str, Any]) -> FormalityPlan:
        """`derive` for the lean engine: the same `derived` facts, written as the plain JSON `derive` dumps (same
        keys in the same order), without building, validating and dumping models; the plan's summary
        sentences are memoised. The reference engine keeps `derive`, so the equivalence tests compare both."""
        today = self.today
        sources = authorisation_sources(facts, today)
        destinations = destination_facts(facts, self.pack)
        stated = {**_BLANK, **_stated(facts, sources), "foreign_destinations": destinations}
        facts["derived"] = stated
        transfers = [
            _memoised(self._filings, (tuple(d["sources"]), *_FILING_KEY(d)), partial(filing, **d))
            for d in destinations
        ]
        plan = self._plan(facts, transfers, lean=True)
        regime, certain = plan.regime, plan.triggers
        legal = [t.id for t in certain if t.status.can_fail]
        legal_regime = _legal_regime(facts.get("processes_personal_data"), plan)
        since = authorised_on(facts, legal, today, sources)
        cover = dict(zip(_COVER_FIELDS, covers(facts, _COVER_GROUNDS, sources), strict=True))
        facts["derived"] = {
            **stated,
            "required_regime": None if regime is Regime.undetermined else regime.value,
            "legal_regime": None if legal_regime is None else legal_regime.value,
            "authorisation_triggers": [t.id for t in certain],
            "legal_authorisation_triggers": legal,
            "authorisation_cover": cover,
            "uncovered_authorisation_triggers": uncovered(facts, legal, today, sources),
            "authorised_on": None if since is None else since.isoformat(),
        }
        return plan

    def _plan(
        self, facts: dict[str, Any], transfers: list[TransferFiling], lean: bool = False
    ) -> FormalityPlan:
        """`lean`: triggers run as generated code, the summary memoised, the plan built without validation (its
        parts come from the validated pack and `_filing`)."""
        regime, forms, certain, possible = self._regime(facts, lean)
        if transfers:
            forms.append(FormCode.F118)
        if lean:
            key = (regime, *(t.article for t in certain), "", *(t.article for t in possible), "")
            key += tuple(t.country for t in transfers)
            summary = _memoised(
                self._summaries, key, lambda: plan_summary(regime, certain, possible, transfers)
            )
        else:
            summary = plan_summary(regime, certain, possible, transfers)
        parts = {
            "regime": regime,
            "forms": forms,
            "triggers": certain,
            "possible_triggers": possible,
            "transfers": transfers,
            "summary": summary,
        }
        return assembled(FormalityPlan, parts) if lean else FormalityPlan(**parts)

    def _evaluated(
        self, facts: dict[str, Any], lean: bool
    ) -> Iterator[tuple[TriggerHead, Any, list[TraceEntry]]]:
        """Each trigger, its result and the facts it read."""
        ref = self.pack.reference
        if lean and self._checks is None:
            program = generate_checks([t.condition for t in self.pack.triggers])
            self._checks, self._leaves = load(program, name="checks"), program.check_leaves
        if lean:
            for spec, (result, trace) in zip(self._heads, self._checks(facts, ref), strict=True):
                yield spec, result, expand_trace(trace, self._leaves) if result is not False else []
            return
        if self._closures is None:
            self._closures = [compile_condition(t.condition) for t in self.pack.triggers]
        for spec, evaluate in zip(self._heads, self._closures, strict=True):
            ctx = Context(reference=ref, root=facts)
            result = evaluate(facts, ctx)
            yield spec, result, ctx.trace

    def _regime(
        self, facts: dict[str, Any], lean: bool = False
    ) -> tuple[Regime, list[FormCode], list[FormalityTrigger], list[FormalityTrigger]]:
        """The triggers that apply (certain, possible), the regime and its form (transfer filings come after).

        `lean`: the triggers' conditions run as one generated function (as rules do), else as closures."""
        personal = facts.get("processes_personal_data")
        certain: list[FormalityTrigger] = []
        possible: list[FormalityTrigger] = []
        if personal is not False:
            for spec, result, read in self._evaluated(facts, lean):
                if result is False:
                    continue
                parts: dict[str, Any] = {  # from the validated pack: no validation again
                    "id": spec.id,
                    "article": spec.article,
                    "status": spec.status,
                    "reason": spec.reason,
                    "certain": result is True,
                    "facts": [e for e in read if e.result is not False],
                }
                trigger = (
                    assembled(FormalityTrigger, parts) if lean else FormalityTrigger.model_construct(**parts)
                )
                (certain if result else possible).append(trigger)
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


def _legal_regime(personal: Any, plan: FormalityPlan) -> Regime | None:
    """The regime the verified grounds alone require; None while a verified ground is undecided."""
    if personal is False:
        return Regime.none
    if any(t.status.can_fail for t in plan.triggers):
        return Regime.authorisation
    if personal is None or any(t.status.can_fail for t in plan.possible_triggers):
        return None
    return Regime.declaration
