-- covers: view queries changed: column appended, WHERE changed, column removed, output column renamed, output type changed
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v_append AS SELECT id, name, age FROM users;
CREATE VIEW v_where AS SELECT id FROM users WHERE active AND age > 20;
CREATE VIEW v_remove AS SELECT id, name FROM users;
CREATE VIEW v_rename AS SELECT id, name AS login FROM users;
CREATE VIEW v_type AS SELECT id, age::numeric AS age FROM users;
