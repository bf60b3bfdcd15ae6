"""Named people: records keep stable ids (a key id, 'cli', 'system'); names are resolved on the way out.

An API key carries the name of whoever uses it, a person or a named integration (its label). A key that is
gone still shows its id, so a trail never loses who acted.
"""

from __future__ import annotations

from compliance.domain.outcomes import Person
from compliance.service.access import CLI_ACTOR
from compliance.storage.protocol import AccessRepository

_FIXED = {CLI_ACTOR: "command line on the server", "system": "the service"}


class People:
    def __init__(self, access: AccessRepository) -> None:
        self.access = access

    def person(self, actor_id: str) -> Person:
        if actor_id in _FIXED:
            return Person(id=actor_id, name=_FIXED[actor_id])
        key = self.access.get_key(actor_id)
        return Person(id=actor_id, name=key.label if key is not None else actor_id)

    def shown(self, actor_id: str) -> str:
        """'Name (id)', the way reports and pages print who acted."""
        p = self.person(actor_id)
        return p.name if p.name == p.id else f"{p.name} ({p.id})"
