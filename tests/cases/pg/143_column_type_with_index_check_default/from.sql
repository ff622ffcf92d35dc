CREATE TABLE acct (
    id integer PRIMARY KEY,
    balance integer NOT NULL DEFAULT 0 CONSTRAINT acct_balance_check CHECK (balance >= 0),
    code varchar(10) NOT NULL DEFAULT 'NEW'
);
CREATE INDEX acct_balance_idx ON acct (balance);
CREATE INDEX acct_code_lower_idx ON acct (lower(code));
INSERT INTO acct VALUES (1, 100, 'A1'), (2, 0, 'B2');
