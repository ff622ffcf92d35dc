-- covers: primary key constraint renamed (t_pkey -> t_pk, and a quoted name), same columns, referenced by a foreign key
CREATE TABLE t (id integer CONSTRAINT t_pk PRIMARY KEY, v text);
CREATE TABLE u (id integer CONSTRAINT "U Primary" PRIMARY KEY);
CREATE TABLE ref (t_id integer REFERENCES t (id));
