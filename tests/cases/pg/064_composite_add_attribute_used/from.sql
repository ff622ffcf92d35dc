CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE TABLE invoice (id integer PRIMARY KEY, total money_amount NOT NULL);
INSERT INTO invoice VALUES (1, ROW(10.50, 'EUR')), (2, ROW(3.00, 'USD'));
