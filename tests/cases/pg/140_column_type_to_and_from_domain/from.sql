CREATE DOMAIN pct AS integer CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE stat (id integer PRIMARY KEY, qty integer, share pct);
INSERT INTO stat VALUES (1, 5, 50), (2, 7, 100);
