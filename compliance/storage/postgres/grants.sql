-- What the service role may do, re-applied after every upgrade (GRANT is idempotent). It owns nothing,
-- cannot create anything, and can only add to the audit log. {schema} and {app} are identifiers.
REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {app};
GRANT USAGE ON SCHEMA {schema} TO {app};
GRANT SELECT ON schema_migrations TO {app};
GRANT SELECT, INSERT, DELETE ON organisations TO {app};
GRANT DELETE ON api_keys TO {app};
GRANT SELECT, INSERT ON api_keys TO {app};
GRANT UPDATE (revoked_at) ON api_keys TO {app};
GRANT SELECT, INSERT, DELETE ON projects TO {app};
GRANT UPDATE (version_count) ON projects TO {app};
GRANT SELECT, INSERT ON versions TO {app};
GRANT UPDATE (status, revision, review) ON versions TO {app};
GRANT SELECT, INSERT ON audit_log TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON failure_counters TO {app};
GRANT SELECT, INSERT, UPDATE (doc), DELETE ON web_records TO {app};
GRANT SELECT, INSERT, UPDATE (doc), DELETE ON drafts TO {app};
GRANT SELECT, INSERT, DELETE ON webhooks TO {app};
GRANT SELECT, INSERT, DELETE ON deliveries TO {app};
GRANT UPDATE (state, next_attempt_at, claimed_by, claimed_until, doc) ON deliveries TO {app};
GRANT SELECT, INSERT, DELETE ON events TO {app};
GRANT USAGE ON SEQUENCE events_seq_seq TO {app};
GRANT SELECT, INSERT ON packs TO {app};
GRANT UPDATE (doc) ON packs TO {app};
GRANT SELECT, INSERT ON audit_checkpoints TO {app};
