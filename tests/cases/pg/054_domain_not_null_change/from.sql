CREATE DOMAIN name_t AS text;
CREATE DOMAIN code_t AS text NOT NULL;
CREATE TABLE t (id integer PRIMARY KEY, name name_t, code code_t);
INSERT INTO t VALUES (1, 'ann', 'A'), (2, 'bob', 'B');
