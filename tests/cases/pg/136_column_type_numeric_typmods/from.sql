CREATE TABLE money_t (id integer PRIMARY KEY, a numeric(10,2), b numeric(12,2), c numeric(5,0));
INSERT INTO money_t VALUES (1, 12345678.90, 1.25, 99999), (2, 0.01, NULL, -1);
