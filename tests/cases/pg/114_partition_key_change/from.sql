CREATE TABLE orders (id integer NOT NULL, region text NOT NULL, total integer) PARTITION BY RANGE (id);
CREATE TABLE orders_low PARTITION OF orders FOR VALUES FROM (1) TO (100);
CREATE TABLE orders_high PARTITION OF orders FOR VALUES FROM (100) TO (1000);
CREATE TABLE tokens (id integer NOT NULL, code text NOT NULL) PARTITION BY HASH (id);
CREATE TABLE tokens_0 PARTITION OF tokens FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE tokens_1 PARTITION OF tokens FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO orders VALUES (1, 'east', 10), (50, 'west', 20), (150, 'east', 30);
INSERT INTO tokens VALUES (1, 'a'), (2, 'b'), (3, 'c');
