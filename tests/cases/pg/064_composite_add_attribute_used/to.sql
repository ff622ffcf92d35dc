-- covers: composite type gains a trailing attribute while a table column with rows uses it
CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3), note text);
CREATE TABLE invoice (id integer PRIMARY KEY, total money_amount NOT NULL);
