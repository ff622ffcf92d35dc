-- covers: CHECK constraints dropped from a kept table (including NOT VALID, NO INHERIT, commented ones) and a table with checks dropped
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL, price numeric(8,2));
