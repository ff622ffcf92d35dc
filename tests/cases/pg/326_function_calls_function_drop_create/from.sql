CREATE TABLE item (id integer PRIMARY KEY, price integer NOT NULL);
CREATE TABLE legacy (id integer PRIMARY KEY, note text);
CREATE VIEW legacy_notes AS SELECT id, upper(note) AS note FROM legacy;
CREATE FUNCTION base_rate(v integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN v * 2;
CREATE FUNCTION taxed(v integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN base_rate(v) + 1;
CREATE FUNCTION surcharge(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN taxed(v) * 2;
CREATE FUNCTION rate_plus(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN base_rate(v) + 10;
CREATE FUNCTION rate_user(v integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN base_rate(v);
CREATE VIEW item_surcharge AS SELECT id, surcharge(price) AS s FROM item;
CREATE FUNCTION old_helper(v integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN v - 1;
CREATE FUNCTION old_caller(v integer) RETURNS integer LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT old_helper(v) * 3;
END;
INSERT INTO item VALUES (1, 10), (2, 20);
INSERT INTO legacy VALUES (1, 'a'), (2, 'b');
