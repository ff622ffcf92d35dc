CREATE TABLE payment (id integer PRIMARY KEY, cents integer NOT NULL);
CREATE VIEW payment_eur AS SELECT id, cents / 100 AS eur FROM payment;
CREATE VIEW big_payment AS SELECT id, eur FROM payment_eur WHERE eur > 1;
CREATE MATERIALIZED VIEW payment_total AS SELECT sum(eur) AS total FROM payment_eur;
INSERT INTO payment VALUES (1, 150), (2, 99);
