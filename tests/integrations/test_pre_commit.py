"""The pre-commit hooks (.pre-commit-hooks.yaml), installed and run by `pre-commit try-repo` on a temporary
repository: they pick the submission files by name, validate them (naming the line at fault) and check them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.integrations.runners import ROOT

_NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", ".*_cache", "test-output", "__pycache__", ".hypothesis", "dist", "build", "*.egg-info"
)


def _hook_repository(tmp_path: Path, env: dict[str, str]) -> Path:
    """`pre-commit try-repo` clones a git repository; CI runs the tests in a plain copy of the checkout (no
    `.git`), so the hook repository is this checkout's files committed into a fresh repository."""
    hook_repo = tmp_path / "hooks"
    shutil.copytree(ROOT, hook_repo, ignore=_NOT_SOURCES)
    subprocess.run(["git", "init", "-q"], cwd=hook_repo, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=hook_repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "hooks"], cwd=hook_repo, check=True, env=env)
    return hook_repo


def test_hooks_validate_and_check_the_submission_files(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["law0908-validate", "law0908-check"]
    repo = tmp_path / "partner"
    repo.mkdir()
    git = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    env = {**os.environ, **git, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    shutil.copy(ROOT / "examples" / "crop-yield-model.yaml", repo / "law0908.yaml")
    shutil.copy(ROOT / "examples" / "darija-support-chatbot.yaml", repo / "chatbot.law0908.yaml")
    (repo / "broken.law0908.yml").write_text('schema_version: "1.0"\nproject_name: [unclosed\n')
    (repo / "unrelated.yaml").write_text("not: [a submission\n")  # not named like one: never read
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    done = subprocess.run(
        [
            Path(sys.executable).parent / "pre-commit",
            "try-repo",
            str(_hook_repository(tmp_path, env)),
            "--all-files",
            "--color",
            "never",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    validate, check = (
        _section(out, "Law 09-08 submission is well-formed"),
        _section(out, "Law 09-08 compliance check"),
    )
    assert "Failed" in validate.splitlines()[0] and "- hook id: law0908-validate" in validate
    assert "erreur : soumission invalide broken.law0908.yml" in validate
    assert "YAML invalide" in validate and "(ligne 3, colonne" in validate  # French by default
    assert "law0908.yaml : soumission valide « Cereal yield forecasting »" in validate
    assert "chatbot.law0908.yaml : soumission valide" in validate
    assert "Failed" in check.splitlines()[0] and "exit code: 3" in check  # an invalid file: nothing assessed
    assert "erreur : soumission invalide broken.law0908.yml" in check
    assert "unrelated.yaml" not in out


def _section(out: str, hook_name: str) -> str:
    """The output of one hook: from its status line to the next hook's (pre-commit orders hooks its way)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(hook_name + "..."))
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"^\S.*\.{3,}(Passed|Failed)$", lines[i])),
        len(lines),
    )
    return "\n".join(lines[start:end])
