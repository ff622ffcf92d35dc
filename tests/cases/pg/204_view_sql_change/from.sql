CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v_append AS SELECT id, name FROM users;
CREATE VIEW v_where AS SELECT id FROM users WHERE active;
CREATE VIEW v_remove AS SELECT id, name, age FROM users;
CREATE VIEW v_rename AS SELECT id, name AS username FROM users;
CREATE VIEW v_type AS SELECT id, age::integer AS age FROM users;
INSERT INTO users VALUES (1, 'ann', 30, true), (2, 'bob', 17, false), (3, 'cy', 45, true);
