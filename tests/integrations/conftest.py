from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.integrations.runners import ROOT, runner_python


@pytest.fixture(scope="session")
def runner(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A CI runner's Python (see runners.runner_python), shared by the integration tests."""
    return runner_python(tmp_path_factory.mktemp("runner") / "python")


@pytest.fixture(scope="session")
def wheel(runner: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built once as a wheel, for integrations that install a published package."""
    out = tmp_path_factory.mktemp("dist")
    bin_dir, pip = runner
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out, ROOT],
        env={**os.environ, **pip},
        check=True,
        timeout=300,
    )
    return next(out.glob("compliance_0908-*.whl"))
