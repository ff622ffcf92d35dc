CREATE TYPE money_amt AS (amount integer, currency text, legacy text);
CREATE TYPE span AS RANGE (subtype = integer);
CREATE FUNCTION amt_value(m money_amt) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN (m).amount;
CREATE TABLE ledger (
    id integer PRIMARY KEY,
    amt money_amt NOT NULL,
    amts money_amt[],
    valid span DEFAULT '[0,1)',
    CONSTRAINT ledger_amt_pos CHECK ((amt).amount >= 0)
);
CREATE INDEX ledger_valid ON ledger USING gist (valid);
CREATE VIEW ledger_amounts AS SELECT id, (amt).amount AS amount, amt_value(amt) AS v, valid FROM ledger;
INSERT INTO ledger VALUES (1, ROW(10, 'EUR', 'x'), ARRAY[ROW(1, 'USD', NULL)::money_amt, NULL], '[1,5)'),
    (2, ROW(20, NULL, NULL), NULL, NULL), (3, ROW(NULL, NULL, NULL), '{}', 'empty');
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN qty AS integer CHECK (VALUE >= 0);
CREATE TABLE person (id integer PRIMARY KEY, m mood, q qty);
CREATE FUNCTION mood_label(x mood) RETURNS text LANGUAGE sql IMMUTABLE RETURN x::text || '!';
CREATE FUNCTION qty_twice(x qty) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN x::bigint * 2;
CREATE VIEW person_labels AS SELECT id, mood_label(m) AS l, qty_twice(q) AS q2 FROM person;
INSERT INTO person VALUES (1, 'ok', 3), (2, 'happy', NULL);
