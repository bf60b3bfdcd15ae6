"""Moving in, the rest of an embedded store: people's accounts, one-time links, sessions and attempt
counters, drafts, webhooks with their deliveries, recent events, and the rule packs stored assessments
name. Copied as they are (ids, hashes, timestamps), what is already in the database kept; then each
record of the source is looked up in the database."""

from __future__ import annotations

from psycopg.types.json import Jsonb

from compliance.i18n.said import said
from compliance.storage.pack_store import FilePacks, read_pack_document
from compliance.storage.postgres.accounts import PostgresAccounts
from compliance.storage.postgres.database import Database
from compliance.storage.postgres.packs import PostgresPacks
from compliance.storage.postgres.webhooks import PostgresWebhooks
from compliance.storage.protocol import Store
from compliance.storage.scope import EVERY_ORGANISATION
from compliance.storage.webhooks import KEEP_EVENTS

KINDS = ("users", "tokens", "sessions", "attempts")
ALL = 10**9


def copy_people_and_notifications(source: Store, db: Database) -> dict[str, int]:
    """How many records of each kind were new in the database."""
    copied = dict.fromkeys([*KINDS, "drafts", "webhooks", "deliveries", "events", "packs"], 0)
    orgs = [o.id for o in source.access.list_organisations()]
    hooks = source.webhooks.list_webhooks()
    with db.transaction(EVERY_ORGANISATION) as cur:
        for kind in KINDS:
            for key, doc in source.accounts.tables.read(kind).items():
                copied[kind] += cur.execute(
                    "INSERT INTO web_records (kind, key, doc) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    (kind, key, Jsonb(doc)),
                ).rowcount
        for org in orgs:
            for draft in source.accounts.list_drafts(org):
                copied["drafts"] += cur.execute(
                    "INSERT INTO drafts (organisation, id, doc) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    (org, draft.id, Jsonb(draft.model_dump(mode="json"))),
                ).rowcount
        for hook in hooks:
            copied["webhooks"] += cur.execute(
                "INSERT INTO webhooks (id, owner, created_at, doc) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                (hook.id, hook.owner, hook.created_at, Jsonb(hook.model_dump(mode="json"))),
            ).rowcount
    target = PostgresWebhooks(db)
    for hook in hooks:
        copied["deliveries"] += target.enqueue(source.webhooks.deliveries(hook.id, ALL))
    for event in reversed(source.webhooks.events(None, KEEP_EVENTS)):  # oldest first, as recorded
        with db.transaction(EVERY_ORGANISATION) as cur:
            copied["events"] += cur.execute(
                "INSERT INTO events (id, organisation, doc) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                (event.id, event.organisation, Jsonb(event.model_dump(mode="json"))),
            ).rowcount
    copied["packs"] = _copy_packs(source, db)
    return copied


def _copy_packs(source: Store, db: Database) -> int:
    if not isinstance(source.packs, FilePacks) or not source.packs.folder.is_dir():
        return 0
    target = PostgresPacks(db)
    new = 0
    for path in sorted(source.packs.folder.glob("*.json")):
        name = "sha256:" + path.stem
        pack = read_pack_document(path.read_bytes(), name)
        if pack is not None:  # a file that does not match its name is not trusted, here either
            new += target.get(name) is None
            target.put(*pack)
    return new


def check_people_and_notifications(source: Store, db: Database) -> tuple[dict[str, int], list[str]]:
    """Each source record found in the database: the counts checked, and what is missing."""
    accounts, hooks = PostgresAccounts(db), PostgresWebhooks(db)
    problems: list[str] = []
    users = source.accounts.list_users(None)
    problems += [said("import_user_missing", user=u.id) for u in users if accounts.get_user(u.id) != u]
    drafts = 0
    for org in source.access.list_organisations():
        for draft in source.accounts.list_drafts(org.id):
            drafts += 1
            if accounts.get_draft(org.id, draft.id) != draft:
                problems.append(said("import_draft_missing", draft=draft.id))
    webhooks = source.webhooks.list_webhooks()
    problems += [
        said("import_webhook_missing", webhook=h.id) for h in webhooks if hooks.get_webhook(h.id) != h
    ]
    return {"users": len(users), "drafts": drafts, "webhooks": len(webhooks)}, problems
