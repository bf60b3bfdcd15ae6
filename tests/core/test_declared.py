"""The declaration compared with the project item by item (Art. 15): what is undeclared, and when it is unknown."""

from __future__ import annotations

from compliance.engine.declared import compare_declaration


def test_purposes_match_whatever_the_case_spacing_and_final_stop() -> None:
    facts = {
        "processings": [{"purposes": ["Répondre  aux clients."]}],
        "cndp": {"declared": {"purposes": ["répondre aux clients"]}},
    }
    assert compare_declaration(facts, None)["undeclared_purposes"] == []


def test_an_undeclared_item_is_found_even_when_other_items_are_not_stated() -> None:
    facts = {
        "processings": [{"purposes": ["Noter les clients"]}, {"id": "sans-finalite"}],
        "cndp": {"declared": {"purposes": ["Répondre aux clients"]}},
    }
    assert compare_declaration(facts, None)["undeclared_purposes"] == ["Noter les clients"]


def test_nothing_found_with_an_item_not_stated_is_unknown() -> None:
    facts = {
        "processings": [{"purposes": ["Répondre aux clients"]}, {"id": "sans-finalite"}],
        "cndp": {"declared": {"purposes": ["Répondre aux clients"]}},
    }
    assert compare_declaration(facts, None)["undeclared_purposes"] is None


def test_a_declaration_side_not_stated_is_unknown() -> None:
    facts = {"processings": [{"purposes": ["Répondre aux clients"]}], "processors": [{"name": "X"}]}
    out = compare_declaration(facts, ["contact"])
    assert out["undeclared_purposes"] is None
    assert out["undeclared_data_categories"] is None
    assert out["undeclared_processors"] is None
    assert out["declared_controller_matches"] is None


def test_categories_subjects_recipients_processors_and_controller() -> None:
    facts = {
        "controller": {"name": "Atlas IA SARL"},
        "processings": [
            {
                "data_subjects": ["customers", "minors"],
                "recipients": ["Service client"],
                "third_party_disclosures": [{"recipient": "Partenaire"}],
            }
        ],
        "processors": [{"name": "Hébergeur"}, {"name": "LLM"}],
        "cndp": {
            "declared": {
                "controller": "atlas ia sarl",
                "data_categories": ["contact"],
                "data_subjects": ["customers"],
                "recipients": ["service client"],
                "processors": ["Hébergeur"],
            }
        },
    }
    out = compare_declaration(facts, ["contact", "voice_recording"])
    assert out["undeclared_data_categories"] == ["voice_recording"]
    assert out["undeclared_data_subjects"] == ["minors"]
    assert out["undeclared_recipients"] == ["Partenaire"]
    assert out["undeclared_processors"] == ["LLM"]
    assert out["declared_controller_matches"] is True
