-- covers: index table changed (events_kind_idx moves from old_events(kind) to events(kind), same name and keys)
CREATE TABLE old_events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
);
CREATE INDEX events_kind_idx ON events(kind);
