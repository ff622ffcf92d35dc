-- covers: column defaults: added (literal, array, enum, nextval), removed, changed (literal, now() -> clock_timestamp(), expression)
CREATE TYPE lvl AS ENUM ('low', 'high');
CREATE SEQUENCE t_code_seq;
CREATE TABLE t (
    id integer PRIMARY KEY,
    a text DEFAULT 'new',
    b integer,
    c text DEFAULT 'changed',
    d timestamptz DEFAULT clock_timestamp(),
    e integer[] DEFAULT '{}',
    f lvl DEFAULT 'low',
    g bigint DEFAULT nextval('t_code_seq'),
    h integer DEFAULT 2 * 3
);
