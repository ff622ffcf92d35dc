-- roles: sd_alice
CREATE COLLATION old_icu (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION old_split (lc_collate = 'C', lc_ctype = 'POSIX');
ALTER COLLATION old_split OWNER TO sd_alice;
COMMENT ON COLLATION old_split IS 'dropped after the column that used it changes';
CREATE TABLE item (id integer PRIMARY KEY, code text COLLATE old_split);
INSERT INTO item VALUES (1, 'a'), (2, 'B'), (3, NULL);
