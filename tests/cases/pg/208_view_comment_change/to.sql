-- covers: view comments: added, removed, changed
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 AS SELECT id FROM users;
COMMENT ON VIEW v1 IS 'new';
CREATE VIEW v2 AS SELECT id FROM users;
CREATE VIEW v3 AS SELECT id FROM users;
COMMENT ON VIEW v3 IS 'v2';
