CREATE TABLE old_events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
);
CREATE INDEX events_kind_idx ON old_events(kind);
INSERT INTO old_events VALUES (1, 'click'), (2, 'view');
INSERT INTO events VALUES (1, 'view');
