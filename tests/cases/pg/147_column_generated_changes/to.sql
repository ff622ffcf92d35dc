-- covers: generated columns: expression changed, GENERATED -> plain (DROP EXPRESSION keeps values), plain -> GENERATED, generated column added and dropped; rows keep their values
CREATE TABLE box (
    id integer PRIMARY KEY,
    w integer NOT NULL,
    h integer NOT NULL,
    area integer GENERATED ALWAYS AS (coalesce(w, 0) * coalesce(h, 0)) STORED,
    perimeter integer,
    w_plus_one integer GENERATED ALWAYS AS (w + 1) STORED,
    label text GENERATED ALWAYS AS (w::text || 'x' || h::text) STORED
);
