"""Every command of the CLI accepts `--lang fr|ar|en`, French when none is chosen, and all its words follow it:
help, argparse's own words, messages and errors come from the one catalogue."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from compliance.cli.help_texts import commands, lang_help
from compliance.cli.main import _parser, main
from compliance.reports.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "examples" / "bank-voice-assistant.yaml"
COMMANDS = [path for path, _ in commands(_parser())]

# Words that stay as they are in every language: names of formats, tools, roles, choices and placeholders.
ALLOWED = {
    "fr", "ar", "en", "text", "json", "markdown", "html", "junit", "sarif", "pdf", "gitlab", "summary",
    "blocker", "major", "minor", "info", "submitter", "liaison", "admin", "ci", "git", "uvicorn", "compliance",
    "pg_dump", "helpUri", "Idempotency", "Key", "Atlas", "Connect", "Authorization", "Bearer", "https", "host",
    "check", "rules", "list", "show", "export", "file", "old", "new", "rule_id", "key_id", "project", "reason",
    "PostgreSQL", "TinyDB", "atlas",
}  # fmt: skip
ALLOWED |= {name for path in COMMANDS for name in path}  # the commands' own names


def english_words(text: str) -> list[str]:
    """The Latin-script words of a text that are not an option, an identifier, a path, a metavariable or an
    allowed name: in an Arabic text, each is English (or French) left untranslated."""
    text = re.sub(r"\{[^}\s]*\}", " ", text)  # {fr,ar,en} choices
    found = []
    for token in text.split():
        word = re.sub(r"^[\u0600-\u06ff]+", "", token.strip("()[]«»,;:.؛،'\""))  # و, ب, لـ joined to a name
        if not re.search(r"[A-Za-z]", word) or re.search(r"[-_./$<>=@0-9]", word):
            continue
        if word.isupper() or word in ALLOWED:
            continue
        found.append(word)
    return found


def test_the_walk_finds_the_commands() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"check", "validate", "init", "rules list", "serve", "admin create-org", "audit verify"} <= names
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_help_is_arabic_under_lang_ar_and_french_by_default(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    leaf = dict(commands(_parser()))[path]
    (option,) = [a for a in leaf._actions if "--lang" in a.option_strings]
    assert list(option.choices or []) == ["fr", "ar", "en"]
    assert option.default == "fr"
    helps = {}
    for lang in ("ar", "fr", "en", None):
        with pytest.raises(SystemExit) as done:
            main([*path, "--help", *(["--lang", lang] if lang else [])])
        assert done.value.code == 0
        helps[lang] = capsys.readouterr().out
    arabic = helps["ar"]
    assert lang_help("ar") in arabic and "الاستعمال:" in arabic and "الخيارات:" in arabic
    assert english_words(arabic) == [], arabic
    assert helps[None] == helps["fr"] and "usage :" in helps["fr"] and "options" in helps["fr"]
    assert "afficher cette aide" in helps[None] and "show this help" not in helps[None]
    assert "usage: " in helps["en"] and "show this help message and exit" in helps["en"]


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_argparse_errors_follow_the_language(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, said in (("ar", "خطأ:"), ("fr", "erreur :"), (None, "erreur :"), ("en", "error:")):
        with pytest.raises(SystemExit) as done:
            main([*path, "--no-such-option", *(["--lang", lang] if lang else [])])
        assert done.value.code == 3
        err = capsys.readouterr().err
        assert said in err, err
        if lang == "ar":
            assert english_words(err) == [], err


def test_check_without_lang_reports_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BANK)]) == 2
    out = capsys.readouterr().out
    assert LABELS["fr"]["title"] in out and LABELS["en"]["title"] not in out
    assert main(["check", str(BANK), "--lang", "ar"]) == 2
    assert LABELS["ar"]["title"] in capsys.readouterr().out


def test_validate_and_rules_list_without_lang_speak_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BANK)]) == 0
    assert "soumission valide" in capsys.readouterr().out
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Consentement" in listing or "consentement" in listing
    assert main(["rules", "list", "--lang", "ar"]) == 0
    assert any("\u0600" <= ch <= "\u06ff" for ch in capsys.readouterr().out)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ar", "ليس نص YAML صالحا: تعذر العثور على «,» أو «]» المنتظرة (السطر 2، العمود 1)"),
        ("fr", "YAML invalide : « , » ou « ] » attendu introuvable (ligne 2, colonne 1)"),
        ("en", "not valid YAML: did not find expected ',' or ']' (line 2, column 1)"),
    ],
)
def test_not_valid_yaml_in_each_language(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("project_name: [unclosed\n", encoding="utf-8")
    for command in (["validate"], ["check"]):
        assert main([*command, str(bad), "--lang", lang]) == 3
        err = capsys.readouterr().err
        assert said in err, err
        if lang == "ar":
            assert english_words(err) == [], err
    assert main(["validate", str(tmp_path / "missing.yaml"), "--lang", lang]) == 3
    err = capsys.readouterr().err
    assert {"ar": "الملف غير موجود", "fr": "fichier introuvable", "en": "no such file"}[lang] in err


def test_check_messages_in_arabic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["check", str(BANK), "--summary"],
        ["check", str(BANK), "--format", "pdf"],
        ["check", str(BANK), "--submit", "p"],
        ["check", str(BANK), str(BANK), "--format", "json"],
        ["rules", "show", "NO-SUCH-RULE"],
        ["init", str(BANK), "--template"],
        ["check", str(BANK), "--waivers", str(tmp_path / "none.yaml")],
        ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")],
    ):
        assert main([*argv, "--lang", "ar"]) == 3, argv
        err = capsys.readouterr().err
        assert any("\u0600" <= ch <= "\u06ff" for ch in err) and english_words(err) == [], (argv, err)


def test_admin_server_and_audit_commands_speak_arabic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COMPLIANCE_DATABASE_URL", raising=False)
    monkeypatch.delenv("COMPLIANCE_KEY_DIR", raising=False)
    store = ["--data-dir", str(tmp_path / "data"), "--lang", "ar"]

    def run(*argv: str, code: int = 0) -> str:
        assert main([*argv, *store]) == code, argv
        said = capsys.readouterr()
        text = said.out + said.err
        assert english_words(text) == [], (argv, text)
        return text

    assert "تم إنشاء المؤسسة «atlas»" in run("admin", "create-org", "--name", "Atlas", "--id", "atlas")
    assert "تم إنشاء مفتاح ci" in run("admin", "create-key", "--role", "ci", "--org", "atlas")
    assert "نشط" in run("admin", "list-keys")
    run("admin", "list-orgs")
    assert "الحالي" in run("admin", "rotate-signing-key")
    run("admin", "list-signing-keys")
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase for the test\n"))
    assert "تم إنشاء حساب" in run(
        "admin", "create-user", "--email", "a@example.org", "--role", "liaison", "--password-stdin"
    )
    assert "سجل التدقيق سليم" in run("audit", "verify")
    assert "النسخة الاحتياطية" in run("admin", "backup", "--output", str(tmp_path / "copy"))
    assert "أُعيد تقييم 0 مشروع" in run("reassess")
    assert "يجب أن تكون قيمة --workers" in run("serve", "--workers", "2", code=3)
    missing = ["--data-dir", str(tmp_path / "none"), "--lang", "ar"]
    for argv in (["audit", "verify"], ["admin", "list-keys"], ["reassess"]):
        assert main([*argv, *missing]) == 3
        err = capsys.readouterr().err
        assert "لا يوجد مجلد معطيات" in err and english_words(err) == [], err


def test_admin_refusals_tampered_log_and_missing_database_speak_arabic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusals the service and the store word with values, the audit verification's problems and the
    database settings: in Arabic, with no English word but the identifiers they quote."""
    monkeypatch.delenv("COMPLIANCE_DATABASE_URL", raising=False)
    monkeypatch.delenv("COMPLIANCE_DATABASE_URL_FILE", raising=False)
    monkeypatch.delenv("COMPLIANCE_MIGRATION_DATABASE_URL", raising=False)
    monkeypatch.delenv("COMPLIANCE_MIGRATION_DATABASE_URL_FILE", raising=False)
    monkeypatch.delenv("COMPLIANCE_KEY_DIR", raising=False)
    store = ["--data-dir", str(tmp_path / "data"), "--lang", "ar"]

    def refused(*argv: str, options: list[str] = store) -> str:
        assert main([*argv, *options]) != 0, argv
        said = capsys.readouterr()
        text = said.out + said.err
        assert any("\u0600" <= ch <= "\u06ff" for ch in text) and english_words(text) == [], (argv, text)
        return text

    assert main(["admin", "create-org", "--name", "Atlas", "--id", "atlas", *store]) == 0
    assert main(["admin", "create-key", "--role", "ci", "--org", "atlas", *store]) == 0
    capsys.readouterr()
    assert "المؤسسة «atlas» موجودة من قبل" in refused(
        "admin", "create-org", "--name", "Atlas", "--id", "atlas"
    )
    assert "لا يوجد مفتاح «key_nope»" in refused("admin", "revoke-key", "key_nope")
    log = tmp_path / "data" / "audit.log"
    lines = log.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[0]) | {"actor": "someone else"}  # its hash kept: the entry no longer matches it
    log.write_text("\n".join([json.dumps(edited), *lines[1:]]) + "\n", encoding="utf-8")
    assert "عُدِّل — مضمونه لا يطابق بصمته" in refused("audit", "verify")
    assert "لا توجد قاعدة معطيات" in refused("db", "upgrade", options=["--lang", "ar"])
    main(["admin", "create-org", "--name", "Atlas", "--id", "atlas", "--data-dir", str(tmp_path / "data")])
    assert "l'organisation « atlas » existe déjà" in capsys.readouterr().err  # French by default


def test_rule_pack_and_decision_file_problems_speak_arabic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule pack that cannot be loaded and a file that is no decision: in Arabic, the folder and file
    names as they are."""
    assert main(["--rules", str(tmp_path), "check", str(BANK), "--lang", "ar"]) == 3
    err = capsys.readouterr().err
    assert "هل هذا مجلد مجموعة قواعد؟" in err and english_words(err) == [], err
    not_json = tmp_path / "decision.json"
    not_json.write_text("[unclosed", encoding="utf-8")
    assert main(["verify-decision", str(not_json), "--lang", "ar"]) == 3
    err = capsys.readouterr().err
    assert "ليس وثيقة JSON" in err and english_words(err) == [], err
