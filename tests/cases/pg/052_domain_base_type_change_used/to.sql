-- covers: domain base type changed (integer -> bigint) while a column with rows and a view use the domain
CREATE DOMAIN quantity AS bigint CONSTRAINT quantity_nonneg CHECK (VALUE >= 0);
CREATE TABLE line (id integer PRIMARY KEY, qty quantity NOT NULL);
CREATE VIEW big_lines AS SELECT id, qty FROM line WHERE qty > 10;
