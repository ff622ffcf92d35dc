CREATE TABLE account (id integer PRIMARY KEY, balance numeric(10, 2) NOT NULL, owner_name text);
INSERT INTO account VALUES (1, 10.50, 'ann'), (2, -3.00, 'bob');
CREATE VIEW account_names AS SELECT id, owner_name FROM account;
