-- covers: domain base types changed (integer -> bigint, varchar(20) -> text, numeric(6,2) -> numeric(10,2)) on domains no column uses
CREATE DOMAIN qty AS bigint CHECK (VALUE >= 0);
CREATE DOMAIN label AS text;
CREATE DOMAIN money2 AS numeric(10,2) DEFAULT 0;
CREATE TABLE t (id integer PRIMARY KEY);
