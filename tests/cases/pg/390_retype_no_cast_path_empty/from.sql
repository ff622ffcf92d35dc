-- No rows: a column retyped with no cast path is dropped and added again (its guard finds no
-- value); with generated rows the guard refuses (rows_known_failures.txt, category (b)).
CREATE TABLE events (
    id integer PRIMARY KEY,
    happened integer,
    tags integer[],
    amount integer,
    flag boolean
);
CREATE INDEX events_happened ON events (happened);
CREATE VIEW recent_events AS SELECT id, happened FROM events WHERE happened IS NOT NULL;
COMMENT ON COLUMN events.happened IS 'yyyymmdd';
