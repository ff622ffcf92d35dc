-- roles: sd_alice, sd_bob
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2');
CREATE COLLATION prov (provider = libc, locale = 'C');
CREATE COLLATION loc (locale = 'C');
CREATE COLLATION split (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE COLLATION own (locale = 'C');
ALTER COLLATION own OWNER TO sd_alice;
COMMENT ON COLLATION own IS 'old comment';
CREATE COLLATION uncommented (locale = 'POSIX');
COMMENT ON COLLATION uncommented IS 'removed';
CREATE TABLE person (id integer PRIMARY KEY, name text COLLATE ci NOT NULL, code text COLLATE split DEFAULT 'x');
CREATE UNIQUE INDEX person_name ON person (name);
CREATE INDEX person_code_loc ON person (code COLLATE loc);
CREATE VIEW person_names AS SELECT id, name, code FROM person;
INSERT INTO person VALUES (1, 'Alice', 'x'), (2, 'bob', 'y'), (3, 'Carol', NULL);
