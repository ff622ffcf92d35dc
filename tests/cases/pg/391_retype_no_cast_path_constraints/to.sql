-- covers: retypes with no cast path under constraints: a NOT NULL column with a unique constraint becomes a timestamp NOT NULL with a default, a nullable one a timestamp, a CHECK over both re-added after both are added again; another table's rows kept
CREATE TABLE shifts (
    id integer PRIMARY KEY,
    starts timestamp without time zone NOT NULL DEFAULT '2000-01-01 00:00:00',
    ends timestamp without time zone,
    CONSTRAINT shifts_starts_key UNIQUE (starts),
    CONSTRAINT shifts_order CHECK (ends > starts)
);
CREATE TABLE notes (id integer PRIMARY KEY, body text);
