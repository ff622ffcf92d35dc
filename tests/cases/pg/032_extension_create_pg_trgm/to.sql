-- covers: extension added with an explicit version (pg_trgm 1.6) and a GIN trigram index using it
CREATE EXTENSION pg_trgm VERSION '1.6';
CREATE TABLE docs (id integer PRIMARY KEY, body text NOT NULL);
CREATE INDEX docs_body_trgm ON docs USING gin (body gin_trgm_ops);
