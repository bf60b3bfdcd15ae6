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
