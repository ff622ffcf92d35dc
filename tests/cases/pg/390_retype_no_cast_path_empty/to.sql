-- covers: retypes with no cast path on an empty table (integer -> date, integer[] -> date[], boolean -> date): each column dropped and added again behind a no_cast guard, its index and a view over it rebuilt, its comment set again; a retype with a cast path (integer -> bigint) in the same table converted in place
CREATE TABLE events (
    id integer PRIMARY KEY,
    happened date,
    tags date[],
    amount bigint,
    flag date
);
CREATE INDEX events_happened ON events (happened);
CREATE VIEW recent_events AS SELECT id, happened FROM events WHERE happened IS NOT NULL;
COMMENT ON COLUMN events.happened IS 'the day it happened';
