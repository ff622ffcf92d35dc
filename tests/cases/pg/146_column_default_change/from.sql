CREATE TYPE lvl AS ENUM ('low', 'high');
CREATE SEQUENCE t_code_seq;
CREATE TABLE t (
    id integer PRIMARY KEY,
    a text,
    b integer DEFAULT 5,
    c text DEFAULT 'old',
    d timestamptz DEFAULT now(),
    e integer[],
    f lvl,
    g bigint,
    h integer DEFAULT 1 + 1
);
INSERT INTO t (id) VALUES (1), (2);
