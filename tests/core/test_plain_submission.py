"""The submission's validator written in plain Python (`compliance.domain.validator_source`): against pydantic on
every example, on random valid submissions and on thousands of mutated ones, it never accepts what pydantic
refuses, and what it accepts it gives exactly as the engine gets it from the model. A warm `check` reading files
with it reports byte for byte, and exits, as the check reading them with pydantic."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from compliance.cli import check_command
from compliance.cli.main import main
from compliance.domain.submission import Submission
from compliance.domain.validator_source import AFTER, Unsupported, source_of
from compliance.engine.dump import plain_serializer
from compliance.service.assessing import assessor_for
from compliance.service.plain_check import plain_engine_for
from compliance.service.plain_submission import load_validator, read_facts, strict_payload, write_validator
from compliance.service.validator_cache import prepare
from compliance.strictyaml import load_yaml
from tests.core.randomfacts import holder_of, random_submission, value_paths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
Validate = Callable[[Any], dict[str, Any] | None]


@pytest.fixture(scope="module")
def validate() -> Validate:
    Submission.model_rebuild()
    namespace: dict[str, Any] = {}
    exec(compile(source_of(Submission.__pydantic_core_schema__), "<test>", "exec"), namespace)
    found: Validate = namespace["validate"]
    return found


def _pydantic(payload: str) -> dict[str, Any] | None:
    """What the engine gets from pydantic for this payload, None if pydantic refuses it."""
    try:
        model = Submission.model_validate_json(payload, strict=True)
    except ValidationError:
        return None
    facts: dict[str, Any] = plain_serializer(model.__pydantic_serializer__).to_python(model, mode="json")
    return facts


def _compare(validate: Validate, data: Any) -> str:
    """'same', 'unsure' (the plain validator leaves it to pydantic) or 'refused' (both refuse); fails on a
    difference."""
    try:
        payload = strict_payload(data)
    except (TypeError, ValueError):
        return "refused"
    expected = _pydantic(payload)
    got = validate(json.loads(payload))
    if got is None:
        return "refused" if expected is None else "unsure"
    assert expected is not None, f"accepted what pydantic refuses: {payload}"
    assert json.dumps(got) == json.dumps(expected)  # the same values in the same order
    return "same"


def test_every_example_reads_as_pydantic_reads_it(validate: Validate) -> None:
    for path in EXAMPLES:
        assert _compare(validate, load_yaml(path.read_text(encoding="utf-8"))) == "same", path.name


def test_random_valid_submissions_read_as_pydantic_reads_them(validate: Validate) -> None:
    for seed in range(1500):
        model = random_submission(seed)
        for data in (model.model_dump(mode="json", exclude_unset=True), model.model_dump(mode="json")):
            assert _compare(validate, data) == "same", seed


BAD_VALUES = [
    None,
    True,
    False,
    0,
    1,
    -1,
    36501,
    2**70,
    1.5,
    "",
    "x",
    "x" * 5000,
    "true",
    "1",
    "2024-02-30",
    "2024-1-1",
    "2024-01-01T00:00:00",
    "24-01-01",
    "ＭＡ",
    "ma",
    "M\nA",
    "\U0001f600",
    [],
    [None],
    ["x"],
    {},
    {"x": 1},
    {"extra": True},
    "health",
    "direct",
    "1.0",
    "1.1",
    "not_a_member",
    ["health", "health"],
]


def _mutated(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        place = rng.choice(value_paths(out) or [("project_name",)])
        holder = holder_of(out, place)
        action = rng.random()
        if action < 0.7:
            holder[place[-1]] = copy.deepcopy(rng.choice(BAD_VALUES))
        elif action < 0.85 and isinstance(holder, dict):
            holder[f"unknown_{rng.randint(0, 9)}"] = rng.choice(BAD_VALUES)
        elif isinstance(holder, dict):
            del holder[place[-1]]
    return out


def test_mutated_submissions_are_never_accepted_when_pydantic_refuses_them(validate: Validate) -> None:
    rng = random.Random(908)
    seen: dict[str, int] = {}
    sources = [load_yaml(p.read_text(encoding="utf-8")) for p in EXAMPLES]
    sources += [random_submission(seed).model_dump(mode="json", exclude_unset=True) for seed in range(60)]
    for i in range(4000):
        verdict = _compare(validate, _mutated(sources[i % len(sources)], rng))
        seen[verdict] = seen.get(verdict, 0) + 1
    assert seen.get("refused", 0) > 1000 and seen.get("same", 0) > 300  # both kinds were exercised


def test_the_generator_refuses_what_it_does_not_know() -> None:
    Submission.model_rebuild()
    schema: dict[str, Any] = copy.deepcopy(dict(Submission.__pydantic_core_schema__))
    model = schema["schema"] if schema["type"] == "definitions" else schema
    model["schema"]["fields"]["project_name"]["schema"]["strip_whitespace"] = True
    with pytest.raises(Unsupported):
        source_of(schema)
    ignoring: dict[str, Any] = copy.deepcopy(dict(Submission.__pydantic_core_schema__))
    target = ignoring["schema"] if ignoring["type"] == "definitions" else ignoring
    target["config"] = {**target["config"], "extra_fields_behavior": "ignore"}
    with pytest.raises(Unsupported):
        source_of(ignoring)


def test_the_known_field_validators_do_what_the_models_do() -> None:
    from compliance.domain.facts_processing import Retention

    assert set(AFTER) == {"compliance.domain.facts_processing:Retention._canonical_order"}
    given = {"health": 30, "contact": 10, "behavioural": 5}
    expected = Retention.model_validate({"per_category": given}).model_dump(mode="json")["per_category"]
    canonical = eval("lambda v: " + AFTER["compliance.domain.facts_processing:Retention._canonical_order"])
    assert canonical(given) == expected and list(canonical(given)) == list(expected)
    assert canonical(None) is None


def _checked(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


OLD_FORMAT = {  # a 1.0 submission, upgraded on read (tests/core/test_upgrade.py)
    "schema_version": "1.0",
    "project_name": "Ancien format",
    "processes_personal_data": True,
    "processings": [
        {"id": "kyc", "data_categories": ["identification", "cin_number"], "legal_basis": "contract"}
    ],
    "cndp": {
        "formality": "authorisation",
        "authorisation_number": "A-PO-23/2024",
        "authorisation_date": "2024-02-01",
    },
}


def _files(folder: Path) -> list[tuple[Path, bool]]:
    """Every example, some as JSON, an old-format file, and files the plain validator leaves to pydantic, each
    with whether it reads them itself."""
    files = [(path, True) for path in EXAMPLES]
    for path in EXAMPLES[:3]:
        as_json = folder / f"{path.stem}.json"
        as_json.write_text(
            json.dumps(load_yaml(path.read_text(encoding="utf-8")), ensure_ascii=False), "utf-8"
        )
        files.append((as_json, True))
    old = folder / "old.json"
    old.write_text(json.dumps(OLD_FORMAT), encoding="utf-8")
    files.append((old, True))
    base = EXAMPLES[0].read_text(encoding="utf-8")
    for name, text in {
        "extra.yaml": base + "surprise: true\n",
        "float.yaml": base.replace("project_name:", "retention_note: 1.5\nproject_name:", 1),
        "bad-country.yaml": "project_name: x\ntransfers: [{country: fr}]\n",
        "list.yaml": "- project_name: x\n",
        "nan.json": '{"project_name": NaN}',
        "empty.yaml": "\n",
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
        files.append((folder / name, False))
    files.append((folder / "missing.yaml", False))
    return files


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_a_check_reading_files_without_pydantic_reports_as_before(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare()  # builds the kept models, and writes the plain validator, in this session's cache folder
    # Written here too: this process may have prepared its models from another test's folder already.
    write_validator(Submission.__pydantic_core_schema__)
    assert load_validator() is not None
    assessor_for.cache_clear()  # this process may hold a pack read from another test's folder
    assessor_for(None)  # the pack cache's entry, with the pack's plain forms, in this folder
    assert plain_engine_for(None) is not None
    plain_runs: list[int | None] = []
    with_plain = check_command._check_plain

    def spied(*args: Any) -> int | None:
        plain_runs.append(with_plain(*args))
        return plain_runs[-1]

    monkeypatch.setattr(check_command, "_check_plain", spied)
    for path, plain in _files(tmp_path):
        assert (read_facts(path) is not None) is plain, path.name  # which way the file is read
        for lang in ("fr", "ar", "en"):
            argv = ["check", str(path), "--lang", lang, "--format", fmt]
            plain_runs.clear()
            fast = _checked(argv)
            # a text report of a file read without pydantic is assessed without any model
            assert (plain_runs == [fast[0]]) is (plain and fmt == "text"), (path.name, plain_runs)
            with monkeypatch.context() as m:
                m.setattr(check_command, "read_facts", lambda file: None)
                slow = _checked(argv)
            assert fast == slow, (path.name, lang, fmt)
            assert (fast[0] == 3) is (fast[2] != ""), path.name  # an invalid file is told on stderr


def test_a_validator_entry_that_does_not_match_its_mac_is_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))
    load_validator.cache_clear()
    try:
        Submission.model_rebuild()
        write_validator(Submission.__pydantic_core_schema__)
        assert load_validator() is not None and read_facts(EXAMPLES[0]) is not None
        (entry,) = tmp_path.glob("*.validator")
        data = bytearray(entry.read_bytes())
        data[-3] ^= 0xFF
        entry.write_bytes(bytes(data))
        load_validator.cache_clear()
        assert load_validator() is None and read_facts(EXAMPLES[0]) is None  # pydantic reads the file then
    finally:
        load_validator.cache_clear()


def test_validate_says_the_same_of_files_read_without_pydantic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compliance.service import plain_submission

    prepare()
    load_validator.cache_clear()
    bad = tmp_path / "bad.yaml"
    bad.write_text("project_name: 3\n", encoding="utf-8")
    for lang in ("fr", "ar", "en"):
        argv = ["validate", *map(str, EXAMPLES), str(bad), "--lang", lang]
        fast = _checked(argv)
        with monkeypatch.context() as m:
            m.setattr(plain_submission, "read_facts", lambda file: None)
            slow = _checked(argv)
        assert (
            fast == slow and fast[0] == 3 and fast[1].count("\n") == len(EXAMPLES) and "bad.yaml" in fast[2]
        )


def _odd_files(folder: Path) -> list[Path]:
    """Files the plain reading might take otherwise than pydantic: numbers, booleans, dates, YAML's own forms,
    odd characters, nulls where there are defaults."""
    base = next(p for p in EXAMPLES if p.name == "darija-support-chatbot.yaml").read_text(encoding="utf-8")
    as_json = json.dumps(load_yaml(base))
    yaml_edits = {
        "live: true": ["live: 1", "live: yes", "live: True", "live: !!bool true", "live: ~", "live: null"],
        "estimated_data_subjects: 120000": [
            "estimated_data_subjects: true",
            "estimated_data_subjects: 1" + "0" * 30,
            "estimated_data_subjects: 120_000",
        ],
        "period_days: 365": ["period_days: 365.0", "period_days: 365.5", "period_days: +365"],
        "access_sla_days: 7": ["access_sla_days: 007", "access_sla_days: 0x7"],
        "country: MA": ["country: ＭＡ", "country: MA\n  surprise: 1"],
        "project_name: Darija customer-support chatbot": [
            'project_name: "Darija\\u0085chatbot"',
            'project_name: "\\u00a0"',
            'project_name: ""',
            "project_name: Darija customer-support chatbot\nproject_name: again",
        ],
        "privacy_owner: {name: Salma Bennani, role: Head of legal}": [
            "privacy_owner:\n    <<: {name: Salma Bennani}\n    role: Head of legal",
            "privacy_owner: !!python/object/apply:os.system ['true']",
        ],
        'schema_version: "1.1"': ['schema_version: "1.0"', ""],
    }
    texts = [base.replace(old, new, 1) for old, news in yaml_edits.items() for new in news]
    texts += [base.replace("2025-", "2024-02-30", 1), base.replace("\n", "\r\n"), "\ufeff" + base]
    jsons = [
        as_json.replace('"Darija customer-support chatbot"', '"Darija \\ud800"'),
        as_json.replace('"description"', '"descr\\udc00iption"'),
        as_json.replace("120000", "1e400"),
        as_json.replace('"period_days": 365', '"period_days": -0'),
        as_json.replace('"live": true', '"live": true, "live": true'),
    ]
    files = []
    for n, text in enumerate(texts + jsons):
        path = folder / f"odd-{n}.{'yaml' if n < len(texts) else 'json'}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def test_odd_files_report_as_pydantic_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prepare()
    load_validator.cache_clear()
    assert load_validator() is not None
    codes = set()
    files = _odd_files(tmp_path)
    read_plainly = [path.name for path in files if read_facts(path) is not None]
    assert 5 <= len(read_plainly) < len(files), read_plainly  # some read without pydantic, not all
    for path in files:
        for lang in ("en", "ar"):
            argv = ["check", str(path), "--lang", lang]
            fast = _checked(argv)
            with monkeypatch.context() as m:
                m.setattr(check_command, "read_facts", lambda file: None)
                assert fast == _checked(argv), (path.name, path.read_text()[:300])
            codes.add(fast[0])
    assert codes == {1, 3}  # both valid files (read either way) and refused ones


def test_a_plain_validator_lost_on_its_own_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))
    prepare.cache_clear()
    prepare()  # the models' entry in this folder, with the plain validator
    (entry,) = tmp_path.glob("*.validator")
    entry.unlink()  # the models' entry stays: before, no check read plainly until the models were rebuilt
    load_validator.cache_clear()
    prepare.cache_clear()  # a process prepares once: as a new process would
    try:
        prepare()
        assert entry.exists() and load_validator() is not None
    finally:
        prepare.cache_clear()
