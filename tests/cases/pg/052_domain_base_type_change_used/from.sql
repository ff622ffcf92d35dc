CREATE DOMAIN quantity AS integer CONSTRAINT quantity_nonneg CHECK (VALUE >= 0);
CREATE TABLE line (id integer PRIMARY KEY, qty quantity NOT NULL);
CREATE VIEW big_lines AS SELECT id, qty FROM line WHERE qty > 10;
INSERT INTO line VALUES (1, 5), (2, 50);
