"""The HTTP service: `create_app(settings, repository)` builds it; `compliance serve` runs it on uvicorn."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from compliance import __version__
from compliance.api import metrics
from compliance.api.access_log import take_over_access_log, write_access_line
from compliance.api.deps import Services, reject_unknown_query_parameters
from compliance.api.docs_page import install_api_docs
from compliance.api.metrics import RequestMetrics
from compliance.api.middleware import (
    AdmissionLimit,
    BodyReader,
    CatchAll,
    Occupancy,
    PageRefusal,
    StandardHeaders,
)
from compliance.api.notifications_setup import start_sender, stop_sender, wire_notifications
from compliance.api.openapi import build_openapi
from compliance.api.problems import install_problem_handlers
from compliance.api.routes import (
    catalogue,
    evaluate,
    health,
    organisations,
    projects,
    reassessment,
    reviews,
    webhooks,
)
from compliance.api.settings import MAX_BODY_BYTES, Settings
from compliance.service.access import has_active_admin
from compliance.service.assess_channel import running_loop
from compliance.service.assess_runner import make_runner
from compliance.service.assessing import assessor_for
from compliance.service.carry_over import JudgementCarryOver
from compliance.service.notifications import Notifier
from compliance.service.pack_views import publish_pack
from compliance.service.projects import Projects
from compliance.service.review_queue import ReviewQueue
from compliance.service.reviews import Reviews
from compliance.service.store import Store, open_store
from compliance.service.throttle import AuthThrottle
from compliance.service.waiver_export import WaiverExport
from compliance.storage.failure_counters import MemoryFailureCounters
from compliance.storage.protocol import FailureCounters
from compliance.storage.records import ProjectVersion

log = logging.getLogger("uvicorn.error")


class _NoQueryStrings(logging.Filter):
    """The access log keeps method, path and status; query strings are cut (they may carry values)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def _first_start_hint(store: Store, settings: Settings) -> None:
    if not store.accounts.list_users(None):
        log.warning(
            "No account for the web app yet. Create an organisation and its first person with:\n"
            "    compliance admin create-org --name 'My company' --data-dir %s\n"
            "    compliance admin create-user --email you@example.ma --role submitter --org my-company "
            "--org-admin --data-dir %s\n"
            "then open http://127.0.0.1:8000 and sign in.",
            settings.data_dir,
            settings.data_dir,
        )
    if has_active_admin(store.access):
        return
    where = settings.data_dir
    log.warning(
        "No admin key yet. Create one (shown once) with:\n"
        "    compliance admin create-key --role admin --data-dir %s\n"
        "then an organisation and a submitter key for it:\n"
        "    compliance admin create-org --name 'My company' --data-dir %s\n"
        "    compliance admin create-key --role submitter --org my-company --data-dir %s",
        where,
        where,
        where,
    )


def create_app(
    settings: Settings | None = None,
    repository: Store | None = None,
    failure_counters: FailureCounters | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
    page_too_large: PageRefusal | None = None,
) -> FastAPI:
    """The application. Without `repository` it opens the TinyDB store in `settings.data_dir`, which
    refuses a second process on the same folder; without `failure_counters` (failed authentications) it
    counts in memory. `loop`: the loop that will serve it, which then reads the assessment helpers' answers
    (uvicorn builds the app in it); without it, a thread per helper does. `page_too_large`: how a body over
    the limit is refused outside /api (the web app's page; without it, the API's problem)."""
    settings = settings or Settings()
    assessor = assessor_for(settings.rules_dir.resolve() if settings.rules_dir else None)
    store = (
        repository
        if repository is not None
        else open_store(settings.data_dir, settings.key_dir, settings.database_url, settings.pool())
    )
    owns_store = repository is None
    try:
        unpublish = publish_pack(assessor, store.packs)
        runner = make_runner(
            assessor, settings.rules_dir.resolve() if settings.rules_dir else None, settings.workers(), loop
        )
    except BaseException:
        if owns_store:
            store.close()
        raise

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        access_log = logging.getLogger("uvicorn.access")
        if not any(isinstance(f, _NoQueryStrings) for f in access_log.filters):
            access_log.addFilter(_NoQueryStrings())
        _first_start_hint(store, settings)
        for damaged in store.quarantined:
            log.error("project quarantined at start, not served until its file is restored: %s", damaged)
        gc.freeze()  # what start-up loaded (the rule pack, the indexes) stays out of every later GC pass
        sending = start_sender(sender, settings)
        try:
            yield
        finally:
            await stop_sender(sending)
            runner.close()
            unpublish()
            if owns_store:
                store.close()

    app = FastAPI(
        dependencies=[Depends(reject_unknown_query_parameters)],
        title="compliance-0908",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # served from the package by install_api_docs
        redoc_url=None,
    )
    notifier = Notifier(store)
    carry_over = JudgementCarryOver(store)

    def on_new_version(version: ProjectVersion) -> None:
        carry_over(version)
        notifier.version_stored(version)

    projects_service = Projects(store, runner, on_new_version=on_new_version)
    # signs with the store's key folder; review changes raise notifications
    reviews_service = Reviews(store, projects_service, notifier=notifier)
    webhooks_service, sender = wire_notifications(store, settings, notifier)
    throttle = AuthThrottle(
        failure_counters or store.failure_counters or MemoryFailureCounters(),
        limit=settings.auth_failure_limit,
        window=settings.auth_failure_window,
    )
    occupancy = Occupancy()
    app.state.services = Services(
        store=store,
        assessor=assessor,
        projects=projects_service,
        reviews=reviews_service,
        review_queue=ReviewQueue(store, projects_service),
        waivers=WaiverExport(store, projects_service),
        webhooks=webhooks_service,
        throttle=throttle,
        occupancy=occupancy,
    )
    install_problem_handlers(app)
    app.include_router(health.router)
    app.include_router(metrics.router)
    # Each included under the API's prefix directly, not through a router of its own: every router level is
    # matched again on every request (a few per cent of a dry run's CPU); same paths, same order.
    for module in (evaluate, projects, reviews, reassessment, catalogue, organisations, webhooks):
        app.include_router(module.router, prefix="/api/v1")
    install_api_docs(app)
    # Added innermost first: StandardHeaders ends up outermost, so even a bare 500 carries its headers.
    app.add_middleware(
        AdmissionLimit,
        max_in_flight=settings.max_in_flight,
        max_waiting=settings.max_waiting,
        wait_seconds=settings.wait_seconds,
        retry_after=settings.retry_after,
        occupancy=occupancy,
    )
    app.add_middleware(
        BodyReader,
        max_bytes=MAX_BODY_BYTES,
        timeout_seconds=settings.body_timeout,
        page_too_large=page_too_large,
    )
    app.add_middleware(CatchAll)
    app.add_middleware(StandardHeaders)
    app.add_middleware(RequestMetrics, access=write_access_line if settings.access_log else None)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app


def served_settings() -> Settings:
    """The settings of an app uvicorn serves (`compliance serve`): from COMPLIANCE_* variables, the access log
    the app's where it takes it over from uvicorn."""
    return Settings.from_environment().model_copy(update={"access_log": take_over_access_log()})


def app_from_environment() -> FastAPI:
    """The factory uvicorn calls (`compliance serve`), in the loop that serves the app."""
    return create_app(served_settings(), loop=running_loop())
