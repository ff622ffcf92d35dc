-- covers: domain NOT NULL added (column rows are all non-null) and removed
CREATE DOMAIN name_t AS text NOT NULL;
CREATE DOMAIN code_t AS text;
CREATE TABLE t (id integer PRIMARY KEY, name name_t, code code_t);
