-- roles: sd_alice, sd_bob
-- covers: collation definitions changed (deterministic false and lc_collate / lc_ctype swapped while a column uses each: the old one renamed away, the column converted with its unique index and a view over it rebuilt, the old one dropped; provider libc to ICU and locale changed; locale changed while an index names it in a key's COLLATE: the index rebuilt around DROP + CREATE), owner changed, comment changed and removed
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION prov (provider = icu, locale = 'und');
CREATE COLLATION loc (locale = 'POSIX');
CREATE COLLATION split (lc_collate = 'POSIX', lc_ctype = 'C');
CREATE COLLATION own (locale = 'C');
ALTER COLLATION own OWNER TO sd_bob;
COMMENT ON COLLATION own IS 'new comment';
CREATE COLLATION uncommented (locale = 'POSIX');
CREATE TABLE person (id integer PRIMARY KEY, name text COLLATE ci NOT NULL, code text COLLATE split DEFAULT 'x');
CREATE UNIQUE INDEX person_name ON person (name);
CREATE INDEX person_code_loc ON person (code COLLATE loc);
CREATE VIEW person_names AS SELECT id, name, code FROM person;
