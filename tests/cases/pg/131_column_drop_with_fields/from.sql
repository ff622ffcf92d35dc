-- roles: sd_alice, sd_bob
CREATE TABLE product (
    id integer PRIMARY KEY,
    price integer NOT NULL,
    status text NOT NULL DEFAULT 'draft',
    price_x2 integer GENERATED ALWAYS AS (price * 2) STORED,
    sku text COLLATE "C",
    seq_no bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10 CACHE 5),
    secret text,
    note text
);
GRANT SELECT (secret) ON product TO sd_bob;
COMMENT ON COLUMN product.note IS 'free text';
INSERT INTO product (id, price, status, sku, secret, note) VALUES (1, 10, 'live', 'A', 's1', 'n1'), (2, 25, 'draft', NULL, NULL, NULL);
