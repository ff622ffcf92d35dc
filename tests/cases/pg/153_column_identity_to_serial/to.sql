-- covers: an identity column with rows becomes a serial column (default nextval of an owned sequence)
CREATE TABLE t (id serial PRIMARY KEY, v text);
