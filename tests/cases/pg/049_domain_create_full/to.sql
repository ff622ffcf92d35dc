-- roles: sd_alice, sd_bob
-- covers: new domain with base type varchar(10), COLLATE "C", DEFAULT, NOT NULL, two named CHECKs, owner, USAGE grant and comment, used by a new column
CREATE DOMAIN us_postal AS varchar(10) COLLATE "C" DEFAULT '00000' NOT NULL
    CONSTRAINT us_postal_format CHECK (VALUE ~ '^[0-9]{5}$')
    CONSTRAINT us_postal_len CHECK (length(VALUE) = 5);
ALTER DOMAIN us_postal OWNER TO sd_alice;
REVOKE USAGE ON DOMAIN us_postal FROM PUBLIC;
GRANT USAGE ON DOMAIN us_postal TO sd_bob;
COMMENT ON DOMAIN us_postal IS 'five digit ZIP';
CREATE TABLE address (id integer PRIMARY KEY, street text NOT NULL, zip us_postal);
