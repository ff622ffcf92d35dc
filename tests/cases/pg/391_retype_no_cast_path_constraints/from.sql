-- No rows in the retyped table; rows elsewhere stay.
CREATE TABLE shifts (
    id integer PRIMARY KEY,
    starts integer NOT NULL,
    ends integer,
    CONSTRAINT shifts_starts_key UNIQUE (starts),
    CONSTRAINT shifts_order CHECK (ends > starts)
);
CREATE TABLE notes (id integer PRIMARY KEY, body text);
INSERT INTO notes VALUES (1, 'kept'), (2, 'kept too');
