CREATE TABLE legacy (
    id integer PRIMARY KEY,
    small smallint,
    label varchar(20),
    note text,
    qty_text text,
    day_text text,
    flag_text text,
    amount integer
);
INSERT INTO legacy VALUES
    (1, 7, 'first', 'short note', '42', '2024-01-31', 't', 100),
    (2, -3, 'second', NULL, '-5', '2023-12-01', 'f', 0),
    (3, NULL, NULL, 'x', NULL, NULL, NULL, NULL);
