CREATE TABLE readings (
    id integer PRIMARY KEY,
    day integer,
    wait integer,
    sensor text NOT NULL
);
CREATE INDEX readings_day ON readings (day);
INSERT INTO readings VALUES (1, 0, 30, 'a'), (2, 365, NULL, 'b'), (3, NULL, 5, 'c');
