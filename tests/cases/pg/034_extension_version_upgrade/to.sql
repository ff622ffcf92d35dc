-- covers: extension version upgrade pg_trgm 1.5 -> 1.6 while a GiST trigram index depends on it
CREATE EXTENSION pg_trgm VERSION '1.6';
CREATE TABLE names (id integer PRIMARY KEY, name text NOT NULL);
CREATE INDEX names_name_trgm ON names USING gist (name gist_trgm_ops);
