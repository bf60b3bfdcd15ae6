"""Stored assessments stay readable: compact ones with the pack logic they name, full ones as they are."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from compliance.domain import compact
from compliance.domain.compact import UnknownPack, is_compact
from compliance.engine.logic import logic_document, texts_document, view_of_documents
from compliance.engine.reference import ReferenceEngine
from compliance.ruleset.loader import load_pack
from compliance.service.assessing import Assessor
from compliance.service.pack_views import publish_pack
from compliance.storage.pack_store import PACKS_DIR, FilePacks, MemoryPacks, PackRepository
from compliance.storage.postgres import Database, PostgresPacks
from compliance.storage.postgres.provision import TemporaryDatabase
from compliance.storage.records import StoredAssessment
from tests.core.minipack import make_pack, rule_doc
from tests.core.randomfacts import random_submission

ROOT = Path(__file__).resolve().parents[2]


def _assessor(tmp: Path, **over: Any) -> Assessor:
    root = make_pack(tmp, [rule_doc(), rule_doc("L0908-T02-OTHER", **({"severity": "minor"} | over))])
    return Assessor(load_pack(root, root.parent / "features"))


def _reread(stored: StoredAssessment) -> StoredAssessment:
    """The same stored bytes as a new process reads them."""
    return StoredAssessment.model_validate(stored.model_dump())


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pack view known yet, no pack store read: as in a server that has just started."""
    monkeypatch.setattr(compact, "_views", {})
    monkeypatch.setattr(compact, "_loaders", [])


def test_an_assessment_made_with_an_older_pack_reads_back_from_the_pack_store(
    tmp_path: Path, fresh_process: None
) -> None:
    packs = FilePacks(tmp_path / "data" / PACKS_DIR)
    old = _assessor(tmp_path / "old")
    submission = random_submission(7)
    expected = old.assess(submission)
    publish_pack(old, packs)
    stored = StoredAssessment.of(old.assess_compact(submission))
    assert is_compact(stored.json_bytes)
    compact._views.clear()  # the service restarts with another pack: only the store knows the old logic
    compact._loaders.clear()
    new = _assessor(tmp_path / "new", severity="major")
    assert new.engine.logic != old.engine.logic
    publish_pack(new, packs)
    again = _reread(stored)
    assert again.parsed == expected
    assert again.expanded_json == expected.__pydantic_serializer__.to_json(expected)


def test_a_translation_fix_keeps_the_logic_and_reaches_old_assessments(
    tmp_path: Path, fresh_process: None
) -> None:
    packs = FilePacks(tmp_path / "packs")
    before = _assessor(tmp_path / "before")
    publish_pack(before, packs)
    stored = StoredAssessment.of(before.assess_compact(random_submission(3)))
    after = _assessor(tmp_path / "after", title={"fr": "Titre corrigé", "en": "Fixed title"})
    assert after.engine.logic == before.engine.logic
    compact._views.clear()
    compact._loaders.clear()
    publish_pack(after, packs)
    titles = {f.rule_id: f.title.en for f in _reread(stored).parsed.findings}
    assert titles["L0908-T02-OTHER"] == "Fixed title"


def test_a_pack_file_that_does_not_match_its_name_is_not_trusted(tmp_path: Path, fresh_process: None) -> None:
    packs = FilePacks(tmp_path / "packs")
    assessor = _assessor(tmp_path / "pack")
    publish_pack(assessor, packs)
    stored = StoredAssessment.of(assessor.assess_compact(random_submission(1)))
    (path,) = (tmp_path / "packs").glob("*.json")
    doc = json.loads(path.read_bytes())
    doc["logic"]["rules"][0]["severity"] = "info"
    path.write_text(json.dumps(doc), encoding="utf-8")
    compact._views.clear()
    assert packs.get(assessor.engine.logic) is None
    with pytest.raises(UnknownPack):
        _ = _reread(stored).parsed


def test_an_assessment_stored_in_full_reads_as_before(tmp_path: Path) -> None:
    pack = load_pack(ROOT / "rules", ROOT / "features")
    assessment = ReferenceEngine(pack).assess(random_submission(11))
    full = assessment.__pydantic_serializer__.to_json(assessment)
    stored = _reread(StoredAssessment.of(assessment))
    assert stored.json_bytes == full
    assert not is_compact(stored.json_bytes)
    assert stored.parsed == assessment
    assert stored.expanded_json == full


