-- covers: new domain whose CHECK calls a new IMMUTABLE function; an existing text column is converted to the domain (rows satisfy it)
CREATE FUNCTION is_email(t text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
    RETURN t ~ '^[^@ ]+@[^@ ]+$';
CREATE DOMAIN email AS text CONSTRAINT email_valid CHECK (is_email(VALUE));
CREATE TABLE member (id integer PRIMARY KEY, email email NOT NULL);
