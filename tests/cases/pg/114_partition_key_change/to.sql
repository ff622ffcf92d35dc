-- covers: partition key changes on tables with rows: RANGE (id) -> LIST (region), HASH (id) -> HASH (code) (table rebuilt, rows moved)
CREATE TABLE orders (id integer NOT NULL, region text NOT NULL, total integer) PARTITION BY LIST (region);
CREATE TABLE orders_east PARTITION OF orders FOR VALUES IN ('east');
CREATE TABLE orders_west PARTITION OF orders FOR VALUES IN ('west');
CREATE TABLE tokens (id integer NOT NULL, code text NOT NULL) PARTITION BY HASH (code);
CREATE TABLE tokens_c0 PARTITION OF tokens FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE tokens_c1 PARTITION OF tokens FOR VALUES WITH (MODULUS 2, REMAINDER 1);
