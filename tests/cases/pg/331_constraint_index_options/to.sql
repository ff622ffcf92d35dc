-- covers: storage parameters of the indexes behind primary key and unique constraints (WITH (...) / ALTER INDEX SET, RESET): changed, set, reset, on a new table and new constraints, dropped with their constraints and table
CREATE TABLE a (id integer CONSTRAINT a_pkey PRIMARY KEY WITH (fillfactor = 90), u text CONSTRAINT a_u_key UNIQUE);
CREATE TABLE b (id integer CONSTRAINT b_pkey PRIMARY KEY WITH (fillfactor = 65), u text CONSTRAINT b_u_key UNIQUE WITH (fillfactor = 75));
CREATE TABLE c (id integer, u text);
CREATE TABLE d (id integer CONSTRAINT d_pkey PRIMARY KEY WITH (fillfactor = 30) DEFERRABLE, u text CONSTRAINT d_u_key UNIQUE WITH (fillfactor = 35, deduplicate_items = off));
ALTER TABLE c ADD CONSTRAINT c_pkey2 PRIMARY KEY (id) WITH (fillfactor = 20);
ALTER TABLE c ADD CONSTRAINT c_u_key2 UNIQUE (u) WITH (fillfactor = 25);
