-- roles: sd_alice, sd_bob
CREATE TABLE item (id integer PRIMARY KEY, name text);
CREATE CONVERSION conv_keep FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
ALTER CONVERSION conv_keep OWNER TO sd_alice;
COMMENT ON CONVERSION conv_keep IS 'old comment';
CREATE CONVERSION conv_drop FOR 'UTF8' TO 'LATIN2' FROM utf8_to_iso8859;
COMMENT ON CONVERSION conv_drop IS 'goes away';
CREATE CONVERSION conv_change FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
CREATE CONVERSION conv_target FOR 'UTF8' TO 'LATIN2' FROM utf8_to_iso8859;
CREATE CONVERSION conv_src FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE DEFAULT CONVERSION conv_def_drop FOR 'LATIN3' TO 'UTF8' FROM iso8859_to_utf8;
INSERT INTO item VALUES (1, 'a');
