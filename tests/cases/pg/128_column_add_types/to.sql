-- covers: new nullable columns of many types on a table with rows: arrays, numeric(10,2), varchar(20), bit(8), timestamptz(3), interval, uuid, jsonb, bytea, inet, tsvector, built-in range, domain, enum, composite, numeric(6,2)[]
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE pair AS (n integer, s text);
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);

CREATE TABLE thing (
    id integer PRIMARY KEY,
    name text,
    tags text[],
    scores integer[],
    price numeric(10,2),
    code varchar(20),
    flags bit(8),
    seen timestamptz(3),
    span interval,
    ref uuid,
    doc jsonb,
    raw bytea,
    ip inet,
    fts tsvector,
    valid int4range,
    qty posint,
    feeling mood,
    pr pair,
    amounts numeric(6,2)[]
);
