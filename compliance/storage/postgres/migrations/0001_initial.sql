-- Organisations, API keys, projects, versions (with their reviews) and the audit log.
-- Run by `compliance db upgrade` as the owner role; the service role gets its rights from grants.sql.

CREATE TABLE organisations (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id            text PRIMARY KEY,
    role          text NOT NULL,
    organisation  text REFERENCES organisations (id),
    label         text NOT NULL,
    secret_hash   text NOT NULL,
    created_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);

CREATE TABLE projects (
    id               text PRIMARY KEY,
    organisation     text NOT NULL,
    name             text NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       text NOT NULL,
    version_count    integer NOT NULL DEFAULT 0,
    idempotency_key  text,
    request_hash     text
);
CREATE UNIQUE INDEX projects_idempotency ON projects (organisation, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX projects_listing ON projects (organisation, created_at, id);
CREATE INDEX projects_listing_all ON projects (created_at, id);

-- One row a version: the summary in columns, the review as JSON, the submission and assessment as one
-- Zstandard frame (compressed already, so kept out of line without a second compression).
CREATE TABLE versions (
    project_id       text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number           integer NOT NULL,
    organisation     text NOT NULL,
    status           text NOT NULL,
    revision         integer NOT NULL,
    submitted_at     timestamptz NOT NULL,
    submitted_by     text NOT NULL,
    verdict          text NOT NULL,
    submission_hash  text NOT NULL,
    pack             text NOT NULL,
    idempotency_key  text,
    request_hash     text,
    review           jsonb NOT NULL DEFAULT '{}'::jsonb,
    payload          bytea NOT NULL,
    PRIMARY KEY (project_id, number)
);
ALTER TABLE versions ALTER COLUMN payload SET STORAGE EXTERNAL;
CREATE UNIQUE INDEX versions_idempotency ON versions (project_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- The hash chain as stored: each line is the JSON document its hash was computed over.
-- A change and its entry are written in one transaction: no outbox is needed here.
CREATE TABLE audit_log (
    seq       bigint PRIMARY KEY CHECK (seq > 0),
    hash      text NOT NULL UNIQUE,
    event_id  text NOT NULL UNIQUE,
    line      text NOT NULL
);

-- Organisation isolation, enforced here as well as in the code. The service sets
-- compliance.organisation per transaction: an organisation id, or '*' for the liaison side.
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
ALTER TABLE versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE versions FORCE ROW LEVEL SECURITY;

CREATE POLICY own_organisation ON projects
    USING (organisation = current_setting('compliance.organisation', true))
    WITH CHECK (organisation = current_setting('compliance.organisation', true));
CREATE POLICY every_organisation ON projects
    USING (current_setting('compliance.organisation', true) = '*')
    WITH CHECK (current_setting('compliance.organisation', true) = '*');
CREATE POLICY own_organisation ON versions
    USING (organisation = current_setting('compliance.organisation', true))
    WITH CHECK (organisation = current_setting('compliance.organisation', true));
CREATE POLICY every_organisation ON versions
    USING (current_setting('compliance.organisation', true) = '*')
    WITH CHECK (current_setting('compliance.organisation', true) = '*');
