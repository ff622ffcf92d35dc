-- roles: sd_alice, sd_bob
-- covers: new range types (float8 with subtype_diff, text with COLLATE "C") with owner, grant and comment, used by a new column
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
ALTER TYPE floatrange OWNER TO sd_alice;
REVOKE USAGE ON TYPE floatrange FROM PUBLIC;
GRANT USAGE ON TYPE floatrange TO sd_bob;
COMMENT ON TYPE floatrange IS 'range of doubles';
CREATE TYPE textrange_c AS RANGE (subtype = text, collation = "C");
CREATE TABLE sensor (id integer PRIMARY KEY, name text NOT NULL, valid floatrange, names textrange_c);
