"""The pack cache: used when its key matches, rebuilt when the rules or the package change, never trusted when
its MAC does not match or its folder is not private; a warm `check` builds no rule model and imports no store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.service import pack_cache
from compliance.service.pack_cache import load_compiled, pack_key
from tests.core.minipack import make_pack, rule_doc

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(folder))
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pack"))


def test_a_warm_cache_gives_the_same_pack_and_program(tmp_path: Path, cache: Path) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    cold = load_compiled(root)
    (entry,) = _entries(cache)
    assert entry.stat().st_mode & 0o777 == 0o600
    warm = load_compiled(root)
    assert warm is not cold
    assert warm.pack == cold.pack and warm.program == cold.program and warm.logic == cold.logic
    assert warm.view == cold.view and warm.rule_documents == cold.rule_documents


def test_a_changed_rule_file_or_version_is_another_key(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    before = load_compiled(root)
    key = pack_key(root)
    rule_file = next(root.glob("sample/*.yaml"))
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("major", "minor"), encoding="utf-8")
    assert pack_key(root) != key
    after = load_compiled(root)
    assert after.pack.rules[0].severity.value == "minor" != before.pack.rules[0].severity.value
    assert len(_entries(cache)) == 2
    changed = pack_key(root)
    monkeypatch.setattr(pack_cache, "__version__", "99.0.0")
    assert pack_key(root) not in {key, changed}


def test_an_arabic_rule_text_is_part_of_the_key(tmp_path: Path, cache: Path) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    before = load_compiled(root)
    key = pack_key(root)
    rule_id = before.pack.rules[0].id
    overlay = root / "i18n" / "ar" / f"{rule_id}.yaml"
    overlay.parent.mkdir(parents=True)
    overlay.write_text("title: عنوان القاعدة\n", encoding="utf-8")
    assert pack_key(root) != key
    after = load_compiled(root)
    assert after.pack.rules[0].title.ar == "عنوان القاعدة" != before.pack.rules[0].title.ar
    assert len(_entries(cache)) == 2


def test_an_entry_that_fails_its_mac_is_rebuilt(tmp_path: Path, cache: Path) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    load_compiled(root)
    (entry,) = _entries(cache)
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert pack_cache.read_entry(cache, pack_key(root)) is None
    assert load_compiled(root).pack.rules[0].id == "L0908-T01-SAMPLE"
    assert pack_cache.read_entry(cache, pack_key(root)) is not None  # written again, sound


def test_a_folder_others_may_write_is_not_used(tmp_path: Path, cache: Path) -> None:
    root = make_pack(tmp_path, [rule_doc()])
    load_compiled(root)
    cache.chmod(0o777)
    assert pack_cache.read_entry(cache, pack_key(root)) is None
    cache.chmod(0o700)
    (cache / pack_cache.SECRET).chmod(0o644)
    assert pack_cache.read_entry(cache, pack_key(root)) is None


FORBIDDEN = (
    "compliance.storage",
    "compliance.api",
    "tinydb",
    "zstandard",
    "cryptography",
    "fastapi",
    "starlette",
    "uvicorn",
    "httpx",
    "gherkin",
    "compliance.service.decisions",
    # what a text report does not need: the other renderers, the HTTP client of remote mode, the baselines
    "jinja2",
    "weasyprint",
    "compliance.reports.html",
    "compliance.reports.pdf",
    "compliance.reports.sarif",
    "compliance.reports.gitlab",
    "concurrent.futures.process",
    "urllib.request",
    "http.client",
    "ssl",
    "compliance.domain.baseline",
    "compliance.reports.baseline",
    # what a warm cache keeps from being done again: parsing the catalogue, and looking for pydantic
    # plugins (importlib.metadata) while building a model
    "babel",
    "importlib.metadata",
)
RULE_MODELS = ("Rule", "AllOf", "Every", "SeverityOverride", "Penalty")
PROBE = """
import contextlib, io, json, sys
from compliance.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
import compliance.domain.pack as pack, compliance.domain.rules as rules
built = [n for n in {models} if getattr(rules, n).__pydantic_complete__]
built += [n for n in ("RulePack", "TriggerSpec", "PackManifest") if getattr(pack, n).__pydantic_complete__]
from compliance.service.validator_cache import MODELS, model_of
built += [n for n in MODELS if model_of(n).__pydantic_complete__]  # their validators come from the cache
print(json.dumps({{"code": code, "modules": sorted(sys.modules), "built": built}}))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(EXAMPLE)],
        ["validate", str(EXAMPLE)],
        ["rules", "list"],
        ["rules", "show", "L0908-A01-PERSONAL-DATA"],
    ],
)
def test_a_warm_check_builds_no_rule_model_and_imports_no_store(argv: list[str], tmp_path: Path) -> None:
    env = os.environ | {"COMPLIANCE_CACHE_DIR": str(tmp_path / "cache")}
    probe = PROBE.format(models=RULE_MODELS)
    run = [sys.executable, "-c", probe, *argv]
    subprocess.run(run, env=env, check=True, capture_output=True)  # warms the cache
    out = subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.splitlines()[-1])
    assert result["code"] in (0, 1, 2)  # 3 would be an invalid command or file
    assert result["built"] == []
    assert [m for m in result["modules"] if m.startswith(FORBIDDEN)] == []


def test_the_command_line_knows_every_role() -> None:
    from compliance.cli.server_commands import ROLES
    from compliance.storage.records import Role

    assert tuple(r.value for r in Role) == ROLES


def test_the_database_variables_of_the_command_line_match_the_store() -> None:
    from compliance.cli import db_commands
    from compliance.storage.postgres import config

    assert (db_commands.MIGRATION, db_commands.SERVICE) == (config.MIGRATION, config.SERVICE)


def test_a_warm_pack_unpickles_its_rules_only_when_asked(tmp_path: Path, cache: Path) -> None:
    import copy
    import pickle

    root = make_pack(tmp_path, [rule_doc()])
    cold = load_compiled(root)
    warm = load_compiled(root)
    assert "_pack" not in vars(warm.pack)  # what an assessment reads is at hand, the rules are not
    assert warm.pack.info == cold.pack.info and warm.pack.reference == cold.pack.reference
    assert "_pack" not in vars(warm.pack)
    assert warm.pack.rules == cold.pack.rules and "_pack" in vars(warm.pack)
    for again in (pickle.loads(pickle.dumps(warm.pack)), copy.deepcopy(warm.pack)):
        assert type(again) is type(cold.pack) and again == cold.pack
