"""Load and cross-check a rule pack in three tiers: strict YAML, pydantic models, cross-file checks.

Any problem is a `RulePackError` naming the file and the key; a pack never loads with a rule skipped.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from compliance.domain.field_errors import describe, validation_errors
from compliance.domain.outcomes import PackInfo
from compliance.domain.pack import AdequacyList, FormalityTriggers, Instruments, PackManifest, RulePack
from compliance.domain.rules import Localized, Rule
from compliance.i18n.said import said
from compliance.ruleset.locations import (
    MANIFEST,
    PACKAGED_FEATURES,
    PACKAGED_RULES,
    RulePackError,
    default_features_dir,
    default_rules_dir,
)
from compliance.ruleset.pathcheck import PathError, check_condition
from compliance.ruleset.translations import I18N_DIR, LANGUAGES, RuleTexts, untranslated, with_texts
from compliance.strictyaml import YamlError, load_yaml

M = TypeVar("M", bound=BaseModel)

REFERENCE_DIR = "reference"
ADEQUACY = "adequate-countries.yaml"
TRIGGERS = "formality-triggers.yaml"
INSTRUMENTS = "instruments.yaml"
__all__ = [
    "MANIFEST",
    "PACKAGED_FEATURES",
    "PACKAGED_RULES",
    "RulePackError",
    "default_features_dir",
    "default_rules_dir",
    "load_pack",
]


def _label(path: Path, root: Path) -> str:
    """A pack file as reports and the pack hash name it: the wheel's copy reads as `rules/...` too, so an
    installed pack and a checkout have the same sources and the same hash."""
    top = "rules" if root.name == PACKAGED_RULES else root.name
    return str(Path(top) / path.relative_to(root))


def _read(path: Path, root: Path) -> tuple[Any, bytes]:
    raw = path.read_bytes()
    try:
        return load_yaml(raw.decode("utf-8")), raw
    except (YamlError, UnicodeDecodeError) as exc:
        raise RulePackError([f"{_label(path, root)}: {exc}"]) from None


def _model(model: type[M], data: Any, label: str) -> M:
    if not isinstance(data, dict):
        raise RulePackError([said("pack_not_mapping", file=label)])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RulePackError([f"{label}: {describe(e)}" for e in validation_errors(exc)]) from None


def _named(rule: Rule, instruments: Instruments | None, where: str, problems: list[str]) -> Rule:
    """The rule with its instruments named in every language; a problem for an instrument not in
    instruments.yaml, and for a note or worded article without a text in every language."""
    for lang in LANGUAGES:
        problems.extend(
            said("pack_no_text", file=where, key=key, lang=lang, texts=f"{I18N_DIR}/{lang}/{rule.id}.yaml")
            for key in untranslated(rule, lang)
        )
    if instruments is None:
        return rule
    refs = []
    for i, ref in enumerate(rule.references):
        name = instruments.instruments.get(ref.instrument)
        if name is None:
            problems.append(
                said(
                    "pack_no_instrument",
                    file=where,
                    key=f"references.{i}.instrument",
                    instrument=ref.instrument,
                    instruments=INSTRUMENTS,
                )
            )
        named = None if name is None else Localized(fr=name.fr, en=name.en, ar=name.ar)
        refs.append(ref.model_copy(update={"name": named}))
    return rule.model_copy(update={"references": refs})


def load_pack(
    rules_dir: Path | None = None, features_dir: Path | None = None, *, check_features: bool = True
) -> RulePack:
    root = (rules_dir or default_rules_dir()).resolve()
    if not (root / MANIFEST).is_file():
        raise RulePackError([said("pack_no_manifest", folder=root, manifest=MANIFEST)])
    if features_dir is None and check_features:
        features_dir = default_features_dir(root)
    digest = hashlib.sha256()
    problems: list[str] = []

    def label(p: Path) -> str:
        return _label(p, root)

    def read_model(model: type[M], path: Path) -> M | None:
        try:
            data, raw = _read(path, root)
            digest.update(label(path).encode() + b"\0" + raw + b"\0")
            return _model(model, data, label(path))
        except RulePackError as exc:
            problems.extend(exc.problems)
            return None

    manifest = read_model(PackManifest, root / MANIFEST)
    adequacy = read_model(AdequacyList, root / REFERENCE_DIR / ADEQUACY)
    triggers = read_model(FormalityTriggers, root / REFERENCE_DIR / TRIGGERS)
    instruments = read_model(Instruments, root / REFERENCE_DIR / INSTRUMENTS)

    rules: list[Rule] = []
    sources: dict[str, str] = {}
    for path in sorted(root.glob("*/*.yaml")):
        if path.parent.name == REFERENCE_DIR:
            continue
        rule = read_model(Rule, path)
        if rule is None:
            continue
        where = label(path)
        if rule.id in sources:
            problems.append(said("pack_id_used", file=where, id=rule.id, other=sources[rule.id]))
            continue
        if rule.chapter != path.parent.name:
            problems.append(said("pack_chapter", file=where, chapter=rule.chapter, folder=path.parent.name))
        for key in ("applies_when", "require"):
            try:
                check_condition(getattr(rule, key))
            except PathError as exc:
                problems.append(f"{where}: {key}: {exc}")
        for i, override in enumerate(rule.severity_overrides):
            try:
                check_condition(override.when)
            except PathError as exc:
                problems.append(f"{where}: severity_overrides.{i}.when: {exc}")
        if features_dir is not None:
            feature = features_dir / path.parent.name / (path.stem + ".feature")
            if not feature.is_file():
                problems.append(
                    said("pack_no_feature", file=where, feature=feature.relative_to(features_dir.parent))
                )
        sources[rule.id] = where
        rules.append(rule)
    by_id = {rule.id: i for i, rule in enumerate(rules)}
    for path in sorted(root.glob(f"{I18N_DIR}/*/*.yaml")):
        if path.parent.name not in LANGUAGES:
            problems.append(
                said("pack_texts_unread", file=label(path), lang=path.parent.name, langs=LANGUAGES)
            )
            continue
        texts = read_model(RuleTexts, path)
        if texts is None:
            continue
        if path.stem not in by_id:
            problems.append(said("pack_no_rule", file=label(path), rule=path.stem))
            continue
        try:
            rules[by_id[path.stem]] = with_texts(rules[by_id[path.stem]], texts)
        except ValueError as exc:
            problems.append(f"{label(path)}: {exc}")
    for i, rule in enumerate(rules):
        rules[i] = _named(rule, instruments, sources[rule.id], problems)
    for path in sorted(root.glob("*.yaml")):
        if path.name != MANIFEST:
            problems.append(said("pack_outside_chapter", file=label(path)))

    if triggers is not None:
        for i, spec in enumerate(triggers.triggers):
            try:
                check_condition(spec.condition)
            except PathError as exc:
                problems.append(f"{label(root / REFERENCE_DIR / TRIGGERS)}: triggers.{i}.condition: {exc}")
    if problems:
        raise RulePackError(problems)
    assert manifest is not None and adequacy is not None and triggers is not None
    reference = {
        "adequate-countries": {code: c.model_dump() for code, c in adequacy.countries.items()},
    }
    info = PackInfo(
        id=manifest.id,
        version=manifest.version,
        law_version=manifest.law_version,
        hash="sha256:" + digest.hexdigest(),
        rule_count=len(rules),
    )
    return RulePack(
        info=info,
        manifest=manifest,
        rules=rules,
        triggers=triggers.triggers,
        adequacy=adequacy,
        reference=reference,
        sources=sources,
        root=str(root),
    )
