"""Where a command's output goes: standard output, or a file."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def quiet_stdout() -> None:
    """The reader of standard output went away (`| head`): send the rest to /dev/null, so neither our writes
    nor the interpreter's last flush raise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def emit(text: str | bytes, output: Path | None) -> None:
    """Write a report; a closed pipe ends the output quietly (the exit code still says the gate)."""
    if isinstance(text, bytes):  # a PDF, which always has a file (run_check checks)
        assert output is not None
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(text)
    elif output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_stdout()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
