"""What a command run with warm caches imports: a `compliance check` (and `validate`, `rules`) in a CI job or a
pre-commit hook starts as fast as it can, so it loads no store, no cryptography, no compression, no server, no
rule loader, no model of the rule language and no other command's code, and it never unpickles the rules' models
of the cached pack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "darija-support-chatbot.yaml")

FORBIDDEN = {
    "storage": ("compliance.storage", "tinydb", "psycopg", "psycopg_pool", "sqlite3"),
    "crypto": ("cryptography", "argon2", "nacl", "bcrypt", "compliance.service.decisions"),
    "compression": ("zlib", "gzip", "lzma", "bz2", "zstandard", "zipfile", "tarfile", "shutil"),
    "server": (
        "fastapi",
        "starlette",
        "uvicorn",
        "httpx",
        "compliance.api",
        "compliance.web",
        "compliance.server",
    ),
    "network": ("urllib.request", "http.client", "ssl"),
    "rule loading": ("compliance.ruleset.loader", "compliance.service.catalogue"),
    # The rule language: its condition models, the pack's model and the code generator (a cached pack's program
    # runs compiled, its findings read the pack's view).
    "rule language": ("compliance.domain.rules", "compliance.domain.pack", "compliance.engine.codegen"),
    "other commands": (
        "compliance.cli.server_commands",
        "compliance.cli.review_commands",
        "compliance.cli.init_command",
        "compliance.cli.db_commands",
        "compliance.domain.baseline",
    ),
}
PROBE = """
import contextlib, io, json, sys
from compliance.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
unpickled = False
if "compliance.service.assessing" in sys.modules:
    from compliance.service.assessing import assessor_for
    unpickled = "_pack" in vars(assessor_for(None).pack)  # the pack the command read (lru_cache)
print(json.dumps({"code": code, "modules": sorted(sys.modules), "whole_pack": unpickled}))
"""


def _within(module: str, names: tuple[str, ...]) -> bool:
    """`module` is one of `names` or inside one (`compliance.domain.pack_parts` is not in `compliance.domain.pack`)."""
    return any(module == name or module.startswith(name + ".") for name in names)


def _run(argv: list[str], cache: Path) -> dict[str, object]:
    env = os.environ | {"COMPLIANCE_CACHE_DIR": str(cache)}
    env.pop("COMPLIANCE_PACK_CACHE", None)
    run = [sys.executable, "-c", PROBE, *argv]
    subprocess.run(run, env=env, check=True, capture_output=True, cwd=ROOT)  # warms the caches
    out = subprocess.run(run, env=env, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, object] = json.loads(out.splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "argv",
    [
        ["check", EXAMPLE],
        ["check", EXAMPLE, "--lang", "ar", "--format", "json"],
        ["validate", EXAMPLE],
        ["rules", "list"],
        ["rules", "list", "--format", "json", "--lang", "ar"],
    ],
)
def test_a_warm_command_imports_only_what_it_runs(argv: list[str], tmp_path: Path) -> None:
    result = _run(argv, tmp_path / "cache")
    assert result["code"] in (0, 1, 2)  # 3 would be an invalid command or file
    modules = result["modules"]
    assert isinstance(modules, list)
    found = {kind: [m for m in modules if _within(m, names)] for kind, names in FORBIDDEN.items()}
    assert found == {kind: [] for kind in FORBIDDEN}
    assert result["whole_pack"] is False  # the rules' models stay pickled in the cache entry


def test_pyyaml_reader_pattern_is_compiled_only_when_used() -> None:
    """The pure-Python reader's pattern, deferred by `import_yaml`, still finds what the compiled one finds."""
    probe = """
import re, sys
from compliance.cli.startup import NON_PRINTABLE, DeferredPattern, import_yaml
import_yaml()
import yaml
deferred = yaml.reader.Reader.NON_PRINTABLE
assert isinstance(deferred, DeferredPattern) and deferred._compiled is None
compiled = re.compile(NON_PRINTABLE)
for text in ("plain", "tab\\tok", "bell\\x07", "\\ufffe", "\\U0001f600 ok", "nul\\x00"):
    found, expected = deferred.search(text), compiled.search(text)
    assert (found and found.span()) == (expected and expected.span()), text
try:
    yaml.load("a: \\x01", Loader=yaml.SafeLoader)  # the pure-Python reader, which uses the pattern
except yaml.reader.ReaderError as exc:
    assert "#x0001" in str(exc)
else:
    raise AssertionError("a control character was accepted")
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "ok"


# The submission's models and pydantic's reading of them: a warm check of a valid file reads it with the plain
# validator kept in the cache (`compliance.service.plain_submission`).
SUBMISSION_MODELS = (
    "compliance.domain.submission",
    "compliance.domain.facts",
    "compliance.domain.facts_ai",
    "compliance.domain.facts_cndp",
    "compliance.domain.facts_processing",
    "compliance.service.submissions",
    "compliance.domain.field_errors",
    "pydantic.plugin._loader",  # no validator built from a schema
)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_a_warm_check_of_a_valid_file_reads_it_without_the_submission_models(
    lang: str, tmp_path: Path
) -> None:
    result = _run(["check", EXAMPLE, "--lang", lang], tmp_path / "cache")
    assert result["code"] == 1  # the example fails: it was assessed
    modules = result["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if _within(m, SUBMISSION_MODELS)] == []


def test_an_invalid_file_is_still_read_by_pydantic(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("project_name: 3\n", encoding="utf-8")
    result = _run(["check", str(bad)], tmp_path / "cache")
    assert result["code"] == 3
    assert "compliance.service.submissions" in result["modules"]  # type: ignore[operator]
