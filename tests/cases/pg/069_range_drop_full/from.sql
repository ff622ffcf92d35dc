-- roles: sd_alice, sd_bob
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
ALTER TYPE floatrange OWNER TO sd_alice;
REVOKE USAGE ON TYPE floatrange FROM PUBLIC;
GRANT USAGE ON TYPE floatrange TO sd_bob;
COMMENT ON TYPE floatrange IS 'range of doubles';
CREATE TABLE sensor (id integer PRIMARY KEY, name text NOT NULL, valid floatrange);
INSERT INTO sensor VALUES (1, 'temp', '[1.5,2.5)'), (2, 'hum', NULL);
