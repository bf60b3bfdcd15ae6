"""Derived facts and the CNDP formality router.

The router is computed in every assessment: declaration (F211, or F214 when the controller relies on a
simplified-declaration framework) or prior authorisation (F112) with the Art. 12(1) triggers that force it,
plus one transfer filing (F118) per foreign destination. The triggers themselves are data
(`rules/reference/formality-triggers.yaml`), evaluated with the same condition language as rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from compliance.domain.basis import Localized
from compliance.domain.compact_form import Leaf
from compliance.domain.derived import AuthorisationCover, Derived
from compliance.domain.grades import FormCode
from compliance.domain.outcomes import FormalityPlan, FormalityTrigger, Regime, TraceEntry, TransferFiling
from compliance.domain.vocabulary import AuthorisationGround
from compliance.engine.acts import authorisation_sources, authorised_on, ground_cover, uncovered
from compliance.engine.conditions import Context, Evaluator, compile_condition
from compliance.engine.destinations import foreign_destinations
from compliance.engine.program import generate_checks, load
from compliance.engine.route import (
    LeanRouter,
    PlanForms,
    legal_regime,
    plan_summary,
    regime_of,
    stated_facts,
    transfer_filing,
    vocabulary_kinds,
)

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

# The fields of `AuthorisationCover`, in its order, and the Art. 12(1) ground each one names.
COVER_FIELDS = list(AuthorisationCover.model_fields)


def _blank() -> dict[str, Any]:
    """Every derived fact at its default as `Derived` dumps it, in its order (None where `_stated` sets it), read
    from the fields: building the model would cost a command-line check its start-up."""
    out: dict[str, Any] = {}
    for name, field in Derived.model_fields.items():
        if field.default_factory is AuthorisationCover:
            out[name] = dict.fromkeys(COVER_FIELDS)
        elif field.default_factory is list:
            out[name] = []  # shared, never written: `route` replaces every one of them
        else:
            out[name] = None if field.is_required() else field.default
    return out


BLANK = _blank()
KINDS = vocabulary_kinds()
MODEL_FORMS = PlanForms(
    texts=Localized,
    filing=TransferFiling,
    trigger=lambda parts: assembled(FormalityTrigger, parts),
    plan=lambda parts: assembled(FormalityPlan, parts),
)


class Router:
    """Compiles the formality triggers of a pack once and routes each submission: `route` the lean way
    (`compliance.engine.route`), `derive` the reference way."""

    def __init__(
        self, pack: RulePack, today: date | None = None, checks: tuple[Any, list[Leaf]] | None = None
    ) -> None:
        self.pack = pack
        self._closures: list[Evaluator] | None = (
            None  # the reference way (`derive`), compiled when first used
        )
        # The triggers' generated function and its leaf table (`Program.check_leaves`): the engine's program holds
        # them (compiled in the pack cache); otherwise they are generated when `route` first needs them.
        self._lean = LeanRouter(
            pack.trigger_heads,  # what a plan shows of each trigger (a cached pack: not its condition)
            pack.adequacy,
            MODEL_FORMS,
            BLANK,
            COVER_FIELDS,
            KINDS,
            (lambda: checks) if checks else self._generated_checks,
            today,
        )

    def _generated_checks(self) -> tuple[Any, list[Leaf]]:
        program = generate_checks([t.condition for t in self.pack.triggers])
        return load(program, name="checks"), program.check_leaves

    @property
    def today(self) -> date:
        """The day a pending request is judged on (Decree Art. 28): the lean router's."""
        return self._lean.today

    def derive(self, facts: dict[str, Any]) -> tuple[Derived, FormalityPlan]:
        """The derived facts, built as the `Derived` model rules are checked against, and the formality plan.
        They are added to `facts` (in place, as JSON) under `derived`, where conditions read them.

        The reference engine's way, models validated and dumped; the lean engine calls `route`."""
        today = self.today  # one day for the whole assessment, and the acts read once
        sources = authorisation_sources(facts, today)
        destinations = foreign_destinations(facts, self.pack)
        stated = Derived(foreign_destinations=destinations, **stated_facts(facts, sources, KINDS))
        # The triggers read the facts derived so far; the regime and what depends on it come after them.
        facts["derived"] = stated.model_dump(mode="json")
        plan = self._plan(facts, [transfer_filing(MODEL_FORMS, dict(d)) for d in destinations])
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
                "legal_regime": legal_regime(
                    facts.get("processes_personal_data"), plan.triggers, plan.possible_triggers
                ),
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
        plan: FormalityPlan = self._lean.route(facts, self.pack.reference)
        return plan

    def _plan(self, facts: dict[str, Any], transfers: list[TransferFiling]) -> FormalityPlan:
        regime, forms, certain, possible = regime_of(
            facts, self._evaluated(facts), lambda parts: FormalityTrigger.model_construct(**parts)
        )
        if transfers:
            forms.append(FormCode.F118)
        return FormalityPlan(
            regime=regime,
            forms=forms,
            triggers=certain,
            possible_triggers=possible,
            transfers=transfers,
            summary=plan_summary(MODEL_FORMS, regime, certain, possible, transfers),
        )

    def _evaluated(self, facts: dict[str, Any]) -> Iterator[tuple[TriggerHead, Any, list[TraceEntry]]]:
        """Each trigger, its result and the facts it read, by the closures."""
        if self._closures is None:
            self._closures = [compile_condition(t.condition) for t in self.pack.triggers]
        for spec, evaluate in zip(self.pack.trigger_heads, self._closures, strict=True):
            ctx = Context(reference=self.pack.reference, root=facts)
            result = evaluate(facts, ctx)
            yield spec, result, ctx.trace
