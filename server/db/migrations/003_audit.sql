-- The audit log: who, when, what kind, which target, before and after. Append-only: a trigger
-- refuses UPDATE, DELETE and TRUNCATE for everyone, the owner and superusers included.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id integer REFERENCES users (id),
  actor_name text,
  kind text NOT NULL CHECK (kind ~ '^[a-z_]+\.[a-z_]+$'),
  target text,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_kind_idx ON audit_log (kind, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_name, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
