-- covers: CHECK constraints added: on a kept table with rows, NO INHERIT on a parent with a child, NOT VALID, with a comment; new table with checks
CREATE TABLE item (
    id integer PRIMARY KEY, qty integer NOT NULL, price numeric(8,2),
    CONSTRAINT item_qty_nonneg CHECK (qty >= 0),
    CONSTRAINT item_price_positive CHECK (price > 0) NOT VALID
);
COMMENT ON CONSTRAINT item_qty_nonneg ON item IS 'no negative stock';
CREATE TABLE base (id integer NOT NULL, kind text, CONSTRAINT base_only_root CHECK (kind = 'root') NO INHERIT);
CREATE TABLE derived (extra text) INHERITS (base);
CREATE TABLE range_t (lo integer, hi integer,
    CONSTRAINT range_t_order CHECK (lo <= hi),
    CONSTRAINT range_t_lo CHECK (lo >= 0) NO INHERIT);
COMMENT ON CONSTRAINT range_t_order ON range_t IS 'lo before hi';
