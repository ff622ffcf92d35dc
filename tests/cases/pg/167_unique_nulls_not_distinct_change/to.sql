-- covers: NULLS NOT DISTINCT switched on (rows have at most one NULL) and off
CREATE TABLE t (id integer PRIMARY KEY, code text, CONSTRAINT t_code_key UNIQUE NULLS NOT DISTINCT (code));
CREATE TABLE u (id integer PRIMARY KEY, code text, CONSTRAINT u_code_key UNIQUE NULLS DISTINCT (code));
