"""Named people: records keep stable ids (a key id, 'cli', 'system'); names are resolved on the way out.

A user of the web app goes by their display name (or e-mail); an API key by its label, the name of the person
or the named integration that uses it. An id that is gone still shows as itself, so a trail never loses who
acted.
"""

from __future__ import annotations

from compliance.domain.outcomes import Person
from compliance.service.access import CLI_ACTOR
from compliance.storage.accounts import UserRepository
from compliance.storage.protocol import AccessRepository
from compliance.storage.records import ReviewRecord

_FIXED = {CLI_ACTOR: "command line on the server", "system": "the service"}


class People:
    def __init__(self, access: AccessRepository, users: UserRepository | None = None) -> None:
        self.access = access
        self.users = users

    def person(self, actor_id: str) -> Person:
        if actor_id in _FIXED:
            return Person(id=actor_id, name=_FIXED[actor_id])
        user = self.users.get_user(actor_id) if self.users is not None else None
        if user is not None:
            return Person(id=actor_id, name=user.display_name or user.email)
        key = self.access.get_key(actor_id) if actor_id.startswith("key_") else None
        return Person(id=actor_id, name=key.label if key is not None else actor_id)

    def of_review(self, record: ReviewRecord) -> dict[str, Person]:
        """Every id that acted in a review (judged, commented, moved it, decided), with its name."""
        ids = {j.reviewer for j in record.judgements.values()}
        ids |= {c.author for c in record.comments} | {h.actor for h in record.history}
        if record.decision is not None:
            ids.add(record.decision.liaison)
        return {i: self.person(i) for i in sorted(ids)}

    def shown(self, actor_id: str) -> str:
        """'Name (id)', the way reports and pages print who acted."""
        p = self.person(actor_id)
        return p.name if p.name == p.id else f"{p.name} ({p.id})"
