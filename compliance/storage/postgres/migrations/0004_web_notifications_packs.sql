-- The web app's people and the notifications, shared by every server; the rule packs stored
-- assessments name; the signed checkpoints of the audit log's head.

-- Accounts, one-time links, sessions and sign-in attempt counters: one row a record, its document as
-- JSON. Looked up before anyone is known (signing in), so not under row-level security; the service
-- reads them by key, and the rows that change together are serialised by an advisory lock per kind.
CREATE TABLE web_records (
    kind  text NOT NULL CHECK (kind IN ('users', 'tokens', 'sessions', 'attempts')),
    key   text NOT NULL,
    doc   jsonb NOT NULL,
    PRIMARY KEY (kind, key)
);

-- Questionnaire drafts belong to an organisation.
CREATE TABLE drafts (
    organisation  text NOT NULL,
    id            text NOT NULL,
    doc           jsonb NOT NULL,
    PRIMARY KEY (organisation, id)
);

-- Webhooks (owner: an organisation, or 'cndp_liaisons'), the outbox of their deliveries, recent events.
-- A delivery is claimed by one sender at a time (claimed_by until claimed_until), so that several
-- servers deliver each event once, and again only after a claim lapsed (a sender that died).
CREATE TABLE webhooks (
    id          text PRIMARY KEY,
    owner       text NOT NULL,
    created_at  timestamptz NOT NULL,
    doc         jsonb NOT NULL
);
CREATE TABLE deliveries (
    id               text PRIMARY KEY,
    webhook_id       text NOT NULL,
    owner            text NOT NULL,
    state            text NOT NULL,
    event_at         timestamptz NOT NULL,
    next_attempt_at  timestamptz,
    claimed_by       text,
    claimed_until    timestamptz,
    doc              jsonb NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_log ON deliveries (webhook_id, event_at);
CREATE TABLE events (
    seq           bigserial PRIMARY KEY,
    id            text NOT NULL UNIQUE,
    organisation  text NOT NULL,
    doc           jsonb NOT NULL
);
CREATE INDEX events_of_organisation ON events (organisation, seq);

-- Rule packs by the hash of their logic; the document is kept as the exact text that was hashed.
CREATE TABLE packs (
    logic_hash  text PRIMARY KEY,
    doc         text NOT NULL
);

-- The audit log's head, signed with the deployment's key after each append (in the same transaction).
-- The service role may only add checkpoints, as it may only add entries.
CREATE TABLE audit_checkpoints (
    seq   bigint PRIMARY KEY,
    line  text NOT NULL
);

ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE drafts FORCE ROW LEVEL SECURITY;
ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhooks FORCE ROW LEVEL SECURITY;
ALTER TABLE deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE deliveries FORCE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;

CREATE POLICY own_organisation ON drafts
    USING (organisation = current_setting('compliance.organisation', true))
    WITH CHECK (organisation = current_setting('compliance.organisation', true));
CREATE POLICY every_organisation ON drafts
    USING (current_setting('compliance.organisation', true) = '*')
    WITH CHECK (current_setting('compliance.organisation', true) = '*');
CREATE POLICY own_organisation ON webhooks
    USING (owner = current_setting('compliance.organisation', true))
    WITH CHECK (owner = current_setting('compliance.organisation', true));
CREATE POLICY every_organisation ON webhooks
    USING (current_setting('compliance.organisation', true) = '*')
    WITH CHECK (current_setting('compliance.organisation', true) = '*');
CREATE POLICY own_organisation ON deliveries
    USING (owner = current_setting('compliance.organisation', true))
    WITH CHECK (owner = current_setting('compliance.organisation', true));
CREATE POLICY every_organisation ON deliveries
    USING (current_setting('compliance.organisation', true) = '*')
    WITH CHECK (current_setting('compliance.organisation', true) = '*');
CREATE POLICY own_organisation ON events
    USING (organisation = current_setting('compliance.organisation', true))
    WITH CHECK (organisation = current_setting('compliance.organisation', true));
CREATE POLICY every_organisation ON events
    USING (current_setting('compliance.organisation', true) = '*')
    WITH CHECK (current_setting('compliance.organisation', true) = '*');
