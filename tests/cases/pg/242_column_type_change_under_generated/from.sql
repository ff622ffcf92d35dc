CREATE TABLE line (
    id integer PRIMARY KEY,
    qty integer NOT NULL CONSTRAINT line_qty_pos CHECK (qty > 0),
    unit_price integer NOT NULL,
    total integer GENERATED ALWAYS AS (qty * unit_price) STORED
);
INSERT INTO line (id, qty, unit_price) VALUES (1, 2, 50), (2, 1, 7);
