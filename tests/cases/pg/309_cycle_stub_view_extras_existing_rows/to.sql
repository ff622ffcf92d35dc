-- covers: a view in a loop with a function, created as a stub, with options, a comment and
-- column comments that come with its query (a stub cannot have check_option), next to a kept
-- table with rows whose existing view changes; the kept table gets a column whose default
-- calls a new function (no loop: a column change of a kept table is ordered on its own)
CREATE TABLE account (id integer PRIMARY KEY, balance numeric(10, 2) NOT NULL, owner_name text);
INSERT INTO account VALUES (1, 10.50, 'ann'), (2, -3.00, 'bob');
CREATE VIEW account_names AS SELECT id, upper(owner_name) AS owner_name FROM account;
CREATE VIEW positive AS SELECT id, balance FROM account WHERE balance > 0;
CREATE FUNCTION positive_total() RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(sum(balance), 0) FROM positive;
END;
CREATE OR REPLACE VIEW positive WITH (security_barrier = true) AS
    SELECT id, balance FROM account WHERE balance > 0 AND balance <= positive_total()
    WITH LOCAL CHECK OPTION;
COMMENT ON VIEW positive IS 'accounts in credit';
COMMENT ON COLUMN positive.balance IS 'never negative';
CREATE FUNCTION default_limit() RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 100 + count(*) FROM account;
END;
ALTER TABLE account ADD COLUMN credit_limit numeric DEFAULT default_limit();
