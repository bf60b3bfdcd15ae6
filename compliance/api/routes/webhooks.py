"""Webhooks and notifications over HTTP: register a webhook (its secret is shown once), list and delete
them, read a webhook's delivery log, send a test event, and read the recent events of one's projects."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from compliance.api.bodies import body_of, optional_text
from compliance.api.deps import PrincipalDep, ServicesDep
from compliance.api.problems import error_responses
from compliance.api.routes.reviews import _json_body
from compliance.domain.base import Frozen
from compliance.domain.events import Event, EventType
from compliance.service.errors import NO_NUL
from compliance.storage.webhook_records import Attempt, Delivery, DeliveryState, Webhook

router = APIRouter(tags=["notifications"])
_ERRORS = (401, 403, 404, 415, 422, 503)
WebhookId = Annotated[str, Path(pattern=r"^whk_[0-9a-f]{16}$", description="A webhook id.")]


class WebhookIn(Frozen):
    url: str = Field(
        max_length=2000,
        description="https:// target; internal addresses need the operator's allow-list.",
        json_schema_extra=NO_NUL,
    )
    events: list[EventType] = Field(default_factory=list, max_length=20, description="Empty: every event.")
    description: str = Field(default="", max_length=200, json_schema_extra=NO_NUL)
    organisation: str | None = optional_text(
        40, "Admins only: the owner (an organisation id or 'cndp_liaisons')."
    )


class WebhookOut(Frozen):
    id: str
    owner: str
    url: str
    events: list[EventType]
    description: str
    created_at: datetime
    created_by: str

    @classmethod
    def of(cls, hook: Webhook) -> WebhookOut:
        return cls.model_validate(hook.model_dump(exclude={"secret"}))


class WebhookCreated(WebhookOut):
    secret: str = Field(description="whsec_…: verify signatures with it. Shown this once only.")


class DeliveryOut(Frozen):
    id: str
    event: Event
    state: DeliveryState
    attempts: list[Attempt]
    next_attempt_at: datetime | None

    @classmethod
    def of(cls, d: Delivery) -> DeliveryOut:
        return cls.model_validate(d.model_dump(exclude={"webhook_id", "owner"}))


@router.post(
    "/webhooks",
    summary="Register a webhook",
    description="Events are POSTed as JSON, signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`, "
    "`webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`), retried with backoff, redirects not "
    "followed. A submitter's webhook hears its organisation's projects; a liaison's, every organisation's.",
    status_code=201,
    response_model=WebhookCreated,
    openapi_extra=_json_body(
        WebhookIn, {"url": "https://hooks.example.ma/cndp", "events": ["review.approved"]}
    ),
    responses=error_responses(*_ERRORS),
)
async def create_webhook(
    principal: PrincipalDep,
    body: Annotated[WebhookIn, Depends(body_of(WebhookIn))],
    services: ServicesDep,
) -> WebhookCreated:
    hook = await run_in_threadpool(
        services.webhooks.create, principal, body.url, body.events, body.description, body.organisation
    )
    return WebhookCreated.model_validate(hook.model_dump())


@router.get(
    "/webhooks", summary="List webhooks", response_model=list[WebhookOut], responses=error_responses(*_ERRORS)
)
async def list_webhooks(principal: PrincipalDep, services: ServicesDep) -> list[WebhookOut]:
    return [WebhookOut.of(h) for h in await run_in_threadpool(services.webhooks.listed, principal)]


@router.delete(
    "/webhooks/{webhook_id}",
    summary="Delete a webhook",
    status_code=204,
    responses=error_responses(*_ERRORS),
)
async def delete_webhook(webhook_id: WebhookId, principal: PrincipalDep, services: ServicesDep) -> Response:
    await run_in_threadpool(services.webhooks.delete, principal, webhook_id)
    return Response(status_code=204)


@router.get(
    "/webhooks/{webhook_id}/deliveries",
    summary="A webhook's delivery log, newest first",
    response_model=list[DeliveryOut],
    responses=error_responses(*_ERRORS),
)
async def deliveries(
    webhook_id: WebhookId, principal: PrincipalDep, services: ServicesDep
) -> list[DeliveryOut]:
    found = await run_in_threadpool(services.webhooks.deliveries, principal, webhook_id)
    return [DeliveryOut.of(d) for d in found]


@router.post(
    "/webhooks/{webhook_id}/test",
    summary="Send a test event to a webhook",
    status_code=202,
    response_model=DeliveryOut,
    responses=error_responses(*_ERRORS),
)
async def send_test(webhook_id: WebhookId, principal: PrincipalDep, services: ServicesDep) -> DeliveryOut:
    return DeliveryOut.of(await run_in_threadpool(services.webhooks.send_test, principal, webhook_id))


@router.get(
    "/events",
    summary="Recent events of the projects one may read, newest first",
    response_model=list[Event],
    responses=error_responses(*_ERRORS),
)
async def events(
    principal: PrincipalDep,
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=200, description="How many.")] = 50,
) -> list[Event]:
    return await run_in_threadpool(services.webhooks.events, principal, limit)
