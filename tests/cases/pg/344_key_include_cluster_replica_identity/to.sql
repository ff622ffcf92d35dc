-- covers: INCLUDE on a primary key and a unique constraint, CLUSTER ON and REPLICA IDENTITY USING INDEX on their indexes and a plain index, REPLICA IDENTITY FULL / NOTHING / DEFAULT: created with new tables, dropped with one, changed and moved between indexes
CREATE TABLE accounts (
    id integer NOT NULL,
    email text NOT NULL,
    name text,
    region text NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_email_key UNIQUE (email) INCLUDE (name)
);
ALTER TABLE accounts CLUSTER ON accounts_email_key;
CREATE UNIQUE INDEX accounts_region_idx ON accounts (region, id);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_region_idx;
CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL, CONSTRAINT events_kind_key UNIQUE (kind) INCLUDE (id));
ALTER TABLE events REPLICA IDENTITY USING INDEX events_pkey;
CREATE TABLE audit (id integer, note text);
ALTER TABLE audit REPLICA IDENTITY FULL;
CREATE TABLE fresh (id integer, v text, w text NOT NULL UNIQUE, PRIMARY KEY (id) INCLUDE (v));
ALTER TABLE fresh CLUSTER ON fresh_pkey;
ALTER TABLE fresh REPLICA IDENTITY USING INDEX fresh_w_key;
CREATE TABLE fresh_full (id integer);
ALTER TABLE fresh_full REPLICA IDENTITY NOTHING;
CREATE TABLE fresh2 (k text NOT NULL, v text, n integer NOT NULL, CONSTRAINT fresh2_k_key UNIQUE (k) INCLUDE (v));
ALTER TABLE fresh2 CLUSTER ON fresh2_k_key;
CREATE UNIQUE INDEX fresh2_n_idx ON fresh2 (n);
ALTER TABLE fresh2 REPLICA IDENTITY USING INDEX fresh2_n_idx;
CREATE TABLE plain (id integer);
CREATE TABLE fresh3 (id integer PRIMARY KEY);
ALTER TABLE fresh3 REPLICA IDENTITY USING INDEX fresh3_pkey;
