"""The database URL comes from the environment or a file, never from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.storage.postgres.config import SERVICE, DatabaseNotConfigured, database_url


def test_the_url_from_a_variable_or_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "db-url"
    secret.write_text("postgresql://app:s3cret@db/compliance\n", encoding="utf-8")
    assert database_url(SERVICE, {}) is None
    assert database_url(SERVICE, {SERVICE: "postgresql://db/x"}) == "postgresql://db/x"
    assert database_url(SERVICE, {SERVICE + "_FILE": str(secret)}) == "postgresql://app:s3cret@db/compliance"
    with pytest.raises(DatabaseNotConfigured, match="not both"):
        database_url(SERVICE, {SERVICE: "x", SERVICE + "_FILE": str(secret)})
    with pytest.raises(DatabaseNotConfigured, match="COMPLIANCE_DATABASE_URL_FILE: cannot read"):
        database_url(SERVICE, {SERVICE + "_FILE": str(tmp_path / "missing")})


def test_no_command_takes_a_database_url_argument(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["serve"], ["db", "upgrade"], ["db", "import"], ["admin", "list-orgs"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        assert "url" not in capsys.readouterr().out.lower().replace("compliance_", "")


def test_an_unreadable_url_file_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(SERVICE + "_FILE", str(tmp_path / "missing"))
    assert main(["admin", "list-orgs"]) == 3
    assert "impossible de lire" in capsys.readouterr().err  # French by default
