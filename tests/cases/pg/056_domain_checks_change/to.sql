-- covers: domain CHECK constraints: added, dropped, expression changed (rows satisfy), used by a column with rows
CREATE DOMAIN pct AS integer CONSTRAINT pct_range CHECK (VALUE BETWEEN 0 AND 1000);
CREATE DOMAIN code AS text;
CREATE DOMAIN plain AS text CONSTRAINT plain_not_empty CHECK (VALUE <> '') CONSTRAINT plain_short CHECK (length(VALUE) < 50);
CREATE TABLE t (id integer PRIMARY KEY, p pct, c code, x plain);
