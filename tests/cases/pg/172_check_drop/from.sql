CREATE TABLE item (
    id integer PRIMARY KEY, qty integer NOT NULL, price numeric(8,2),
    CONSTRAINT item_qty_nonneg CHECK (qty >= 0),
    CONSTRAINT item_price_positive CHECK (price > 0) NOT VALID,
    CONSTRAINT item_id_small CHECK (id < 1000) NO INHERIT
);
COMMENT ON CONSTRAINT item_qty_nonneg ON item IS 'no negative stock';
CREATE TABLE range_t (lo integer, hi integer, CONSTRAINT range_t_order CHECK (lo <= hi));
INSERT INTO item VALUES (1, 5, 9.99), (2, 0, NULL);
INSERT INTO range_t VALUES (1, 2);
