-- roles: sd_bt_owner, sd_bt_user
-- covers: base types that nothing but their I/O functions uses, changed where no ALTER TYPE can: dropped with DROP TYPE ... CASCADE (guarded), the shell made again, their I/O functions of the target created (a new input and a new output function among them, the old ones gone with the type), then the definition, owner, privileges and comment: INPUT, OUTPUT, CATEGORY, PREFERRED, DEFAULT, DELIMITER, ELEMENT, COLLATABLE changed; STORAGE back to plain; a base type made a shell again
CREATE TYPE r1;
CREATE FUNCTION r1_in2(cstring) RETURNS r1 LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION r1_out(r1) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE TYPE r1 (INPUT = r1_in2, OUTPUT = r1_out, INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4,
    CATEGORY = 'N', PREFERRED = true, DEFAULT = '1', DELIMITER = ';');
COMMENT ON TYPE r1 IS 'after';
GRANT USAGE ON TYPE r1 TO sd_bt_user;
CREATE TYPE r2;
CREATE FUNCTION r2_in(cstring) RETURNS r2 LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION r2_out2(r2) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE r2 (INPUT = r2_in, OUTPUT = r2_out2, INTERNALLENGTH = 16, ALIGNMENT = double, COLLATABLE = true);
CREATE TYPE r3;
ALTER TYPE r3 OWNER TO sd_bt_owner;
CREATE TYPE r4;
CREATE FUNCTION r4_in(cstring) RETURNS r4 LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION r4_out(r4) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE TYPE r4 (INPUT = r4_in, OUTPUT = r4_out, INTERNALLENGTH = VARIABLE, STORAGE = plain);
CREATE TABLE keep (id integer PRIMARY KEY, note text);
