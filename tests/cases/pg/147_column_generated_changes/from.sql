CREATE TABLE box (
    id integer PRIMARY KEY,
    w integer NOT NULL,
    h integer NOT NULL,
    area integer GENERATED ALWAYS AS (w * h) STORED,
    perimeter integer GENERATED ALWAYS AS (2 * (w + h)) STORED,
    w_plus_one integer,
    h_times_3 integer GENERATED ALWAYS AS (h * 3) STORED
);
INSERT INTO box (id, w, h, w_plus_one) VALUES (1, 2, 3, 3), (2, 5, 7, 6);
