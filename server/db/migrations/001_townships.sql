-- PostGIS and the townships (乡镇/街道): the unit that handlers, and later problems, belong to.
-- On PostgreSQL the extension may already exist (created by a superuser, e.g. in template1).
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE townships (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{9}$'),
  name text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 64),
  name_en text,
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX townships_geom_idx ON townships USING gist (geom);
