CREATE TABLE ledger (id integer PRIMARY KEY, legacy_no integer, entry_no integer);
CREATE SEQUENCE legacy_seq OWNED BY ledger.legacy_no;
CREATE SEQUENCE entry_seq OWNED BY ledger.entry_no;
ALTER TABLE ledger ALTER COLUMN legacy_no SET DEFAULT nextval('legacy_seq');
ALTER TABLE ledger ALTER COLUMN entry_no SET DEFAULT nextval('entry_seq');
INSERT INTO ledger (id) VALUES (1), (2);
