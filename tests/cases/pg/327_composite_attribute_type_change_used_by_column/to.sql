-- covers: a composite type whose attribute changes type (another dropped, one added), and a range type whose subtype changes, while table columns (also an array of the composite), a default, a CHECK, an index, a view and a function argument use them, and functions taking a reordered enum or a retyped domain: the columns are converted and keep their rows, the dependents (functions too) rebuilt
CREATE TYPE money_amt AS (amount numeric(12,2), currency text, note text);
CREATE TYPE span AS RANGE (subtype = bigint);
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
CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE DOMAIN qty AS bigint CHECK (VALUE >= 0);
CREATE TABLE person (id integer PRIMARY KEY, m mood, q qty);
CREATE FUNCTION mood_label(x mood) RETURNS text LANGUAGE sql IMMUTABLE RETURN x::text || '!';
CREATE FUNCTION qty_twice(x qty) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN x::bigint * 2;
CREATE VIEW person_labels AS SELECT id, mood_label(m) AS l, qty_twice(q) AS q2 FROM person;
