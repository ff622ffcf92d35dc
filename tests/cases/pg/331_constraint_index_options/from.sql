CREATE TABLE a (id integer CONSTRAINT a_pkey PRIMARY KEY WITH (fillfactor = 70), u text CONSTRAINT a_u_key UNIQUE WITH (fillfactor = 80));
CREATE TABLE b (id integer CONSTRAINT b_pkey PRIMARY KEY, u text CONSTRAINT b_u_key UNIQUE WITH (fillfactor = 60, deduplicate_items = off));
CREATE TABLE c (id integer CONSTRAINT c_pkey PRIMARY KEY WITH (fillfactor = 50), u text CONSTRAINT c_u_key UNIQUE WITH (fillfactor = 55));
CREATE TABLE gone (id integer CONSTRAINT gone_pkey PRIMARY KEY WITH (fillfactor = 40), u text CONSTRAINT gone_u_key UNIQUE WITH (fillfactor = 45));
INSERT INTO a VALUES (1, 'x'), (2, 'y');
INSERT INTO b VALUES (1, 'x');
INSERT INTO c VALUES (1, 'x');
INSERT INTO gone VALUES (1, 'x');
