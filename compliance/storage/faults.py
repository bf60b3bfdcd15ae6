"""Named crash points for the fault-injection tests.

`COMPLIANCE_CRASH_AT=<point>` makes the process stop dead (`os._exit`, no clean-up, no flush) the first time
it reaches that point, as a power cut or a SIGKILL would. Nothing else reads the variable; unset (always, in
production) each point costs one comparison. Points are named `<action>:<phase>`, e.g.
`version.submitted:stored` (the store written, its audit entry not yet) or `audit:appended` (the entry
written, its signed checkpoint not yet).
"""

from __future__ import annotations

import os

CRASH_EXIT_CODE = 86
_CRASH_AT = os.environ.get("COMPLIANCE_CRASH_AT") or None


def crash_point(point: str) -> None:
    if _CRASH_AT is not None and point == _CRASH_AT:
        os._exit(CRASH_EXIT_CODE)
