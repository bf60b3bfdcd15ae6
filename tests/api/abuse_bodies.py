"""Bodies an attacker would send, shared by the abuse tests and bench/abuse_bench.py."""

from __future__ import annotations

import itertools
import json
import string
from pathlib import Path
from typing import Any

import yaml

from compliance.domain.bounds import MAX_ITEMS, MAX_PROCESSINGS
from compliance.domain.vocabulary import DataCategory, DataSubject

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"
MIB = 1024 * 1024


def example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def alias_bomb(copies: int = 20_000) -> bytes:
    """A submission that defines one processing and repeats it by alias: 4 bytes a copy in the body, a whole
    processing each once resolved (20,000 copies: about 80 KB of YAML)."""
    anchored = json.dumps(_processing(0, 200))
    return (
        f"schema_version: '1.0'\nproject_name: bomb\nprocessings: [&p {anchored}" + ", *p" * copies + "]\n"
    ).encode()


def _processing(number: int, text: int) -> dict[str, Any]:
    return {
        "id": f"p{number}",
        "name": "n" * 300,
        "purposes": ["p" * text],
        "purpose_description": "q" * text,
        "legal_basis": "consent",
        "data_categories": [c.value for c in DataCategory],
        "data_subjects": [s.value for s in DataSubject],
        "recipients": ["r" * 300],
        "collection_channels": [{"channel": "c" * 300, "online": True, "disclosed_to_person": False}],
        "third_party_disclosures": [
            {"recipient": "x" * 300, "purpose": "y" * text, "consent_obtained": False}
        ],
        "reuses_data_from": ["z" * 300],
        "retention": {"indefinite": True, "deletion_mechanism": "d" * text},
    }


def _countries() -> list[str]:
    return [a + b for a, b in itertools.product(string.ascii_uppercase, repeat=2)][:MAX_ITEMS]


def worst_cases() -> dict[str, dict[str, Any]]:
    """The largest assessments found for a valid body under 1 MiB: every list at its cap, texts filling
    the rest of the mebibyte (the assessment echoes the facts each rule read)."""
    categories = [c.value for c in DataCategory]
    subjects = [s.value for s in DataSubject]
    cases: dict[str, dict[str, Any]] = {}
    cases["200 bare processings"] = example() | {
        "processings": [{"id": f"p{n}"} for n in range(MAX_PROCESSINGS)]
    }
    cases["200 processings, every category"] = example() | {
        "processings": [
            {"id": f"p{n}", "data_categories": categories, "data_subjects": subjects}
            for n in range(MAX_PROCESSINGS)
        ]
    }
    text = 640
    while len(json.dumps(example() | {"processings": [_processing(0, text)] * MAX_PROCESSINGS})) < MIB - 4096:
        text += 20
    cases["200 full processings, 1 MiB"] = example() | {
        "processings": [_processing(n, text - 20) for n in range(MAX_PROCESSINGS)]
    }
    cases["100 processors and transfers"] = example() | {
        "processors": [{"country": c, "name": "r" * 300, "service": "s" * 300} for c in _countries()],
        "transfers": [{"country": c, "data_categories": categories} for c in _countries()],
        "processings": [
            {"id": f"p{n}", "data_categories": categories, "recipients": ["r"] * MAX_ITEMS}
            for n in range(MAX_PROCESSINGS)
        ],
    }
    return cases
