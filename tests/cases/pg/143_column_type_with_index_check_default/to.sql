-- covers: retyped columns that carry an index, an expression index, a CHECK and a DEFAULT (integer -> bigint, varchar(10) -> varchar(40))
CREATE TABLE acct (
    id integer PRIMARY KEY,
    balance bigint NOT NULL DEFAULT 0 CONSTRAINT acct_balance_check CHECK (balance >= 0),
    code varchar(40) NOT NULL DEFAULT 'NEW'
);
CREATE INDEX acct_balance_idx ON acct (balance);
CREATE INDEX acct_code_lower_idx ON acct (lower(code));
