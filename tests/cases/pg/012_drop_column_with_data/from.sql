CREATE TABLE person (
    id integer PRIMARY KEY,
    nickname text,
    age integer DEFAULT 18,
    name text NOT NULL,
    legacy_code varchar(8)
);
CREATE INDEX person_legacy_idx ON person (legacy_code);
INSERT INTO person VALUES (1, 'ace', 30, 'Ann', 'L1'), (2, NULL, 40, 'Ben', 'L2');
