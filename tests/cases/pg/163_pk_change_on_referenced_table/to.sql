-- covers: primary key moves from id to code on a parent referenced by a foreign key; the FK now points at a UNIQUE (id) (drop FK, swap keys, re-add FK)
CREATE TABLE parent (id integer NOT NULL CONSTRAINT parent_id_key UNIQUE, code text PRIMARY KEY);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id));
