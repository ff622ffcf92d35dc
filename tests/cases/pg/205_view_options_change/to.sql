-- covers: view options: security_barrier added, removed; LOCAL -> CASCADED check option; check option removed; security_invoker added
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 WITH (security_barrier) AS SELECT id, name FROM users;
CREATE VIEW v2 AS SELECT id, name FROM users;
CREATE VIEW v3 AS SELECT id, age FROM users WHERE age > 10 WITH CASCADED CHECK OPTION;
CREATE VIEW v4 AS SELECT id, age FROM users WHERE age > 10;
CREATE VIEW v5 WITH (security_invoker) AS SELECT id FROM users;
