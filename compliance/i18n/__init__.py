"""The languages of the service and its one gettext message catalogue.

Every text a person reads outside the rule files comes from `compliance/locale/<lang>/LC_MESSAGES/
messages.po`: the English source text is the message id, French is the default language and Arabic is read
right to left. The catalogues are read with Babel once per process (no compiled `.mo` files to keep in step).
`python -m compliance.web.messages` rebuilds the template (`messages.pot`) and merges it into each catalogue.
"""

from __future__ import annotations

from compliance.i18n.catalogue import Translator, translator
from compliance.i18n.catalogued import Catalogued
from compliance.i18n.languages import DEFAULT, Lang, direction, negotiate, text_direction

__all__ = [
    "DEFAULT",
    "Catalogued",
    "Lang",
    "Translator",
    "direction",
    "negotiate",
    "text_direction",
    "translator",
]
