CREATE EXTENSION pg_trgm VERSION '1.5';
CREATE TABLE names (id integer PRIMARY KEY, name text NOT NULL);
CREATE INDEX names_name_trgm ON names USING gist (name gist_trgm_ops);
INSERT INTO names VALUES (1, 'alice'), (2, 'bob');
