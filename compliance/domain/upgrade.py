"""Submissions written in an earlier format are upgraded on read, never rejected.

Format 1.0 → 1.1 (rule pack 0.2.0):
- a rights channel written as "none"/"aucun" becomes the explicit `access_channel_offered: false` /
  `opposition_channel_offered: false` (1.1 says "no" with a flag, beside the free text);
- the CNDP authorisation number of 1.0 did not say what it covered; in 1.1 `cndp.authorisation_number` means an
  authorisation of the whole project, so the 1.0 number becomes an act of unstated scope (`cndp.acts`), which
  the rules then ask about instead of taking it as covering everything.

The upgrade works on plain data (before validation) and returns a new mapping; the input is left untouched,
so a stored submission stays as it was.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = "1.1"
EARLIER_VERSIONS = ("1.0",)

# How 1.0 submissions said "there is no channel" in the free text (the rules of pack 0.1.0 read it so).
_NO_CHANNEL = re.compile(r"^\s*(none|no|non|aucun|aucune|néant|neant|n/?a|-)\s*$", re.IGNORECASE)


def _from_1_0(data: dict[str, Any]) -> dict[str, Any]:
    rights = data.get("rights")
    if isinstance(rights, dict):
        for channel in ("access_channel", "opposition_channel"):
            text = rights.get(channel)
            if isinstance(text, str) and _NO_CHANNEL.match(text):
                del rights[channel]
                rights.setdefault(f"{channel}_offered", False)
    cndp = data.get("cndp")
    if isinstance(cndp, dict) and cndp.get("authorisation_number") is not None:
        act: dict[str, Any] = {"kind": "authorisation", "number": cndp.pop("authorisation_number")}
        if cndp.get("authorisation_date") is not None:
            act["date"] = cndp.pop("authorisation_date")
        acts = cndp.get("acts")
        cndp["acts"] = [act, *acts] if isinstance(acts, list) else [act]
    data["schema_version"] = "1.1"
    return data


_STEPS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {"1.0": _from_1_0}


def upgrade(data: Any) -> Any:
    """The submission in the current format; anything that is not an earlier version is returned as it is
    (validation then names what is wrong)."""
    if not isinstance(data, dict) or data.get("schema_version") not in _STEPS:
        return data
    out = copy.deepcopy(data)
    while out.get("schema_version") in _STEPS:
        out = _STEPS[out["schema_version"]](out)
    return out


def is_earlier(data: Any) -> bool:
    return isinstance(data, dict) and data.get("schema_version") in EARLIER_VERSIONS
