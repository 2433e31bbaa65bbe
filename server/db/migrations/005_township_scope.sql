-- Row-level security for records that belong to a township. The pattern, for every such table:
--   ENABLE + FORCE ROW LEVEL SECURITY, and the policy `township_scope` below, which reads the
--   transaction's setting app.scope: 'all' (admin, dispatcher, inspector, viewer, tools) or one
--   township code (a handler). Unset → no rows at all (fail closed).
-- The server sets it with set_config('app.scope', …, true) at the start of every transaction that
-- touches such a table (server/db/scope.ts). FORCE makes the policy bind the table's owner too;
-- a superuser bypasses every policy, so when the server connects as one (PGlite always does) it
-- also switches to the role jd_scoped for those transactions (SET LOCAL ROLE).
CREATE TABLE township_notes (
  id serial PRIMARY KEY,
  township_code text NOT NULL REFERENCES townships (code),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  author_id integer NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX township_notes_township_idx ON township_notes (township_code, created_at);

ALTER TABLE township_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE township_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY township_scope ON township_notes
  USING (current_setting('app.scope', true) = 'all' OR township_code = current_setting('app.scope', true))
  WITH CHECK (current_setting('app.scope', true) = 'all' OR township_code = current_setting('app.scope', true));

DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jd_scoped') THEN
      CREATE ROLE jd_scoped NOLOGIN;
    END IF;
    GRANT SELECT ON townships, users TO jd_scoped;
    GRANT SELECT, INSERT ON township_notes, audit_log TO jd_scoped;
    GRANT USAGE ON SEQUENCE township_notes_id_seq, audit_log_id_seq TO jd_scoped;
  END IF;
END
$$;
