-- covers: type spellings that mean the same type: int/int4/integer, timestamptz/timestamp with time zone, bool, varchar, float8, decimal, char, timetz, int2, float4, varbit (expect no diff)
CREATE TABLE measurements (
    a integer,
    b integer,
    c int4,
    d timestamp with time zone,
    e boolean,
    f character varying(10),
    g double precision,
    h bigint,
    i numeric(8,2),
    j character(3),
    k timetz,
    l timestamp without time zone,
    m smallint,
    n float4,
    o float8,
    p varbit(5),
    q integer NOT NULL
);
CREATE SEQUENCE measurements_q_seq AS integer OWNED BY measurements.q;
ALTER TABLE measurements ALTER COLUMN q SET DEFAULT nextval('measurements_q_seq'::regclass);
