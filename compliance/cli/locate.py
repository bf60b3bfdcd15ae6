"""Find the line of a fact in a YAML or JSON submission, so SARIF can point at it."""

from __future__ import annotations

import re
from collections.abc import Callable

from compliance.domain.outcomes import Finding


def fact_locator(text: str) -> Callable[[Finding], int]:
    lines = text.splitlines()

    def line_of(path: str) -> int:
        if path.startswith("derived."):
            return 1
        start = 0
        found = 0
        for segment in re.findall(r"[a-z_][a-z0-9_]*", path):
            pattern = re.compile(rf'^\s*(?:-\s*)?"?{re.escape(segment)}"?\s*:')
            for i in range(start, len(lines)):
                if pattern.search(lines[i]):
                    found, start = i + 1, i + 1
                    break
            else:
                break
        return found or 1

    def locate(finding: Finding) -> int:
        for entry in finding.trace:
            if entry.result is not True:
                line = line_of(entry.path)
                if line > 1:
                    return line
        return line_of(finding.trace[0].path) if finding.trace else 1

    return locate
