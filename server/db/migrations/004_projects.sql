-- Published projects: the zip that 保存项目 writes, stored once per content (SHA-256), and the
-- versions that point at it. Exactly one version is current (a partial unique index).
CREATE TABLE project_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  zip bytea NOT NULL,
  size integer NOT NULL CHECK (size = octet_length(zip))
);

CREATE TABLE projects (
  version serial PRIMARY KEY,
  author_id integer REFERENCES users (id),
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
  sha256 text NOT NULL REFERENCES project_files (sha256),
  size integer NOT NULL,
  restored_from integer REFERENCES projects (version),
  is_current boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX projects_one_current ON projects (is_current) WHERE is_current;
