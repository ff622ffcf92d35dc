-- covers: partition key change (RANGE (id) -> LIST (kind)) of a table with rows (moved from a dropped partition to a new one), identity ALWAYS and serial columns (positions kept), a kept empty DEFAULT partition, an index, a view and a FK with rows referencing it, a column dropped; a plain table becomes HASH partitioned
CREATE TABLE events (
    id integer GENERATED ALWAYS AS IDENTITY,
    kind text NOT NULL,
    seq serial,
    at date NOT NULL DEFAULT '2024-01-01',
    PRIMARY KEY (id, kind)
) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE events_default PARTITION OF events DEFAULT;
CREATE INDEX events_at_idx ON events (at);
CREATE TABLE event_ref (
    id integer PRIMARY KEY,
    event_id integer,
    event_kind text,
    CONSTRAINT event_ref_event_fk FOREIGN KEY (event_id, event_kind) REFERENCES events (id, kind)
);
CREATE VIEW recent_events AS SELECT id, kind, at FROM events WHERE at > '2023-01-01';
CREATE TABLE logs (id integer NOT NULL, msg text) PARTITION BY HASH (id);
CREATE TABLE logs_0 PARTITION OF logs FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE logs_1 PARTITION OF logs FOR VALUES WITH (MODULUS 2, REMAINDER 1);
