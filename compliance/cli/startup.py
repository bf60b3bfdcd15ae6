"""PyYAML imported without compiling a pattern the command line never uses.

When imported, PyYAML compiles the pattern its pure-Python reader checks characters with
(`yaml.reader.Reader.NON_PRINTABLE`): a class of every printable code point, which `re`'s compiler expands one
code point at a time, about 63,000 steps, 5% of the instructions of a warm `compliance check`. The loader used
here is libyaml's (`compliance.strictyaml` takes `CSafeLoader`), which never runs that reader. `import_yaml`
imports PyYAML with that one pattern compiled on first use instead; any other pattern, or another version of
PyYAML that writes it differently, is compiled as always.
"""

from __future__ import annotations

import re
import sys
from typing import Any

NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


class DeferredPattern:
    """A compiled pattern made when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # search, match, pattern, ...: the compiled pattern's
        if name.startswith("__") or name in ("_args", "_compiled"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def import_yaml() -> None:
    """Import PyYAML, its reader's pattern deferred (see the module's docstring); nothing if already imported."""
    if "yaml" in sys.modules:
        return
    compile_now = re.compile

    def compile_or_defer(pattern: Any, flags: Any = 0) -> Any:
        if pattern == NON_PRINTABLE and flags == 0:
            return DeferredPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_or_defer
    try:
        import yaml  # noqa: F401  (imported for the rest of the process)
    finally:
        re.compile = compile_now
