CREATE TABLE line (id integer PRIMARY KEY, qty integer NOT NULL, price numeric(8,2), total numeric GENERATED ALWAYS AS (qty * price) STORED CHECK (total >= 0));
CREATE INDEX line_total_idx ON line (total);
INSERT INTO line (id, qty, price) VALUES (1, 2, 1.50), (2, 10, 0.25), (3, 1, NULL);
CREATE TABLE box (id integer PRIMARY KEY, w smallint, h smallint, area integer GENERATED ALWAYS AS (w * h) STORED, half integer GENERATED ALWAYS AS (w / 2) STORED);
INSERT INTO box (id, w, h) VALUES (1, 2, 3), (2, 10, 20);
CREATE TABLE part (id integer PRIMARY KEY, n smallint, twice integer GENERATED ALWAYS AS (n * 2) STORED, note text);
INSERT INTO part (id, n, note) VALUES (1, 5, 'five'), (2, NULL, NULL);
