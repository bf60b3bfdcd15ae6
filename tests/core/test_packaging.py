"""The package installs anywhere: the wheel, built from the sdist, carries the rule pack and the feature texts.

One test, about 10 s on the reference machine: `python -m build` (sdist, then the wheel from the sdist), a fresh
virtual environment, a normal (not editable) install, and `compliance check` run from another folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from compliance.ruleset.loader import load_pack

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_installed_wheel_checks_a_project_from_another_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run(sys.executable, "-m", "build", "--outdir", dist, ROOT, cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    assert sdist.stat().st_size > 0

    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel, cwd=tmp_path
    )
    assert installed.returncode == 0, installed.stderr[-2000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(EXAMPLE, elsewhere / "project.yaml")
    env = {k: v for k, v in os.environ.items() if k not in {"COMPLIANCE_RULES_DIR", "PYTHONPATH"}}

    where = _run(python, "-c", "import compliance; print(compliance.__file__)", cwd=elsewhere, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), "the test must use the installed package"

    check = _run(
        venv / "bin" / "compliance", "check", "project.yaml", "--format", "json", cwd=elsewhere, env=env
    )
    assert check.returncode == 1, check.stderr  # the chatbot example fails major checks
    report = json.loads(check.stdout)
    assert report["verdict"] == "non_compliant"
    checkout = load_pack(ROOT / "rules", ROOT / "features")
    assert report["pack"]["rule_count"] == len(checkout.rules)
    assert report["pack"]["hash"] == checkout.info.hash, "the wheel's pack differs from the checkout's"

    feature = _run(
        python,
        "-c",
        "from compliance.ruleset.loader import load_pack\n"
        "from compliance.service.rule_docs import feature_of\n"
        "pack = load_pack()\n"
        "print(sum(feature_of(pack, r) is not None for r in pack.rules))",
        cwd=elsewhere,
        env=env,
    )
    assert feature.returncode == 0, feature.stderr
    assert int(feature.stdout) == len(checkout.rules), "every rule's feature text ships in the wheel"
