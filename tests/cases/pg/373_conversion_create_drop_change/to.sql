-- roles: sd_alice, sd_bob
-- covers: conversions created (DEFAULT, with a comment, from a built-in conversion function and from one of the schema's own, created first), dropped (one DEFAULT), changed (becoming DEFAULT, another source or target encoding and function: dropped and created), owner and comment changed
CREATE TABLE item (id integer PRIMARY KEY, name text);
CREATE FUNCTION my_conv(integer, integer, cstring, internal, integer, boolean) RETURNS integer
  LANGUAGE c STRICT PARALLEL SAFE AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE CONVERSION conv_keep FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
ALTER CONVERSION conv_keep OWNER TO sd_bob;
COMMENT ON CONVERSION conv_keep IS 'new comment';
CREATE DEFAULT CONVERSION conv_change FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
CREATE CONVERSION conv_target FOR 'UTF8' TO 'LATIN3' FROM utf8_to_iso8859;
CREATE CONVERSION conv_new FOR 'UTF8' TO 'LATIN1' FROM my_conv;
CREATE DEFAULT CONVERSION conv_new_default FOR 'LATIN2' TO 'UTF8' FROM iso8859_to_utf8;
COMMENT ON CONVERSION conv_new IS 'from a function of its own';
CREATE CONVERSION conv_src FOR 'LATIN2' TO 'UTF8' FROM iso8859_to_utf8;
INSERT INTO item VALUES (1, 'a');
