"""Just enough of a CI runner to run our integrations for real: a Python to install the package into, and a
composite-action runner that evaluates `${{ }}` expressions and runs the `run:` steps with the environment
variables GitHub sets (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, ...). `uses:` steps are recorded, not
run: they are GitHub's own actions."""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
import venv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
NAME = re.compile(r"\b(inputs|github|steps|env)((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)")


def runner_python(folder: Path) -> tuple[Path, dict[str, str]]:
    """A fresh virtual environment whose dependencies come from ours (a .pth file), so installing the
    package into it builds and installs only the package; the build backend comes from a local wheelhouse
    (a runner with a package mirror). Returns its bin folder and the pip settings to use it."""
    wheelhouse = folder.parent / "wheelhouse"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--dest", wheelhouse, "hatchling>=1.21"],
        check=True,
        timeout=300,
    )
    venv.create(folder, with_pip=False)
    purelib = subprocess.run(
        [folder / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "ci-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return folder / "bin", {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse)}


@dataclass
class ActionRun:
    inputs: dict[str, str]
    github: dict[str, str]
    env: dict[str, str]
    steps: dict[str, dict[str, str]] = field(default_factory=dict)
    ran: list[str] = field(default_factory=list)
    skipped_uses: list[str] = field(default_factory=list)
    failed: int | None = None
    logs: list[str] = field(default_factory=list)

    def value(self, name: str) -> Any:
        head, *rest = name.split(".")
        if head == "inputs":
            return self.inputs.get(rest[0], "")
        if head == "github":
            return self.github.get(rest[0], "")
        if head == "env":
            return self.env.get(rest[0], "")
        return self.steps.get(rest[0], {}).get(rest[2], "")  # steps.<id>.outputs.<name>

    def evaluate(self, expression: str) -> Any:
        """GitHub's expression syntax, the part our action uses: names, 'strings', ==, !=, &&, ||,
        always(), success(), failure()."""
        names: dict[str, Any] = {}

        def name(match: re.Match[str]) -> str:
            key = f"_v{len(names)}"
            names[key] = self.value(match[0])
            return key

        code = NAME.sub(name, expression)
        code = code.replace("&&", " and ").replace("||", " or ")
        code = re.sub(r"!(?!=)", " not ", code)
        names |= {
            "always": lambda: True,
            "success": lambda: self.failed is None,
            "failure": lambda: self.failed is not None,
        }
        return eval(code, {"__builtins__": {}}, names)  # our own action file, in a test

    def substitute(self, text: str) -> str:
        return EXPRESSION.sub(lambda m: str(self.evaluate(m[1])), text)


def run_composite(action: dict[str, Any], run: ActionRun, temp: Path) -> dict[str, str]:
    """Run the steps of a composite action; returns the action's outputs."""
    assert action["runs"]["using"] == "composite"
    for i, step in enumerate(action["runs"]["steps"]):
        condition = step.get("if")
        if condition is not None:
            if not run.evaluate(EXPRESSION.sub(r"\1", str(condition))):
                continue
        elif run.failed is not None:
            continue  # success() is the default condition
        if "uses" in step:
            run.skipped_uses.append(step["uses"])
            continue
        assert step.get("shell") == "bash", "every run step names its shell"
        output = temp / f"output-{i}"
        output.write_text("")
        env = {**run.env, "GITHUB_OUTPUT": str(output)}
        env |= {k: run.substitute(str(v)) for k, v in (step.get("env") or {}).items()}
        script = temp / f"step-{i}.sh"
        script.write_text(run.substitute(step["run"]))
        # GitHub's command for `shell: bash`.
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        run.logs.append(f"--- {step.get('name')} ({done.returncode})\n{done.stdout}{done.stderr}")
        run.ran.append(step.get("name", f"step {i}"))
        if "id" in step:
            run.steps[step["id"]] = dict(
                line.split("=", 1) for line in output.read_text().splitlines() if "=" in line
            )
        if done.returncode != 0:
            run.failed = done.returncode
    return {name: run.substitute(spec["value"]) for name, spec in action.get("outputs", {}).items()}


def python_on_path(runner: tuple[Path, dict[str, str]], base: dict[str, str]) -> dict[str, str]:
    """Only the runner's Python and the system: a `compliance` found must be the one the step installed."""
    bin_dir, pip = runner
    return {**base, **pip, "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin"}
