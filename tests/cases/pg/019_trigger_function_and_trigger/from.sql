CREATE TABLE account (id integer PRIMARY KEY, balance numeric(12,2) NOT NULL DEFAULT 0);
INSERT INTO account VALUES (1, 10.00), (2, 0.00);
