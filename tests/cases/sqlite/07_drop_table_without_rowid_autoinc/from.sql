CREATE TABLE hosts (
  id INTEGER PRIMARY KEY,
  hostname TEXT NOT NULL UNIQUE
);
CREATE TABLE host_tags (
  host_id INTEGER NOT NULL REFERENCES hosts(id),
  tag TEXT NOT NULL,
  CONSTRAINT pk_host_tags PRIMARY KEY (host_id, tag)
) WITHOUT ROWID;
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  host_id INTEGER REFERENCES hosts(id),
  msg TEXT
);
CREATE INDEX events_host_idx ON events(host_id);
INSERT INTO hosts VALUES (1, 'db1'), (2, 'web1');
INSERT INTO host_tags VALUES (1, 'prod'), (2, 'prod'), (2, 'edge');
INSERT INTO events (host_id, msg) VALUES (1, 'boot'), (2, 'boot');
