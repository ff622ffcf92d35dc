-- covers: dropping a parent table (with rows) that a kept table references: the FK on the kept table goes first
CREATE TABLE store (id integer PRIMARY KEY, region_id integer, name text);
