-- covers: retyping a column (integer -> bigint) that a STORED generated column and a CHECK depend on; stored values stay the same
CREATE TABLE line (
    id integer PRIMARY KEY,
    qty bigint NOT NULL CONSTRAINT line_qty_pos CHECK (qty > 0),
    unit_price integer NOT NULL,
    total bigint GENERATED ALWAYS AS (qty * unit_price) STORED
);
