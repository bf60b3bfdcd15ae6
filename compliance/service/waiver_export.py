"""The waivers granted in approved reviews, in the format `compliance check --waivers` reads."""

from __future__ import annotations

from compliance.domain.review import ReviewState
from compliance.domain.waivers import Waiver, WaiverFile
from compliance.service.access import Principal
from compliance.service.projects import Projects
from compliance.service.review_queue import readable_projects
from compliance.storage.protocol import Store


class WaiverExport:
    def __init__(self, store: Store, projects: Projects) -> None:
        self.store = store
        self.projects = projects

    def waivers(self, principal: Principal, project_id: str | None = None) -> WaiverFile:
        projects = (
            [self.projects.get(principal, project_id)]
            if project_id
            else readable_projects(self.projects, principal)
        )
        out: list[Waiver] = []
        for project in projects:
            for summary in self.store.projects.list_versions(project.id) or []:
                record = self.store.projects.get_review(project.id, summary.number)
                if record is None or record.decision is None or record.status is not ReviewState.approved:
                    continue
                version = self.store.projects.get_version(project.id, summary.number)
                # Named as the submission names the project: the CI file `compliance check` reads.
                name = str((version.submission if version else {}).get("project_name") or project.name)
                for j in record.decision.waivers:
                    assert j.reason and j.legal_ground and j.expires
                    out.append(
                        Waiver(
                            rule_id=j.rule_id,
                            project=name,
                            reason=j.reason,
                            legal_ground=j.legal_ground,
                            approver=j.reviewer,
                            expires=j.expires,
                        )
                    )
        return WaiverFile(waivers=out)
