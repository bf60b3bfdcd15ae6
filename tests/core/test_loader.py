"""A bad rule pack is an error naming the file and the key; a good one loads with every rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.ruleset.loader import RulePackError, load_pack
from tests.core.minipack import make_pack, rule_doc


def _errors(tmp_path: Path, **kwargs: object) -> str:
    root = make_pack(tmp_path, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(RulePackError) as info:
        load_pack(root)
    return str(info.value)


def test_a_good_pack_loads_and_has_a_stable_hash(tmp_path: Path) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    first = load_pack(root)
    assert [r.id for r in first.rules] == ["L0908-T01-SAMPLE"]
    assert first.info.rule_count == 1
    assert first.info.hash == load_pack(root).info.hash
    assert first.sources["L0908-T01-SAMPLE"] == "rules/sample/rule-0.yaml"


def test_hash_changes_when_a_rule_changes(tmp_path: Path) -> None:
    a = load_pack(make_pack(tmp_path / "a", [rule_doc()]))
    b = load_pack(make_pack(tmp_path / "b", [rule_doc(severity="minor")]))
    assert a.info.hash != b.info.hash


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    msg = _errors(tmp_path, rules=[rule_doc(severty="major")])
    assert "rules/sample/rule-0.yaml" in msg and "severty" in msg


def test_duplicate_yaml_key_is_an_error(tmp_path: Path) -> None:
    text = "id: L0908-T01-X\nid: L0908-T01-Y\n"
    msg = _errors(tmp_path, raw={"sample/dup.yaml": text})
    assert "rules/sample/dup.yaml" in msg and "duplicate key at line 2, column 1" in msg


def test_duplicate_rule_id_is_an_error(tmp_path: Path) -> None:
    msg = _errors(tmp_path, rules=[rule_doc(), rule_doc()])
    assert "already used" in msg and "L0908-T01-SAMPLE" in msg


def test_unknown_fact_path_is_an_error_with_suggestions(tmp_path: Path) -> None:
    bad = rule_doc(require={"op": "is_true", "path": "processings[].legal_bases"})
    msg = _errors(tmp_path, rules=[bad])
    assert "require" in msg and "legal_bases" in msg and "legal_basis" in msg


def test_misspelt_enumerated_value_is_an_error(tmp_path: Path) -> None:
    bad = rule_doc(require={"op": "contains", "path": "derived.data_categories", "value": "cin_numbr"})
    msg = _errors(tmp_path, rules=[bad])
    assert "cin_numbr" in msg and "DataCategory" in msg


def test_list_without_brackets_is_an_error(tmp_path: Path) -> None:
    bad = rule_doc(require={"op": "eq", "path": "processings.legal_basis", "value": "consent"})
    assert "write 'processings[]'" in _errors(tmp_path, rules=[bad])


def test_scalar_op_on_a_walked_path_is_an_error(tmp_path: Path) -> None:
    bad = rule_doc(require={"op": "eq", "path": "processings[].legal_basis", "value": "consent"})
    assert "every/some" in _errors(tmp_path, rules=[bad])


def test_unknown_op_is_an_error(tmp_path: Path) -> None:
    bad = rule_doc(require={"op": "equals", "path": "live", "value": True})
    msg = _errors(tmp_path, rules=[bad])
    assert "rules/sample/rule-0.yaml" in msg and "require" in msg


def test_chapter_must_match_folder(tmp_path: Path) -> None:
    doc = rule_doc()
    root = make_pack(tmp_path, raw={})
    (root / "other").mkdir()
    import yaml

    (root / "other" / "x.yaml").write_text(yaml.safe_dump(doc))
    (tmp_path / "features" / "other").mkdir(parents=True)
    (tmp_path / "features" / "other" / "x.feature").write_text("# language: fr\n")
    with pytest.raises(RulePackError, match="does not match its folder 'other'"):
        load_pack(root)


def test_missing_feature_is_an_error(tmp_path: Path) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    (tmp_path / "features" / "sample" / "rule-0.feature").unlink()
    with pytest.raises(RulePackError, match=r"no feature file features/sample/rule-0\.feature"):
        load_pack(root, tmp_path / "features")


def test_best_practice_rule_must_be_info(tmp_path: Path) -> None:
    msg = _errors(tmp_path, rules=[rule_doc(enforcement="best_practice", severity="major")])
    assert "best_practice" in msg


def test_questions_must_match_across_languages(tmp_path: Path) -> None:
    msg = _errors(tmp_path, rules=[rule_doc(questions={"fr": ["a", "b"], "en": ["a"]})])
    assert "same number" in msg


def test_yaml_11_booleans_stay_strings(tmp_path: Path) -> None:
    # 'NO' is Norway, not false: the adequacy list must keep it as a key.
    pack = load_pack(make_pack(tmp_path, [rule_doc()]))
    assert "NO" in pack.adequacy.countries
    assert all(c.verified is False for c in pack.adequacy.countries.values())


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bad1 = rule_doc("L0908-T01-A", require={"op": "is_true", "path": "nope"})
    bad2 = rule_doc("L0908-T01-B", severity="huge")
    with pytest.raises(RulePackError) as info:
        load_pack(make_pack(tmp_path, [bad1, bad2]))
    assert len(info.value.problems) == 2


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"op": "lte", "path": "controller.name", "value": 3}, "'lte' needs a number or a date"),
        ({"op": "gte", "path": "live", "value": 1}, "'gte' needs a number or a date"),
        ({"op": "lte", "path": "rights.rectification_sla_days", "value": "ten"}, "compares a number"),
        (
            {"op": "lte", "path": "rights.rectification_sla_days", "to_path": "controller.name"},
            "compares a number with 'controller.name'",
        ),
        ({"op": "lte", "path": "cndp.receipt_date", "value": 3}, "only with another date fact"),
        ({"op": "eq", "path": "live", "value": 1}, "cannot be compared with a true/false fact"),
        ({"op": "eq", "path": "controller.name", "value": True}, "cannot be compared with a text fact"),
        ({"op": "in", "path": "rights.rectification_sla_days", "values": ["a"]}, "with a number fact"),
        ({"op": "matches", "path": "live", "pattern": "x"}, "'matches' needs a text fact"),
        ({"op": "matches", "path": "rights.rectification_sla_days", "pattern": "1"}, "needs a text fact"),
    ],
)
def test_operand_type_mismatch_is_a_load_error(
    tmp_path: Path, condition: dict[str, object], expected: str
) -> None:
    msg = _errors(tmp_path, rules=[rule_doc(require=condition)])
    assert "rules/sample/rule-0.yaml" in msg and "require" in msg and expected in msg


_NOTED = {
    "instrument": "Law 09-08",
    "article": "4",
    "status": "verified",
    "note": {"fr": "Note.", "en": "Note."},
}


def test_a_reference_note_without_arabic_is_an_error(tmp_path: Path) -> None:
    msg = _errors(tmp_path, rules=[rule_doc(references=[_NOTED])])
    assert "references.0.note: no text in 'ar'" in msg


def test_a_reference_note_with_its_arabic_loads(tmp_path: Path) -> None:
    ar = "title: عنوان\nreferences:\n- note: ملاحظة.\n"
    root = make_pack(tmp_path, [rule_doc(references=[_NOTED])], {"i18n/ar/L0908-T01-SAMPLE.yaml": ar})
    ref = load_pack(root).rules[0].references[0]
    assert ref.note is not None and ref.note.get("ar") == "ملاحظة."


def test_a_worded_article_must_be_written_in_every_language(tmp_path: Path) -> None:
    worded: dict[str, object] = {"instrument": "CNDP", "article": "page « Notifier »", "status": "verified"}
    assert "references.0.article" in _errors(tmp_path / "a", rules=[rule_doc(references=[worded])])
    worded["article"] = {"fr": "page « Notifier »", "en": "page « Notifier »"}
    msg = _errors(tmp_path / "b", rules=[rule_doc(references=[worded])])
    assert "references.0.article: no text in 'ar'" in msg


def test_an_instrument_without_its_names_is_an_error(tmp_path: Path) -> None:
    unnamed = {"instrument": "Law 99-99", "article": "4", "status": "verified"}
    assert "'Law 99-99' is not in instruments.yaml" in _errors(
        tmp_path, rules=[rule_doc(references=[unnamed])]
    )


def test_references_cite_in_the_reader_language(tmp_path: Path) -> None:
    decree = {"instrument": "Decree 2-09-165", "article": "46", "status": "verified"}
    ref = load_pack(make_pack(tmp_path, [rule_doc(references=[decree])])).rules[0].references[0]
    assert [ref.cite(lang) for lang in ("fr", "ar", "en")] == [
        "Art. 46 (décret 2-09-165)",
        "المادة 46 (المرسوم 2-09-165)",
        "Art. 46 (Decree 2-09-165)",
    ]
