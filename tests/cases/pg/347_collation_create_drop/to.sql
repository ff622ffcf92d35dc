-- roles: sd_alice
-- covers: collations (CREATE COLLATION) before what uses them, dropped after; created (ICU nondeterministic in a schema whose name needs quoting, libc with locale, libc with lc_collate and lc_ctype apart, with owner and comment) and used by a new table's column, a domain, an index key's COLLATE, a view's expression and an existing column that changes to it; dropped (ICU nondeterministic; libc with lc_collate and lc_ctype apart, owner and comment, once its column uses another)
CREATE SCHEMA "Coll";
CREATE COLLATION "Coll"."CaseFree" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
ALTER COLLATION "Coll"."CaseFree" OWNER TO sd_alice;
COMMENT ON COLLATION "Coll"."CaseFree" IS 'case-insensitive';
CREATE COLLATION bytes (provider = libc, locale = 'C');
CREATE COLLATION split (lc_collate = 'POSIX', lc_ctype = 'C');
ALTER COLLATION split OWNER TO sd_alice;
COMMENT ON COLLATION split IS 'new, before the column that changes to it';
CREATE DOMAIN code_t AS text COLLATE bytes;
CREATE TABLE item (id integer PRIMARY KEY, code text COLLATE split);
CREATE TABLE person (id integer PRIMARY KEY, name text COLLATE "Coll"."CaseFree", tag code_t);
CREATE INDEX person_name_bytes ON person (name COLLATE bytes);
CREATE VIEW person_sorted AS SELECT id, name COLLATE bytes AS name_b, tag FROM person;
