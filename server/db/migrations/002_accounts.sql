-- Accounts and server-side sessions. A handler (乡镇处置人员) is bound to exactly one township;
-- nobody else is bound to one.
CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 64),
  role text NOT NULL CHECK (role IN ('admin', 'dispatcher', 'inspector', 'handler', 'viewer')),
  township_code text REFERENCES townships (code),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  password_changed_at timestamptz NOT NULL,
  CONSTRAINT handler_has_township CHECK ((role = 'handler') = (township_code IS NOT NULL))
);

-- The cookie holds a random id; the table holds only its SHA-256, so a copy of the table
-- (a backup, a replica) logs nobody in.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