def test_the_pack_store_is_read_once_per_logic_however_many_assessments_name_it(
    tmp_path: Path, fresh_process: None
) -> None:
    """The process-wide table keeps each pack view by its logic hash: expanding a thousand stored assessments
    reads and rebuilds the pack they name once, and the same view object serves them all."""
    packs = FilePacks(tmp_path / "packs")
    assessor = _assessor(tmp_path / "pack")
    publish_pack(assessor, packs)
    stored = [StoredAssessment.of(assessor.assess_compact(random_submission(i))) for i in range(20)]
    compact._views.clear()  # a restarted service: only the pack store knows the logic
    reads: list[str] = []
    original = packs.get

    def counting_get(logic_hash: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        reads.append(logic_hash)
        return original(logic_hash)

    packs.get = counting_get  # type: ignore[method-assign]
    for s in stored * 5:
        _ = _reread(s).parsed
        _ = _reread(s).expanded_json
    assert reads == [assessor.engine.logic]
    assert compact.view_for(assessor.engine.logic) is compact.view_for(assessor.engine.logic)


@pytest.fixture(params=["memory", "file", "postgresql"])
def pack_repository(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PackRepository]:
    if request.param == "postgresql":
        db = Database(request.getfixturevalue("pg_empty").url())
        yield PostgresPacks(db)
        db.close()
        return
    yield MemoryPacks() if request.param == "memory" else FilePacks(tmp_path / "packs")


def test_pack_repository_contract(pack_repository: PackRepository) -> None:
    logic = {"rules": [{"id": "L0908-T01", "severity": "major", "weight": 0.5}], "é": "texte"}
    name = pack_repository.put(logic, {"fr": "Titre"})
    assert name == compact.hash_logic(logic)
    assert pack_repository.get(name) == (logic, {"fr": "Titre"})
    assert pack_repository.put(logic, {"fr": "Titre corrigé"}) == name  # same logic, newer texts
    assert pack_repository.get(name) == (logic, {"fr": "Titre corrigé"})
    assert pack_repository.get("sha256:" + "0" * 64) is None
    assert pack_repository.get("not a hash") is None


def test_a_pack_row_that_does_not_match_its_hash_is_not_trusted(pg_empty: TemporaryDatabase) -> None:
    db = Database(pg_empty.url())
    try:
        packs = PostgresPacks(db)
        name = packs.put({"rules": [{"severity": "major"}]}, {})
        with psycopg.connect(pg_empty.owner_url, autocommit=True) as conn:
            conn.execute("UPDATE compliance.packs SET doc = replace(doc, 'major', 'info')")
        assert packs.get(name) is None
    finally:
        db.close()


def _noted_assessor(tmp: Path, note_fr: str) -> Assessor:
    ref = {
        "instrument": "Law 09-08",
        "article": "4",
        "status": "verified",
        "note": {"fr": note_fr, "en": "Note."},
    }
    ar = "title: عنوان\nreferences:\n- note: ملاحظة.\n"
    root = make_pack(tmp, [rule_doc(references=[ref])], {"i18n/ar/L0908-T01-SAMPLE.yaml": ar})
    return Assessor(load_pack(root, root.parent / "features"))


def test_a_reference_note_is_a_text_and_keeps_the_logic(tmp_path: Path, fresh_process: None) -> None:
    packs = FilePacks(tmp_path / "packs")
    before = _noted_assessor(tmp_path / "before", "Note.")
    publish_pack(before, packs)
    stored = StoredAssessment.of(before.assess_compact(random_submission(3)))
    after = _noted_assessor(tmp_path / "after", "Note corrigée.")
    assert after.engine.logic == before.engine.logic
    compact._views.clear()
    compact._loaders.clear()
    publish_pack(after, packs)
    (finding,) = _reread(stored).parsed.findings
    note = finding.references[0].note
    assert note is not None and (note.fr, note.ar) == ("Note corrigée.", "ملاحظة.")
    assert finding.references[0].cite("ar") == "المادة 4"


def test_a_pack_stored_before_references_had_texts_still_reads(tmp_path: Path) -> None:
    """Form /1 kept each reference whole in the logic, its note and words in English only."""
    assessor = _noted_assessor(tmp_path, "Note.")
    logic = logic_document(assessor.engine.pack, assessor.engine.program.leaves)
    texts = texts_document(assessor.engine.pack)
    logic["rules"][0]["references"] = [
        {"instrument": "CNDP", "article": "page « Notifier »", "status": "verified", "note": "Old note."}
    ]
    del texts["L0908-T01-SAMPLE"]["references"]
    (ref,) = view_of_documents(logic, texts).rules["L0908-T01-SAMPLE"].references
    assert ref.note is not None and ref.note.get("fr") == "Old note."
    assert ref.cite("fr") == "page « Notifier » (CNDP)"
