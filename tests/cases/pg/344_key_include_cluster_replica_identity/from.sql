CREATE TABLE accounts (
    id integer NOT NULL,
    email text NOT NULL,
    name text,
    region text NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id) INCLUDE (name),
    CONSTRAINT accounts_email_key UNIQUE (email)
);
ALTER TABLE accounts CLUSTER ON accounts_pkey;
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email_key;
CREATE UNIQUE INDEX accounts_region_idx ON accounts (region, id);
CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL, CONSTRAINT events_kind_key UNIQUE (kind) INCLUDE (id));
ALTER TABLE events REPLICA IDENTITY FULL;
ALTER TABLE events CLUSTER ON events_kind_key;
CREATE TABLE audit (id integer, note text);
ALTER TABLE audit REPLICA IDENTITY NOTHING;
CREATE TABLE gone (id integer, v text, PRIMARY KEY (id) INCLUDE (v));
ALTER TABLE gone CLUSTER ON gone_pkey;
ALTER TABLE gone REPLICA IDENTITY USING INDEX gone_pkey;
CREATE TABLE gone2 (k text NOT NULL, v text, CONSTRAINT gone2_k_key UNIQUE (k) INCLUDE (v));
ALTER TABLE gone2 CLUSTER ON gone2_k_key;
ALTER TABLE gone2 REPLICA IDENTITY USING INDEX gone2_k_key;
CREATE TABLE gone3 (k integer NOT NULL);
CREATE UNIQUE INDEX gone3_k_idx ON gone3 (k);
ALTER TABLE gone3 REPLICA IDENTITY USING INDEX gone3_k_idx;
CREATE TABLE plain (id integer);
ALTER TABLE plain REPLICA IDENTITY FULL;
INSERT INTO accounts VALUES (1, 'a@x', 'A', 'eu'), (2, 'b@x', NULL, 'us');
INSERT INTO events VALUES (1, 'login'), (2, 'logout');
INSERT INTO audit VALUES (1, 'n');
INSERT INTO gone VALUES (1, 'v');
