"""The web app: server-rendered pages over the same store and use cases as the API (`compliance serve`
serves it at `/`)."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from compliance.service.accounts import Accounts
from compliance.service.assessing import Assessor
from compliance.service.drafts import Drafts
from compliance.service.projects import Projects
from compliance.service.review_queue import ReviewQueue
from compliance.service.reviews import Reviews
from compliance.service.sign_in import SessionPolicy, Sessions, Throttle, ThrottlePolicy
from compliance.storage.protocol import Store
from compliance.web import pages_auth, pages_drafts, pages_org, pages_projects, pages_report, pages_review
from compliance.web.security import WebHeaders
from compliance.web.services import WebServices

STATIC = Path(__file__).with_name("static")


def create_web(
    store: Store,
    assessor: Assessor,
    projects: Projects,
    reviews: Reviews,
    session_policy: SessionPolicy | None = None,
    throttle_policy: ThrottlePolicy | None = None,
) -> Starlette:
    app = Starlette(
        routes=[
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
            *pages_auth.ROUTES,
            *pages_drafts.ROUTES,
            *pages_org.ROUTES,
            *pages_projects.ROUTES,
            *pages_report.ROUTES,
            *pages_review.ROUTES,
        ],
        middleware=[Middleware(WebHeaders)],
    )
    app.state.web = WebServices(
        store=store,
        assessor=assessor,
        projects=projects,
        accounts=Accounts(store.access, store.audit, store.accounts),
        sessions=Sessions(store.accounts, session_policy),
        throttle=Throttle(store.failure_counters or store.accounts.failure_counters, throttle_policy),
        drafts=Drafts(store, projects),
        reviews=reviews,
        review_queue=ReviewQueue(store, projects),
    )
    return app
