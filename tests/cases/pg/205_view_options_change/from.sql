CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 AS SELECT id, name FROM users;
CREATE VIEW v2 WITH (security_barrier = true) AS SELECT id, name FROM users;
CREATE VIEW v3 AS SELECT id, age FROM users WHERE age > 10 WITH LOCAL CHECK OPTION;
CREATE VIEW v4 AS SELECT id, age FROM users WHERE age > 10 WITH CHECK OPTION;
CREATE VIEW v5 AS SELECT id FROM users;
INSERT INTO users VALUES (1, 'ann', 30, true), (2, 'bob', 17, false), (3, 'cy', 45, true);
