"""Name the submission file as code scanning expects: relative to the repository root, in '/' form."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the reports that point at lines of the file (SARIF, GitLab)
    from compliance.reports.source_map import SourceFile

DOCS_URL_ENV = "COMPLIANCE_DOCS_URL"


def git_root(start: Path) -> Path | None:
    """The nearest folder holding `.git` (a folder, or a file in a worktree or submodule)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def relative_name(file: Path, source_root: Path | None) -> str:
    """The file's path from `source_root` (default: the git root found above it, else the current folder).

    A file outside that root keeps its path as given: an honest name rather than a made-up one.
    """
    absolute = file.resolve()
    root = (source_root or git_root(absolute.parent) or Path.cwd()).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def source_file_for(file: Path, text: str, source_root: Path | None, docs_url: str | None) -> SourceFile:
    from compliance.reports.links import artifact_uri
    from compliance.reports.source_map import SourceFile, SourceMap

    return SourceFile(
        uri=artifact_uri(relative_name(file, source_root)),
        source=SourceMap(text),
        docs_url=docs_url or os.environ.get(DOCS_URL_ENV) or None,
    )
