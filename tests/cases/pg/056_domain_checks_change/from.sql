CREATE DOMAIN pct AS integer CONSTRAINT pct_range CHECK (VALUE BETWEEN 0 AND 100);
CREATE DOMAIN code AS text CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
CREATE DOMAIN plain AS text;
CREATE TABLE t (id integer PRIMARY KEY, p pct, c code, x plain);
INSERT INTO t VALUES (1, 10, 'AB', 'hello'), (2, 100, 'X1', NULL);
