"""The use cases the web pages call, built once per app over the service's store."""

from __future__ import annotations

from dataclasses import dataclass

from compliance.service.accounts import Accounts
from compliance.service.assessing import Assessor
from compliance.service.drafts import Drafts
from compliance.service.projects import Projects
from compliance.service.sign_in import Sessions, Throttle
from compliance.storage.protocol import Store


@dataclass
class WebServices:
    store: Store
    assessor: Assessor
    projects: Projects
    accounts: Accounts
    sessions: Sessions
    throttle: Throttle
    drafts: Drafts
