"""Links from a report to a rule's entry in the catalogue (docs/rules.md, one anchor per rule)."""

from __future__ import annotations

from urllib.parse import quote

CATALOGUE = "docs/rules.md"


def rule_anchor(rule_id: str) -> str:
    """The HTML anchor of a rule's row in docs/rules.md: 'L0908-A03-RETENTION' -> 'l0908-a03-retention'."""
    return rule_id.lower()


def rule_help_uri(docs_url: str | None, rule_id: str) -> str | None:
    """`docs_url` is where docs/rules.md is published (e.g. the file on the forge at the release tag)."""
    if not docs_url:
        return None
    return f"{docs_url.split('#', 1)[0]}#{rule_anchor(rule_id)}"


def artifact_uri(relative_path: str) -> str:
    """A relative URI reference for a path inside the repository: each segment percent-encoded, '/' kept."""
    return quote(relative_path.replace("\\", "/").lstrip("/"), safe="/")
