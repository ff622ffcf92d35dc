-- covers: a column with data is dropped together with the sequence OWNED BY it (destructive); another sequence keeps its owner column
CREATE TABLE ledger (id integer PRIMARY KEY, entry_no integer);
CREATE SEQUENCE entry_seq OWNED BY ledger.entry_no;
ALTER TABLE ledger ALTER COLUMN entry_no SET DEFAULT nextval('entry_seq');
