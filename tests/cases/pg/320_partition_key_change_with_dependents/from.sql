CREATE TABLE events (
    id integer GENERATED ALWAYS AS IDENTITY,
    kind text NOT NULL,
    seq serial,
    at date NOT NULL DEFAULT '2024-01-01',
    note text,
    PRIMARY KEY (id, kind)
) PARTITION BY RANGE (id);
CREATE TABLE events_low PARTITION OF events FOR VALUES FROM (1) TO (100);
CREATE TABLE events_default PARTITION OF events DEFAULT;
CREATE INDEX events_at_idx ON events (at);
CREATE TABLE event_ref (
    id integer PRIMARY KEY,
    event_id integer,
    event_kind text,
    CONSTRAINT event_ref_event_fk FOREIGN KEY (event_id, event_kind) REFERENCES events (id, kind)
);
CREATE VIEW recent_events AS SELECT id, kind, at FROM events WHERE at > '2023-01-01';
CREATE TABLE logs (id integer NOT NULL, msg text);
INSERT INTO events (kind, note) VALUES ('a', 'x'), ('a', 'y'), ('a', NULL);
INSERT INTO event_ref VALUES (1, 1, 'a'), (2, NULL, NULL);
